import { ActionIcon, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/ui/error-state';
import { type FollowUpItem, useLearnerFollowUps } from '../api/get-follow-ups';
import { type PlacementItem, useLearnerPlacements } from '../api/get-placements';
import { describeSituation, FollowUpStatusBadge } from './follow-up-display';
import { FollowUpRecordDialog } from './follow-up-record-dialog';
import { PlacementDialog } from './placement-dialog';

/** "Parcours après la formation": a learner's placements and follow-ups, with what to record. */
export function LearnerOutcomesCard({ candidacyId }: { candidacyId: string }) {
  const { t, i18n } = useTranslation();
  const placementsQuery = useLearnerPlacements(candidacyId);
  const followUpsQuery = useLearnerFollowUps(candidacyId);
  const [editing, setEditing] = useState<PlacementItem | 'new' | null>(null);
  const [recording, setRecording] = useState<FollowUpItem | null>(null);
  const formatDate = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });
  const date = (value: string) => formatDate.format(new Date(`${value}T12:00:00`));
  const placements = placementsQuery.data ?? [];
  const followUps = followUpsQuery.data ?? [];

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="outcomes-title">
      <Group justify="space-between" mb="sm">
        <Title order={2} fz="lg" id="outcomes-title">
          {t('placements.card.title')}
        </Title>
        <Button
          size="xs"
          variant="light"
          leftSection={<IconPlus size={14} aria-hidden />}
          onClick={() => setEditing('new')}
        >
          {t('placements.card.add')}
        </Button>
      </Group>
      <Stack gap="md">
        {placementsQuery.isError ? (
          <ErrorState error={placementsQuery.error} onRetry={() => void placementsQuery.refetch()} />
        ) : placementsQuery.isPending ? (
          <Text size="sm" c="dimmed">
            {t('common.loading')}
          </Text>
        ) : placements.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('placements.card.empty')}
          </Text>
        ) : (
          <Stack gap="xs">
            {placements.map((placement) => (
              <Group key={placement.id} justify="space-between" wrap="nowrap" align="flex-start">
                <div>
                  <Text size="sm" fw={600}>
                    {t(`placements.kinds.${placement.kind}`)}
                    {placement.durationMonths
                      ? ` · ${t('placements.months', { count: placement.durationMonths })}`
                      : ''}
                    {placement.hasHiringPromise ? ` · ${t('placements.withHiringPromise')}` : ''}
                  </Text>
                  <Text size="sm">
                    {[placement.jobTitle, placement.partnerName ?? placement.employerName]
                      .filter(Boolean)
                      .join(' — ') || '—'}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {placement.endDate
                      ? t('placements.card.period', {
                          from: date(placement.startDate),
                          to: date(placement.endDate),
                        })
                      : t('placements.card.since', { from: date(placement.startDate) })}
                    {placement.previousPlacementId ? ` · ${t('placements.card.followsPrevious')}` : ''}
                  </Text>
                </div>
                <ActionIcon
                  variant="subtle"
                  onClick={() => setEditing(placement)}
                  aria-label={t('placements.card.editLabel', {
                    kind: t(`placements.kinds.${placement.kind}`),
                  })}
                >
                  <IconPencil size={16} aria-hidden />
                </ActionIcon>
              </Group>
            ))}
          </Stack>
        )}
        <div>
          <Title order={3} fz="md" mb={4}>
            {t('placements.card.followUps')}
          </Title>
          {followUpsQuery.isError ? (
            <ErrorState error={followUpsQuery.error} onRetry={() => void followUpsQuery.refetch()} />
          ) : followUps.length === 0 ? (
            <Text size="sm" c="dimmed">
              {followUpsQuery.isPending ? t('common.loading') : t('placements.card.noFollowUps')}
            </Text>
          ) : (
            <Stack gap={0}>
              {followUps.map((followUp) => (
                <Group
                  key={followUp.id}
                  justify="space-between"
                  wrap="nowrap"
                  py={6}
                  style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}
                >
                  <div style={{ minWidth: 96 }}>
                    <Text size="sm" fw={600}>
                      {t(`followUps.milestones.${followUp.milestone}`)}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {date(followUp.dueOn)}
                    </Text>
                  </div>
                  <div style={{ flex: 1 }}>
                    {followUp.situation ? (
                      <Text size="sm">{describeSituation(followUp.situation, t)}</Text>
                    ) : (
                      <FollowUpStatusBadge status={followUp.status} />
                    )}
                  </div>
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    onClick={() => setRecording(followUp)}
                    aria-label={t('followUps.recordLabel', {
                      milestone: t(`followUps.milestones.${followUp.milestone}`),
                      name: `${followUp.learner.firstName} ${followUp.learner.lastName}`,
                    })}
                  >
                    {followUp.situation ? t('followUps.correct') : t('followUps.recordAction')}
                  </Button>
                </Group>
              ))}
            </Stack>
          )}
        </div>
      </Stack>
      <PlacementDialog
        opened={editing !== null}
        candidacyId={candidacyId}
        placement={editing === 'new' ? undefined : (editing ?? undefined)}
        others={placements}
        onClose={() => setEditing(null)}
      />
      <FollowUpRecordDialog followUp={recording} onClose={() => setRecording(null)} />
    </Card>
  );
}
