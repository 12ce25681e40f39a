import { Button, EmptyState, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { MILESTONES, MilestoneSchema } from '@passerelle/domain/follow-up/follow-up.schema';
import { IconChecklist } from '@tabler/icons-react';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ui/error-state';
import { PageHeader } from '../../components/ui/page-header';
import { TableSkeleton } from '../../components/ui/table-skeleton';
import { useSessionUser } from '../../features/auth/api/use-session-user';
import {
  FOLLOW_UP_STATUS_FILTERS,
  type FollowUpsSearch,
} from '../../features/placements/api/follow-up-search';
import { type FollowUpItem, useFollowUps } from '../../features/placements/api/get-follow-ups';
import { FollowUpRecordDialog } from '../../features/placements/components/follow-up-record-dialog';
import { FollowUpsTable } from '../../features/placements/components/follow-ups-table';
import { useSessionChoices } from '../../features/sessions/api/get-sessions';

const route = getRouteApi('/_authenticated/suivis');

/** The follow-ups to-do: what is due and overdue, per fabrique and session, recorded in one dialog. */
export function FollowUpsPage() {
  const { t } = useTranslation();
  const user = useSessionUser();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const status = search.status ?? 'todo';
  const followUpsQuery = useFollowUps({ ...search, status });
  const sessionsQuery = useSessionChoices();
  const [recording, setRecording] = useState<FollowUpItem | null>(null);
  const setSearch = (next: FollowUpsSearch) => void navigate({ search: next, replace: true });
  const followUps = followUpsQuery.data?.pages.flatMap((page) => page.data) ?? [];
  const hasFilters = Boolean(search.fabriqueId || search.sessionId || search.milestone || search.status);
  const fabriques = user?.fabriques ?? [];
  const sessions = (sessionsQuery.data ?? []).filter(
    (session) => !search.fabriqueId || session.fabriqueId === search.fabriqueId,
  );

  return (
    <>
      <PageHeader title={t('followUps.title')} description={t('followUps.description')} />
      <Group gap="sm" align="flex-end" mb="md" role="search" aria-label={t('followUps.filters')}>
        <NativeSelect
          label={t('followUps.status')}
          value={status}
          data={FOLLOW_UP_STATUS_FILTERS.map((value) => ({
            value,
            label: t(`followUps.statusFilters.${value}`),
          }))}
          onChange={(event) => {
            const value = FOLLOW_UP_STATUS_FILTERS.find(
              (candidate) => candidate === event.currentTarget.value,
            );
            setSearch({ ...search, status: value === 'todo' ? undefined : value });
          }}
          w={{ base: '100%', xs: 220 }}
        />
        {fabriques.length > 1 && (
          <NativeSelect
            label={t('followUps.fabrique')}
            value={search.fabriqueId ?? ''}
            data={[
              { value: '', label: t('followUps.allFabriques') },
              ...fabriques.map((fabrique) => ({ value: fabrique.id, label: fabrique.name })),
            ]}
            onChange={(event) =>
              setSearch({
                ...search,
                fabriqueId: event.currentTarget.value || undefined,
                sessionId: undefined,
              })
            }
            w={{ base: '100%', xs: 200 }}
          />
        )}
        <NativeSelect
          label={t('followUps.session')}
          value={search.sessionId ?? ''}
          data={[
            { value: '', label: t('followUps.allSessions') },
            ...sessions.map((session) => ({ value: session.id, label: session.name })),
          ]}
          onChange={(event) => setSearch({ ...search, sessionId: event.currentTarget.value || undefined })}
          w={{ base: '100%', xs: 260 }}
        />
        <NativeSelect
          label={t('followUps.milestone')}
          value={search.milestone ?? ''}
          data={[
            { value: '', label: t('followUps.allMilestones') },
            ...MILESTONES.map((milestone) => ({
              value: milestone,
              label: t(`followUps.milestones.${milestone}`),
            })),
          ]}
          onChange={(event) => {
            const parsed = MilestoneSchema.safeParse(event.currentTarget.value);
            setSearch({ ...search, milestone: parsed.success ? parsed.data : undefined });
          }}
          w={{ base: '100%', xs: 180 }}
        />
        {hasFilters && (
          <Button variant="subtle" onClick={() => setSearch({})}>
            {t('followUps.resetFilters')}
          </Button>
        )}
      </Group>
      {followUpsQuery.isPending ? (
        <TableSkeleton rows={5} />
      ) : followUpsQuery.isError && !followUpsQuery.isFetchNextPageError ? (
        <ErrorState error={followUpsQuery.error} onRetry={() => void followUpsQuery.refetch()} />
      ) : followUps.length === 0 ? (
        <EmptyState
          icon={<IconChecklist size={32} aria-hidden />}
          withIndicatorBackground
          title={hasFilters ? t('followUps.noMatchTitle') : t('followUps.emptyTitle')}
          description={hasFilters ? t('followUps.noMatchDescription') : t('followUps.emptyDescription')}
          py="xl"
        />
      ) : (
        <Stack gap="md">
          <FollowUpsTable followUps={followUps} onRecord={setRecording} />
          <Group justify="space-between">
            <Text size="sm" c="dimmed">
              {t('followUps.count', { count: followUps.length })}
            </Text>
            {followUpsQuery.hasNextPage && (
              <Button
                variant="default"
                loading={followUpsQuery.isFetchingNextPage}
                onClick={() => void followUpsQuery.fetchNextPage()}
              >
                {t('followUps.loadMore')}
              </Button>
            )}
          </Group>
        </Stack>
      )}
      <FollowUpRecordDialog followUp={recording} onClose={() => setRecording(null)} />
    </>
  );
}
