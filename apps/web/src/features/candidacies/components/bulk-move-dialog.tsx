import {
  Alert,
  Badge,
  Button,
  Group,
  List,
  Modal,
  NativeSelect,
  ScrollArea,
  Stack,
  Text,
} from '@mantine/core';
import {
  CANDIDACY_STAGES,
  type CandidacyStage,
  CandidacyStageSchema,
} from '@passerelle/domain/candidacy/candidacy.schema';
import type { BulkTransitionResult } from '@passerelle/domain/candidacy/candidacy-pipeline.schema';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../lib/problem-message';
import { useMoveCandidacies } from '../api/move-candidacies';
import {
  buildMove,
  checkMoveReason,
  EMPTY_MOVE_REASON,
  type MoveReason,
  type MoveReasonError,
  MoveReasonFields,
} from './move-reason-fields';

interface BulkMoveDialogProps {
  opened: boolean;
  /** The selected candidacies, by id, with the name to show in the results. */
  candidacies: { id: string; name: string }[];
  onClose: () => void;
  onDone: () => void;
}

// Reopenings need a per-candidacy comment: bulk moves go forward or out.
const BULK_TARGETS = CANDIDACY_STAGES.filter((stage) => stage !== 'submitted');

export function BulkMoveDialog({ opened, candidacies, onClose, onDone }: BulkMoveDialogProps) {
  const { t } = useTranslation();
  const bulkMutation = useMoveCandidacies();
  const [to, setTo] = useState<CandidacyStage | null>(null);
  const [reason, setReason] = useState<MoveReason>(EMPTY_MOVE_REASON);
  const [fieldError, setFieldError] = useState<MoveReasonError | null>(null);
  const [result, setResult] = useState<BulkTransitionResult | null>(null);
  // The list behind may change once moved (filters): the dialog keeps the selection it opened with.
  const [snapshot, setSnapshot] = useState(candidacies);

  useEffect(() => {
    if (!opened) return;
    setTo(null);
    setReason(EMPTY_MOVE_REASON);
    setFieldError(null);
    setResult(null);
    setSnapshot(candidacies);
    bulkMutation.reset();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened]);

  const names = new Map(snapshot.map((candidacy) => [candidacy.id, candidacy.name]));
  const movedCount = result?.results.filter((entry) => entry.status === 'moved').length ?? 0;
  const refused = result?.results.filter((entry) => entry.status === 'refused') ?? [];

  const submit = () => {
    if (!to) return;
    const missing = checkMoveReason(null, to, reason);
    setFieldError(missing);
    if (missing) return;
    bulkMutation.mutate(
      { ...buildMove(to, reason), ids: snapshot.map((candidacy) => candidacy.id) },
      { onSuccess: setResult },
    );
  };

  const close = () => {
    if (result) onDone();
    onClose();
  };

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t('candidacies.bulk.title', { count: snapshot.length })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      size="lg"
    >
      {result ? (
        <Stack gap="md">
          <Alert
            color={refused.length ? 'orange' : 'green'}
            variant="light"
            role="status"
            title={t('candidacies.bulk.done')}
          >
            {t('candidacies.bulk.summary', { moved: movedCount, refused: refused.length })}
          </Alert>
          <ScrollArea.Autosize mah={320}>
            <List spacing={6} size="sm" listStyleType="none" aria-label={t('candidacies.bulk.results')}>
              {result.results.map((entry) => (
                <List.Item key={entry.id}>
                  <Group gap="xs" wrap="nowrap" align="flex-start">
                    <Badge
                      color={entry.status === 'moved' ? 'green' : 'red'}
                      variant="dot"
                      radius="sm"
                      tt="none"
                      miw={70}
                    >
                      {t(`candidacies.bulk.status.${entry.status}`)}
                    </Badge>
                    <div>
                      <Text size="sm" fw={600}>
                        {names.get(entry.id) ?? entry.id}
                      </Text>
                      {entry.problem && (
                        <Text size="sm" c="dimmed">
                          {entry.problem.detail}
                        </Text>
                      )}
                    </div>
                  </Group>
                </List.Item>
              ))}
            </List>
          </ScrollArea.Autosize>
          <Group justify="flex-end">
            <Button onClick={close}>{t('common.close')}</Button>
          </Group>
        </Stack>
      ) : (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <Stack gap="md">
            <Text size="sm">{t('candidacies.bulk.description')}</Text>
            <NativeSelect
              label={t('candidacies.move.to')}
              required
              value={to ?? ''}
              data={[
                { value: '', label: t('candidacies.move.pickStage') },
                ...BULK_TARGETS.map((stage) => ({ value: stage, label: t(`candidacies.stages.${stage}`) })),
              ]}
              onChange={(event) => {
                const parsed = CandidacyStageSchema.safeParse(event.currentTarget.value);
                setTo(parsed.success ? parsed.data : null);
              }}
            />
            {to && (
              <MoveReasonFields from={null} to={to} value={reason} onChange={setReason} error={fieldError} />
            )}
            {bulkMutation.isError && (
              <Alert color="red" variant="light" role="alert" icon={<IconAlertTriangle aria-hidden />}>
                {describeError(bulkMutation.error, t)}
              </Alert>
            )}
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button
                type="submit"
                loading={bulkMutation.isPending}
                disabled={!to}
                color={to === 'rejected' ? 'red.8' : undefined}
              >
                {t('candidacies.bulk.confirm', { count: snapshot.length })}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
