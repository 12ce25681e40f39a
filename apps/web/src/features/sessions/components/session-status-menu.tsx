import { Alert, Button, Group, Menu, Modal, Stack, Text, Textarea } from '@mantine/core';
import { SESSION_STATUS_MOVES } from '@passerelle/domain/session/session';
import type { Session, SessionStatus } from '@passerelle/domain/session/session.schema';
import { IconAlertCircle, IconChevronDown, IconRefresh } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../../components/ui/notify';
import { isApiError } from '../../../lib/api-client';
import { describeError } from '../../../lib/problem-message';
import { useMoveSessionStatus } from '../api/move-session-status';
import { sessionKeys } from '../api/session-keys';

/** Moves that end the session for good: they are confirmed first. */
const FINAL_MOVES: readonly SessionStatus[] = ['cancelled', 'archived'];

type Refusal = { message: string; isStale: boolean };

/**
 * The status actions the session's current status allows (the domain's one table of moves). A
 * refusal by the API is shown with its reason; a stale version offers to reload.
 */
export function SessionStatusMenu({ session }: { session: Session }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const moveMutation = useMoveSessionStatus();
  const [confirming, setConfirming] = useState<SessionStatus | null>(null);
  const [comment, setComment] = useState('');
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const moves = SESSION_STATUS_MOVES[session.status];

  if (moves.length === 0) return null;

  const move = (to: SessionStatus) => {
    moveMutation.mutate(
      { id: session.id, body: { to, version: session.version, comment: comment.trim() || undefined } },
      {
        onSuccess: (moved) => {
          setConfirming(null);
          setComment('');
          notifySuccess(
            t('sessions.statusMenu.moved', {
              name: moved.name,
              status: t(`sessions.statuses.${moved.status}`),
            }),
          );
        },
        onError: (error) => {
          setConfirming(null);
          // Someone else may have moved it: the page shows the status as it now is.
          void queryClient.invalidateQueries({ queryKey: sessionKeys.detail(session.id) });
          const isStale = isApiError(error) && (error.code === 'stale_version' || error.status === 412);
          const detail =
            isApiError(error) && error.status === 409 && !isStale ? error.problem.detail : undefined;
          setRefusal({
            isStale,
            message: isStale
              ? t('sessions.statusMenu.stale')
              : detail
                ? t('sessions.statusMenu.refusedBecause', { reason: detail })
                : describeError(error, t),
          });
        },
      },
    );
  };

  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button
            variant="light"
            rightSection={<IconChevronDown size={16} aria-hidden />}
            loading={moveMutation.isPending && confirming === null}
          >
            {t('sessions.statusMenu.label')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>
            {t('sessions.statusMenu.current', { status: t(`sessions.statuses.${session.status}`) })}
          </Menu.Label>
          {moves.map((to) => (
            <Menu.Item
              key={to}
              color={FINAL_MOVES.includes(to) ? 'red' : undefined}
              onClick={() => (FINAL_MOVES.includes(to) ? setConfirming(to) : move(to))}
            >
              {t(`sessions.statusMenu.actions.${to}`)}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>

      <Modal
        opened={confirming !== null}
        onClose={() => setConfirming(null)}
        title={
          confirming
            ? t(
                `sessions.statusMenu.confirm.${confirming}.title` as 'sessions.statusMenu.confirm.cancelled.title',
              )
            : ''
        }
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {confirming && (
          <Stack gap="md">
            <Text size="sm">
              {t(
                `sessions.statusMenu.confirm.${confirming}.body` as 'sessions.statusMenu.confirm.cancelled.body',
                {
                  name: session.name,
                },
              )}
            </Text>
            <Textarea
              label={t('sessions.statusMenu.comment')}
              description={t('sessions.statusMenu.commentHint')}
              autosize
              minRows={2}
              maxLength={1000}
              value={comment}
              onChange={(event) => setComment(event.currentTarget.value)}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setConfirming(null)}>
                {t('sessions.statusMenu.keep')}
              </Button>
              <Button color="red" loading={moveMutation.isPending} onClick={() => move(confirming)}>
                {t(
                  `sessions.statusMenu.confirm.${confirming}.action` as 'sessions.statusMenu.confirm.cancelled.action',
                )}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>

      <Modal
        opened={refusal !== null}
        onClose={() => setRefusal(null)}
        title={t('sessions.statusMenu.refusedTitle')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {refusal && (
          <Stack gap="md">
            <Alert
              color={refusal.isStale ? 'orange' : 'red'}
              variant="light"
              role="alert"
              icon={<IconAlertCircle aria-hidden />}
            >
              {refusal.message}
            </Alert>
            <Group justify="flex-end">
              <Button
                variant={refusal.isStale ? 'filled' : 'default'}
                leftSection={refusal.isStale ? <IconRefresh size={16} aria-hidden /> : undefined}
                onClick={() => setRefusal(null)}
              >
                {refusal.isStale ? t('common.reloadLatest') : t('common.close')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </>
  );
}
