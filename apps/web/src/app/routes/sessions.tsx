import { Button, EmptyState, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { SESSION_STATUSES, SessionStatusSchema } from '@passerelle/domain/session/session.schema';
import { IconCalendarOff, IconPlus } from '@tabler/icons-react';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/ui/date-field';
import { ErrorState } from '../../components/ui/error-state';
import { PageHeader } from '../../components/ui/page-header';
import { ButtonLink } from '../../components/ui/router-links';
import { TableSkeleton } from '../../components/ui/table-skeleton';
import { useSessionUser } from '../../features/auth/api/use-session-user';
import { useSessions } from '../../features/sessions/api/get-sessions';
import type { SessionsSearch } from '../../features/sessions/api/session-search';
import { SessionsTable } from '../../features/sessions/components/sessions-table';

const route = getRouteApi('/_authenticated/sessions');

export function SessionsPage() {
  const { t } = useTranslation();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const sessionsQuery = useSessions(search);
  const setSearch = (next: SessionsSearch) => void navigate({ search: next, replace: true });
  const sessions = sessionsQuery.data?.pages.flatMap((page) => page.data) ?? [];
  const hasFilters = Boolean(search.status || search.from || search.to);
  const role = useSessionUser()?.role;
  const canManage = role === 'admin' || role === 'coordinator';

  return (
    <>
      <PageHeader
        title={t('sessions.title')}
        description={t('sessions.description')}
        actions={
          canManage && (
            <ButtonLink to="/sessions/nouvelle" leftSection={<IconPlus size={16} aria-hidden />}>
              {t('sessions.new')}
            </ButtonLink>
          )
        }
      />
      <Group gap="sm" align="flex-end" mb="md" role="search" aria-label={t('sessions.filters')}>
        <NativeSelect
          label={t('sessions.status')}
          value={search.status ?? ''}
          data={[
            { value: '', label: t('sessions.allStatuses') },
            ...SESSION_STATUSES.map((status) => ({ value: status, label: t(`sessions.statuses.${status}`) })),
          ]}
          onChange={(event) => {
            const parsed = SessionStatusSchema.safeParse(event.currentTarget.value);
            setSearch({ ...search, status: parsed.success ? parsed.data : undefined });
          }}
          w={{ base: '100%', xs: 220 }}
        />
        <DateField
          label={t('sessions.from')}
          value={search.from ?? ''}
          onChange={(value) => setSearch({ ...search, from: value || undefined })}
        />
        <DateField
          label={t('sessions.to')}
          value={search.to ?? ''}
          onChange={(value) => setSearch({ ...search, to: value || undefined })}
        />
        {hasFilters && (
          <Button variant="subtle" onClick={() => setSearch({})}>
            {t('sessions.resetFilters')}
          </Button>
        )}
      </Group>
      {sessionsQuery.isPending ? (
        <TableSkeleton rows={4} />
      ) : sessionsQuery.isError && !sessionsQuery.isFetchNextPageError ? (
        <ErrorState error={sessionsQuery.error} onRetry={() => void sessionsQuery.refetch()} />
      ) : sessions.length === 0 ? (
        <EmptyState
          icon={<IconCalendarOff size={32} aria-hidden />}
          withIndicatorBackground
          title={hasFilters ? t('sessions.noMatchTitle') : t('sessions.emptyTitle')}
          description={hasFilters ? t('sessions.noMatchDescription') : t('sessions.emptyDescription')}
          py="xl"
        />
      ) : (
        <Stack gap="md">
          <SessionsTable sessions={sessions} />
          <Group justify="space-between">
            <Text size="sm" c="dimmed">
              {t('sessions.count', { count: sessions.length })}
            </Text>
            {sessionsQuery.hasNextPage && (
              <Button
                variant="default"
                loading={sessionsQuery.isFetchingNextPage}
                onClick={() => void sessionsQuery.fetchNextPage()}
              >
                {t('sessions.loadMore')}
              </Button>
            )}
          </Group>
        </Stack>
      )}
    </>
  );
}
