import { Alert, Anchor, NativeSelect, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import type { PublicSession } from '@passerelle/domain/session/public-session.schema';
import { IconInfoCircle } from '@tabler/icons-react';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/ui/error-state';
import { usePageTitle } from '../../../components/ui/use-page-title';
import { paths } from '../../../config/paths';
import { usePublicSessions } from '../../../features/applicant/api/get-public-sessions';
import { PublicSessionCard } from '../../../features/applicant/components/public-session-card';

const route = getRouteApi('/_public/sessions-ouvertes');

function uniqueBy<T>(items: T[], key: (item: T) => string) {
  return [...new Map(items.map((item) => [key(item), item])).values()];
}

function groupByFabrique(sessions: PublicSession[]) {
  const groups = new Map<string, { fabrique: PublicSession['fabrique']; sessions: PublicSession[] }>();
  for (const session of sessions) {
    const group = groups.get(session.fabrique.id) ?? { fabrique: session.fabrique, sessions: [] };
    group.sessions.push(session);
    groups.set(session.fabrique.id, group);
  }
  return [...groups.values()].sort((a, b) => a.fabrique.name.localeCompare(b.fabrique.name, 'fr'));
}

export function OpenSessionsPage() {
  const { t } = useTranslation();
  usePageTitle(t('public.sessions.title'));
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const sessionsQuery = usePublicSessions();
  const all = sessionsQuery.data?.data ?? [];
  const fabriques = uniqueBy(
    all.map((session) => session.fabrique),
    (fabrique) => fabrique.id,
  );
  const programs = uniqueBy(
    all
      .filter((session) => !search.fabrique || session.fabrique.id === search.fabrique)
      .map((s) => s.program),
    (program) => program.id,
  );
  const shown = all.filter(
    (session) =>
      (!search.fabrique || session.fabrique.id === search.fabrique) &&
      (!search.programme || session.program.id === search.programme),
  );

  return (
    <Stack gap="lg">
      <div>
        <Title order={1} fz={{ base: 26, sm: 32 }}>
          {t('public.sessions.title')}
        </Title>
        <Text mt={4}>{t('public.sessions.intro')}</Text>
      </div>
      <Alert variant="light" color="passerelle" icon={<IconInfoCircle aria-hidden />}>
        <Text size="sm">
          {t('public.sessions.notSure')}{' '}
          <Anchor component={Link} to={paths.public.eligibility.path} fw={600} size="sm">
            {t('public.sessions.checkEligibility')}
          </Anchor>
        </Text>
      </Alert>

      {sessionsQuery.isPending && (
        <Stack gap="md" role="status" aria-label={t('common.loading')}>
          <Skeleton height={280} radius="md" />
          <Skeleton height={280} radius="md" />
        </Stack>
      )}
      {sessionsQuery.isError && (
        <ErrorState error={sessionsQuery.error} onRetry={() => void sessionsQuery.refetch()} />
      )}

      {sessionsQuery.isSuccess && all.length === 0 && (
        <Alert variant="light" color="gray" title={t('public.sessions.emptyTitle')}>
          {t('public.sessions.empty')}
        </Alert>
      )}

      {all.length > 0 && (
        <SimpleGrid
          cols={{ base: 1, xs: 2 }}
          spacing="sm"
          role="search"
          aria-label={t('public.sessions.filters')}
        >
          <NativeSelect
            size="md"
            label={t('public.sessions.fabrique')}
            value={search.fabrique ?? ''}
            data={[
              { value: '', label: t('public.sessions.allFabriques') },
              ...fabriques.map((fabrique) => ({ value: fabrique.id, label: fabrique.name })),
            ]}
            onChange={(event) => {
              const value = event.currentTarget.value || undefined;
              void navigate({ search: { fabrique: value }, replace: true });
            }}
          />
          <NativeSelect
            size="md"
            label={t('public.sessions.program')}
            value={search.programme ?? ''}
            data={[
              { value: '', label: t('public.sessions.allPrograms') },
              ...programs.map((program) => ({ value: program.id, label: program.title })),
            ]}
            onChange={(event) => {
              const value = event.currentTarget.value || undefined;
              void navigate({ search: (previous) => ({ ...previous, programme: value }), replace: true });
            }}
          />
        </SimpleGrid>
      )}

      {all.length > 0 && (
        <Text role="status" size="sm" c="dimmed">
          {t('public.sessions.count', { count: shown.length })}
        </Text>
      )}

      {groupByFabrique(shown).map((group) => (
        <section key={group.fabrique.id} aria-labelledby={`fabrique-${group.fabrique.id}`}>
          <Title order={2} fz="xl" mb="sm" id={`fabrique-${group.fabrique.id}`}>
            {group.fabrique.name.includes(group.fabrique.city)
              ? group.fabrique.name
              : t('public.sessions.fabriqueHeading', {
                  name: group.fabrique.name,
                  city: group.fabrique.city,
                })}
          </Title>
          <Stack gap="md">
            {group.sessions.map((session) => (
              <PublicSessionCard key={session.id} session={session} />
            ))}
          </Stack>
        </section>
      ))}
    </Stack>
  );
}
