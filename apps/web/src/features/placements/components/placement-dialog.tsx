import { Alert, Button, Group, Modal, Stack } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../lib/api-client';
import { usePartnerChoices } from '../api/get-partner-choices';
import type { PlacementItem } from '../api/get-placements';
import { useSavePlacement } from '../api/save-placement';
import {
  buildPlacementBody,
  draftOfPlacement,
  EMPTY_PLACEMENT_DRAFT,
  type PlacementDraft,
} from './placement-draft';
import { PlacementFields } from './placement-fields';
import { describeSaveError, isStaleError } from './save-error';

interface PlacementDialogProps {
  opened: boolean;
  candidacyId: string;
  /** The placement edited; a new one when absent. */
  placement?: PlacementItem | undefined;
  /** The learner's placements, to link an internship turned into a CDI. */
  others: readonly PlacementItem[];
  onClose: () => void;
}

export function PlacementDialog({ opened, candidacyId, placement, others, onClose }: PlacementDialogProps) {
  const { t } = useTranslation();
  const partnersQuery = usePartnerChoices();
  const saveMutation = useSavePlacement();
  const [draft, setDraft] = useState<PlacementDraft>(EMPTY_PLACEMENT_DRAFT);
  const [errors, setErrors] = useState<Partial<Record<keyof PlacementDraft, string>>>({});

  const placementId = placement?.id;
  useEffect(() => {
    if (!opened) return;
    setDraft(placement ? draftOfPlacement(placement) : EMPTY_PLACEMENT_DRAFT);
    setErrors({});
    saveMutation.reset();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened, placementId]);

  const submit = () => {
    const result = buildPlacementBody(candidacyId, draft);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    saveMutation.mutate(
      { id: placement?.id, version: placement?.version, body: result.body },
      {
        onSuccess: onClose,
        onError: (error) => {
          if (isApiError(error)) setErrors(error.bodyFieldErrors as typeof errors);
        },
      },
    );
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size="lg"
      title={placement ? t('placements.dialog.editTitle') : t('placements.dialog.createTitle')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack gap="md">
          <PlacementFields
            value={draft}
            onChange={setDraft}
            errors={errors}
            partners={partnersQuery.data ?? []}
            previous={others
              .filter((other) => other.id !== placement?.id)
              .map((other) => ({
                id: other.id,
                label: `${t(`placements.kinds.${other.kind}`)} · ${other.partnerName ?? other.employerName ?? ''} · ${other.startDate}`,
              }))}
          />
          {saveMutation.isError && (
            <Alert color="red" variant="light" role="alert" icon={<IconAlertTriangle aria-hidden />}>
              {isStaleError(saveMutation.error)
                ? t('placements.stale')
                : describeSaveError(saveMutation.error, t)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={saveMutation.isPending}>
              {t('placements.dialog.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
