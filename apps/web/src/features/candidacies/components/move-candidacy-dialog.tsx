import { Alert, Button, Group, Modal, NativeSelect, Stack, Text } from '@mantine/core';
import { CANDIDACY_MOVES } from '@passerelle/domain/candidacy/candidacy';
import { type CandidacyStage, CandidacyStageSchema } from '@passerelle/domain/candidacy/candidacy.schema';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../lib/api-client';
import { describeError } from '../../../lib/problem-message';
import { useMoveCandidacy } from '../api/move-candidacy';
import {
  buildMove,
  checkMoveReason,
  EMPTY_MOVE_REASON,
  type MoveReason,
  type MoveReasonError,
  MoveReasonFields,
} from './move-reason-fields';

export interface MovableCandidacy {
  id: string;
  stage: CandidacyStage;
  version: number;
  name: string;
}

interface MoveCandidacyDialogProps {
  candidacy: MovableCandidacy | null;
  /** Preset target (a drop on the board, a stage button); else the dialog asks. */
  to?: CandidacyStage | null | undefined;
  onClose: () => void;
  onMoved?: ((stage: CandidacyStage) => void) | undefined;
  /** Reloads the candidacy after a stale-version refusal; what was typed stays in the dialog. */
  onReload: () => void;
}

/** The message to show for a refused move: the server's reason (already in the user's language). */
export function describeMoveError(error: unknown, t: Parameters<typeof describeError>[1]): string {
  if (
    isApiError(error) &&
    (error.code === 'conflict' || error.code === 'rule_violated') &&
    error.problem.detail
  ) {
    return error.problem.detail;
  }
  return describeError(error, t);
}

export function isStaleError(error: unknown): boolean {
  return isApiError(error) && (error.code === 'stale_version' || error.status === 412);
}

export function MoveCandidacyDialog({
  candidacy,
  to: presetTo,
  onClose,
  onMoved,
  onReload,
}: MoveCandidacyDialogProps) {
  const { t } = useTranslation();
  const moveMutation = useMoveCandidacy();
  const [to, setTo] = useState<CandidacyStage | null>(presetTo ?? null);
  const [reason, setReason] = useState<MoveReason>(EMPTY_MOVE_REASON);
  const [fieldError, setFieldError] = useState<MoveReasonError | null>(null);
  const [staleVersion, setStaleVersion] = useState<number | null>(null);

  const candidacyId = candidacy?.id;
  // A new dialog starts blank; a reload of the same candidacy keeps what was typed.
  useEffect(() => {
    setTo(presetTo ?? null);
    setReason(EMPTY_MOVE_REASON);
    setFieldError(null);
    setStaleVersion(null);
    moveMutation.reset();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [candidacyId, presetTo]);

  if (!candidacy) return <Modal opened={false} onClose={onClose} title="" />;

  const allowed = CANDIDACY_MOVES[candidacy.stage];
  const isStale = isStaleError(moveMutation.error) && staleVersion === candidacy.version;

  const submit = () => {
    if (!to) return;
    const missing = checkMoveReason(candidacy.stage, to, reason);
    setFieldError(missing);
    if (missing) return;
    moveMutation.mutate(
      { id: candidacy.id, body: { ...buildMove(to, reason), version: candidacy.version } },
      {
        onSuccess: () => {
          onMoved?.(to);
          onClose();
        },
        onError: (error) => {
          if (isStaleError(error)) setStaleVersion(candidacy.version);
        },
      },
    );
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={
        to
          ? t('candidacies.move.titleTo', { stage: t(`candidacies.stages.${to}`) })
          : t('candidacies.move.title')
      }
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
        noValidate
      >
        <Stack gap="md">
          <Text size="sm">
            {t('candidacies.move.summary', {
              name: candidacy.name,
              from: t(`candidacies.stages.${candidacy.stage}`),
            })}
          </Text>
          {!presetTo && (
            <NativeSelect
              label={t('candidacies.move.to')}
              required
              value={to ?? ''}
              data={[
                { value: '', label: t('candidacies.move.pickStage') },
                ...allowed.map((stage) => ({ value: stage, label: t(`candidacies.stages.${stage}`) })),
              ]}
              onChange={(event) => {
                const parsed = CandidacyStageSchema.safeParse(event.currentTarget.value);
                setTo(parsed.success ? parsed.data : null);
              }}
            />
          )}
          {to && (
            <MoveReasonFields
              from={candidacy.stage}
              to={to}
              value={reason}
              onChange={setReason}
              error={fieldError}
            />
          )}
          {isStale ? (
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
                // The notice stays until the new version arrives, so nobody confirms on the old one.
                onClick={onReload}
              >
                {t('candidacies.stale.reload')}
              </Button>
            </Alert>
          ) : (
            moveMutation.isError &&
            !isStaleError(moveMutation.error) && (
              <Alert
                color="red"
                variant="light"
                role="alert"
                icon={<IconAlertTriangle aria-hidden />}
                title={t('candidacies.move.refused')}
              >
                {describeMoveError(moveMutation.error, t)}
              </Alert>
            )
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button
              type="submit"
              loading={moveMutation.isPending}
              disabled={!to}
              color={to === 'rejected' ? 'red.8' : undefined}
            >
              {to
                ? t('candidacies.move.confirmTo', { stage: t(`candidacies.stages.${to}`) })
                : t('candidacies.move.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
