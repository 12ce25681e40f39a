import { Alert, Button, Group, Modal, Radio, Stack, Text, Textarea } from '@mantine/core';
import type { CandidacyDetail } from '@passerelle/domain/candidacy/candidacy-pipeline.schema';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRemoveEligibilityDecision } from '../api/remove-eligibility-decision';
import { useSetEligibilityDecision } from '../api/set-eligibility-decision';
import { describeMoveError, isStaleError } from './move-candidacy-dialog';

type DecisionStatus = 'eligible' | 'ineligible';
const REASON_MIN_LENGTH = 3;

interface DecisionDialogProps {
  candidacy: Pick<CandidacyDetail, 'id' | 'version' | 'eligibilityStatus' | 'eligibilityDecision'>;
  opened: boolean;
  onClose: () => void;
  /** Reloads the candidacy after a stale-version refusal; what was typed stays in the dialog. */
  onReload: () => void;
}

function StaleAlert({ onReload }: { onReload: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      color="orange"
      variant="light"
      role="alert"
      icon={<IconAlertTriangle aria-hidden />}
      title={t('candidacies.stale.title')}
    >
      <Text size="sm">{t('candidacies.stale.description')}</Text>
      <Button
        mt="sm"
        size="xs"
        variant="white"
        color="orange"
        leftSection={<IconRefresh size={14} aria-hidden />}
        onClick={onReload}
      >
        {t('candidacies.stale.reload')}
      </Button>
    </Alert>
  );
}

// The stale notice stays until the reloaded version arrives, so nobody confirms on the old one.

/** A coordinator's derogation: eligible or ineligible whatever the computation says, always with a reason. */
export function EligibilityDecisionDialog({ candidacy, opened, onClose, onReload }: DecisionDialogProps) {
  const { t } = useTranslation();
  const setMutation = useSetEligibilityDecision();
  const current = candidacy.eligibilityDecision;
  const [status, setStatus] = useState<DecisionStatus>('eligible');
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [staleVersion, setStaleVersion] = useState<number | null>(null);

  // Opening starts from the decision in force, else from the opposite of the computed status.
  useEffect(() => {
    if (!opened) return;
    setStatus(current?.status ?? (candidacy.eligibilityStatus === 'eligible' ? 'ineligible' : 'eligible'));
    setReason(current?.reason ?? '');
    setReasonError(null);
    setStaleVersion(null);
    setMutation.reset();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened]);

  const isStale = isStaleError(setMutation.error) && staleVersion === candidacy.version;

  const submit = () => {
    if (reason.trim().length < REASON_MIN_LENGTH) {
      setReasonError(t('candidacies.decision.reasonRequired', { min: REASON_MIN_LENGTH }));
      return;
    }
    setReasonError(null);
    setMutation.mutate(
      { id: candidacy.id, body: { status, reason: reason.trim(), version: candidacy.version } },
      {
        onSuccess: onClose,
        onError: (error) => {
          if (isStaleError(error)) setStaleVersion(candidacy.version);
        },
      },
    );
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('candidacies.decision.title')}
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
          <Text size="sm">{t('candidacies.decision.description')}</Text>
          <Radio.Group
            label={t('candidacies.decision.status')}
            required
            value={status}
            onChange={(value) => setStatus(value === 'ineligible' ? 'ineligible' : 'eligible')}
          >
            <Stack gap={6} mt={6}>
              <Radio value="eligible" label={t('candidacies.decision.statuses.eligible')} />
              <Radio value="ineligible" label={t('candidacies.decision.statuses.ineligible')} />
            </Stack>
          </Radio.Group>
          <Textarea
            label={t('candidacies.decision.reason')}
            description={t('candidacies.decision.reasonHint')}
            required
            autosize
            minRows={3}
            maxLength={1000}
            value={reason}
            error={reasonError}
            onChange={(event) => setReason(event.currentTarget.value)}
          />
          {isStale ? (
            <StaleAlert onReload={onReload} />
          ) : (
            setMutation.isError &&
            !isStaleError(setMutation.error) && (
              <Alert color="red" variant="light" role="alert" icon={<IconAlertTriangle aria-hidden />}>
                {describeMoveError(setMutation.error, t)}
              </Alert>
            )
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={setMutation.isPending}>
              {t('candidacies.decision.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Withdrawing the derogation brings the computed status back: confirmed first. */
export function RemoveDecisionDialog({ candidacy, opened, onClose, onReload }: DecisionDialogProps) {
  const { t } = useTranslation();
  const removeMutation = useRemoveEligibilityDecision();
  const [staleVersion, setStaleVersion] = useState<number | null>(null);

  useEffect(() => {
    if (!opened) return;
    setStaleVersion(null);
    removeMutation.reset();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened]);

  const isStale = isStaleError(removeMutation.error) && staleVersion === candidacy.version;

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('candidacies.decision.removeTitle')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack gap="md">
        <Text size="sm">{t('candidacies.decision.removeDescription')}</Text>
        {isStale ? (
          <StaleAlert onReload={onReload} />
        ) : (
          removeMutation.isError &&
          !isStaleError(removeMutation.error) && (
            <Alert color="red" variant="light" role="alert" icon={<IconAlertTriangle aria-hidden />}>
              {describeMoveError(removeMutation.error, t)}
            </Alert>
          )
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color="red.8"
            loading={removeMutation.isPending}
            onClick={() =>
              removeMutation.mutate(
                { id: candidacy.id, version: candidacy.version },
                {
                  onSuccess: onClose,
                  onError: (error) => {
                    if (isStaleError(error)) setStaleVersion(candidacy.version);
                  },
                },
              )
            }
          >
            {t('candidacies.decision.remove')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
