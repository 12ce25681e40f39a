import { Alert, Button, Group, Modal, Radio, Stack, Text, Textarea } from '@mantine/core';
import { SITUATIONS_WITHOUT_PLACEMENT } from '@passerelle/domain/follow-up/follow-up.schema';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FollowUpItem } from '../api/get-follow-ups';
import { usePartnerChoices } from '../api/get-partner-choices';
import { useLearnerPlacements } from '../api/get-placements';
import { useRecordFollowUp } from '../api/record-follow-up';
import { useSavePlacement } from '../api/save-placement';
import {
  buildPlacementBody,
  EMPTY_PLACEMENT_DRAFT,
  type FollowUpChoice,
  initialFollowUpChoice,
  type PlacementDraft,
} from './placement-draft';
import { PlacementFields } from './placement-fields';
import { describeSaveError, isStaleError } from './save-error';

/** The radio value of a choice, and back. */
export function choiceToValue(choice: FollowUpChoice): string {
  if (choice.kind === 'placement') return `placement:${choice.placementId}`;
  if (choice.kind === 'situation') return `situation:${choice.situation}`;
  return choice.kind;
}

export function valueToChoice(value: string): FollowUpChoice {
  const [kind, rest] = value.split(':');
  if (kind === 'placement' && rest) return { kind: 'placement', placementId: rest };
  const situation = SITUATIONS_WITHOUT_PLACEMENT.find((candidate) => candidate === rest);
  if (kind === 'situation' && situation) return { kind: 'situation', situation };
  if (kind === 'new_placement') return { kind: 'new_placement' };
  return { kind: 'none' };
}

/**
 * Records a follow-up in one dialog: the placement held then, a new one created on the spot, or
 * job seeking / inactive / not reached.
 */
export function FollowUpRecordDialog({
  followUp,
  onClose,
}: {
  followUp: FollowUpItem | null;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const placementsQuery = useLearnerPlacements(followUp?.candidacyId);
  const partnersQuery = usePartnerChoices();
  const recordMutation = useRecordFollowUp();
  const savePlacement = useSavePlacement();
  const [choice, setChoice] = useState<FollowUpChoice>({ kind: 'none' });
  const [draft, setDraft] = useState<PlacementDraft>(EMPTY_PLACEMENT_DRAFT);
  const [draftErrors, setDraftErrors] = useState<Partial<Record<keyof PlacementDraft, string>>>({});
  const [choiceError, setChoiceError] = useState(false);
  const [comment, setComment] = useState('');
  const placements = placementsQuery.data ?? [];

  const followUpId = followUp?.id;
  // A new follow-up opens blank, or on what was recorded; nothing typed is lost when data arrives.
  useEffect(() => {
    if (!followUp) return;
    const recorded = followUp.situation ? valueToChoice(`situation:${followUp.situation.kind}`) : null;
    setChoice(
      followUp.placementId
        ? { kind: 'placement', placementId: followUp.placementId }
        : recorded?.kind === 'situation'
          ? recorded
          : { kind: 'none' },
    );
    setDraft({ ...EMPTY_PLACEMENT_DRAFT, startDate: followUp.dueOn });
    setDraftErrors({});
    setChoiceError(false);
    setComment(followUp.comment ?? '');
    recordMutation.reset();
    savePlacement.reset();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [followUpId]);

  // Once the learner's placements are known, suggest the one held at the due date (if nothing is chosen yet).
  const placementsLoaded = placementsQuery.isSuccess;
  useEffect(() => {
    if (!followUp || !placementsLoaded) return;
    const suggestion = initialFollowUpChoice(placements, followUp.dueOn);
    setChoice((current) => (current.kind === 'none' ? suggestion : current));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [followUpId, placementsLoaded]);

  if (!followUp) return <Modal opened={false} onClose={onClose} title="" />;
  const formatDate = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long' });
  const error = savePlacement.error ?? recordMutation.error;

  const submit = async () => {
    if (choice.kind === 'none') {
      setChoiceError(true);
      return;
    }
    let placementId: string | null = choice.kind === 'placement' ? choice.placementId : null;
    if (choice.kind === 'new_placement') {
      const result = buildPlacementBody(followUp.candidacyId, draft);
      if (!result.ok) {
        setDraftErrors(result.errors);
        return;
      }
      setDraftErrors({});
      // A placement created here stays even if recording then fails: the next try picks it in the list.
      const created = await savePlacement.mutateAsync({ body: result.body }).catch(() => null);
      if (!created) return;
      placementId = created.id;
      setChoice({ kind: 'placement', placementId: created.id });
    }
    recordMutation.mutate(
      {
        id: followUp.id,
        body: {
          placementId,
          situationKind: choice.kind === 'situation' ? choice.situation : null,
          comment: comment.trim() || null,
          version: followUp.version,
        },
      },
      { onSuccess: onClose },
    );
  };

  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={t('followUps.record.title', {
        name: `${followUp.learner.firstName} ${followUp.learner.lastName}`,
        milestone: t(`followUps.milestones.${followUp.milestone}`),
      })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t('followUps.record.context', {
              session: followUp.session.name,
              date: formatDate.format(new Date(`${followUp.dueOn}T12:00:00`)),
            })}
          </Text>
          <Radio.Group
            label={t('followUps.record.situation')}
            required
            value={choiceToValue(choice)}
            onChange={(value) => {
              setChoice(valueToChoice(value));
              setChoiceError(false);
            }}
            error={choiceError ? t('followUps.record.pickSituation') : undefined}
          >
            <Stack gap="xs" mt="xs">
              {placements.map((placement) => (
                <Radio
                  key={placement.id}
                  value={`placement:${placement.id}`}
                  label={t('followUps.record.heldPlacement', {
                    kind: t(`placements.kinds.${placement.kind}`),
                    employer: placement.partnerName ?? placement.employerName ?? '—',
                    date: formatDate.format(new Date(`${placement.startDate}T12:00:00`)),
                  })}
                />
              ))}
              <Radio value="new_placement" label={t('followUps.record.newPlacement')} />
              {SITUATIONS_WITHOUT_PLACEMENT.map((situation) => (
                <Radio
                  key={situation}
                  value={`situation:${situation}`}
                  label={t(`followUps.situations.${situation}`)}
                />
              ))}
            </Stack>
          </Radio.Group>
          {choice.kind === 'new_placement' && (
            <PlacementFields
              value={draft}
              onChange={setDraft}
              errors={draftErrors}
              partners={partnersQuery.data ?? []}
              previous={[]}
            />
          )}
          <Textarea
            label={t('followUps.record.comment')}
            autosize
            minRows={2}
            maxLength={2000}
            value={comment}
            onChange={(event) => setComment(event.currentTarget.value)}
          />
          {error && (
            <Alert color="red" variant="light" role="alert" icon={<IconAlertTriangle aria-hidden />}>
              {isStaleError(error) ? t('placements.stale') : describeSaveError(error, t)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={recordMutation.isPending || savePlacement.isPending}>
              {t('followUps.record.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
