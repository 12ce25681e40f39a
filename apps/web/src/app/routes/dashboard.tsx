import { EmptyState, Skeleton, Stack, Text } from '@mantine/core';
import type { Session } from '@passerelle/domain/session/session.schema';
import { IconCalendarEvent } from '@tabler/icons-react';
import { getRouteApi } from '@tanstack/react-router';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ui/error-state';
import { useMe } from '../../features/auth/api/get-me';
import { useSessionCandidacies } from '../../features/candidacies/api/get-session-candidacies';
import { DEFAULT_STUCK_DAYS } from '../../features/dashboard/api/dashboard-search';
import { Dashboard } from '../../features/dashboard/components/dashboard';
import { computeSessionFigures } from '../../features/dashboard/components/session-figures';
import { SessionSummaryCard } from '../../features/dashboard/components/session-summary-card';
import { useSessionComposition } from '../../features/sessions/api/get-session-composition';
import { useSessionChoices } from '../../features/sessions/api/get-sessions';
import { CompositionChart } from '../../features/sessions/components/composition-chart';
import { SessionStatusBadge } from '../../features/sessions/components/session-display';

const route = getRouteApi('/_authenticated/');

/** Sessions a coordinator is still recruiting for. */
const OPEN_STATUSES = new Set(['recruiting', 'selection']);

export function DashboardPage() {
  const meQuery = useMe();
  const { stuckDays = DEFAULT_STUCK_DAYS } = route.useSearch();
  const navigate = route.useNavigate();

  if (meQuery.data) {
    return (
      <Dashboard
        user={meQuery.data}
        stuckDays={stuckDays}
        onStuckDaysChange={(days) =>
          void navigate({
            search: { stuckDays: days === DEFAULT_STUCK_DAYS ? undefined : days },
            replace: true,
          })
        }
      >
        {meQuery.data.role !== 'viewer' && <OpenSessions stuckDays={stuckDays} />}
      </Dashboard>
    );
  }
  if (meQuery.isError) return <ErrorState error={meQuery.error} onRetry={() => void meQuery.refetch()} />;
  return (
    <Stack gap="md">
      <Skeleton height={36} width="40%" />
      <Skeleton height={160} />
    </Stack>
  );
}

function OpenSessions({ stuckDays }: { stuckDays: number }) {
  const { t } = useTranslation();
  const sessionsQuery = useSessionChoices();
  if (sessionsQuery.isError)
    return <ErrorState error={sessionsQuery.error} onRetry={() => void sessionsQuery.refetch()} />;
  if (!sessionsQuery.data) return <Skeleton height={280} />;
  const open = sessionsQuery.data.filter((session) => OPEN_STATUSES.has(session.status));
  if (open.length === 0) {
    return (
      <EmptyState
        icon={<IconCalendarEvent size={32} aria-hidden />}
        withIndicatorBackground
        title={t('dashboard.noOpenTitle')}
        description={t('dashboard.noOpenDescription')}
        py="xl"
      />
    );
  }
  return (
    <Stack gap="lg">
      {open.map((session) => (
        <OpenSessionSummary key={session.id} session={session} stuckDays={stuckDays} />
      ))}
    </Stack>
  );
}

function OpenSessionSummary({ session, stuckDays }: { session: Session; stuckDays: number }) {
  const candidaciesQuery = useSessionCandidacies(session.id);
  const compositionQuery = useSessionComposition(session.id);
  const figures = useMemo(
    () =>
      candidaciesQuery.data
        ? computeSessionFigures(candidaciesQuery.data, { now: new Date(), stuckDays })
        : undefined,
    [candidaciesQuery.data, stuckDays],
  );

  if (candidaciesQuery.isError) {
    return <ErrorState error={candidaciesQuery.error} onRetry={() => void candidaciesQuery.refetch()} />;
  }
  return (
    <SessionSummaryCard
      session={session}
      figures={figures}
      stuckDays={stuckDays}
      statusBadge={<SessionStatusBadge status={session.status} />}
      composition={
        compositionQuery.isError ? (
          <ErrorState error={compositionQuery.error} onRetry={() => void compositionQuery.refetch()} />
        ) : compositionQuery.data ? (
          <CompositionChart composition={compositionQuery.data} targetsOnly compact />
        ) : (
          <Text size="sm">…</Text>
        )
      }
    />
  );
}
