import {
  Breadcrumbs,
  Button,
  Card,
  Group,
  SimpleGrid,
  Skeleton,
  Stack,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import {
  IconBuildingStore,
  IconChartBar,
  IconLayoutKanban,
  IconPencil,
  IconTable,
  IconUserPlus,
} from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ui/error-state';
import { AnchorLink, ButtonLink } from '../../components/ui/router-links';
import { usePageTitle } from '../../components/ui/use-page-title';
import { useSessionUser } from '../../features/auth/api/use-session-user';
import { DEFAULT_CANDIDACY_COLUMNS } from '../../features/candidacies/api/candidacy-filters';
import { useSessionCandidacies } from '../../features/candidacies/api/get-session-candidacies';
import { CandidaciesTable } from '../../features/candidacies/components/candidacies-table';
import { PipelineBoard } from '../../features/candidacies/components/pipeline-board';
import { SessionPartnersPanel } from '../../features/partners/components/session-partners-panel';
import { useSession } from '../../features/sessions/api/get-session';
import { useSessionComposition } from '../../features/sessions/api/get-session-composition';
import { sessionKeys } from '../../features/sessions/api/session-keys';
import { SESSION_VIEWS, type SessionView } from '../../features/sessions/api/session-search';
import { CompositionChart } from '../../features/sessions/components/composition-chart';
import {
  SessionStatusBadge,
  useFormatCalendarDate,
} from '../../features/sessions/components/session-display';
import { SessionStatusMenu } from '../../features/sessions/components/session-status-menu';
import { PersonalDataGuard } from './personal-data-guard';

const route = getRouteApi('/_authenticated/sessions/$sessionId');
const TABLE_STEP = 50;

function isSessionView(value: string | null): value is SessionView {
  return (SESSION_VIEWS as readonly (string | null)[]).includes(value);
}

export function SessionDetailPage() {
  return (
    <PersonalDataGuard>
      <SessionDetailScreen />
    </PersonalDataGuard>
  );
}

function SessionDetailScreen() {
  const { t } = useTranslation();
  const { sessionId } = route.useParams();
  const { view = 'board' } = route.useSearch();
  const user = useSessionUser();
  const navigate = route.useNavigate();
  const queryClient = useQueryClient();
  const role = useSessionUser()?.role;
  const canMoveCandidacies = role === 'admin' || role === 'coordinator';
  const sessionQuery = useSession(sessionId);
  const candidaciesQuery = useSessionCandidacies(sessionId);
  const compositionQuery = useSessionComposition(sessionId);
  const formatDate = useFormatCalendarDate();
  const [tableLimit, setTableLimit] = useState(TABLE_STEP);
  const session = sessionQuery.data;
  const canManage = role === 'admin' || role === 'coordinator';
  usePageTitle(session?.name ?? t('sessions.title'));

  if (sessionQuery.isError)
    return <ErrorState error={sessionQuery.error} onRetry={() => void sessionQuery.refetch()} />;
  if (!session) {
    return (
      <Stack gap="md" aria-busy="true" aria-label={t('common.loading')}>
        <Skeleton height={32} width="40%" />
        <Skeleton height={400} />
      </Stack>
    );
  }

  const candidacies = candidaciesQuery.data ?? [];
  // Staff may still add candidacies until the selection is over (the API refuses them afterwards).
  const isOpenToIntake = ['draft', 'recruiting', 'selection'].includes(session.status);
  const taken = candidacies.filter(
    (candidacy) => candidacy.stage === 'admitted' || candidacy.stage === 'enrolled',
  ).length;
  const refreshComposition = () =>
    void queryClient.invalidateQueries({ queryKey: sessionKeys.composition(sessionId) });

  const candidaciesContent = (content: React.ReactNode) =>
    candidaciesQuery.isError ? (
      <ErrorState error={candidaciesQuery.error} onRetry={() => void candidaciesQuery.refetch()} />
    ) : candidaciesQuery.isPending ? (
      <Skeleton height={360} />
    ) : (
      content
    );

  return (
    <Stack gap="lg">
      <Breadcrumbs separator="›">
        <AnchorLink to="/sessions" size="sm">
          {t('nav.sessions')}
        </AnchorLink>
        <Text size="sm">{session.name}</Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Group gap="sm">
            <Title order={1} fz={{ base: 24, sm: 28 }}>
              {session.name}
            </Title>
            <SessionStatusBadge status={session.status} />
          </Group>
          <Text c="dimmed" size="sm">
            {t('sessions.detail.dates', {
              opens: formatDate(session.applicationOpensOn),
              closes: formatDate(session.applicationClosesOn),
              start: formatDate(session.startDate),
              end: formatDate(session.endDate),
            })}
          </Text>
        </Stack>
        <Group gap="sm">
          <ButtonLink to="/candidatures" search={{ sessionId }} variant="default">
            {t('sessions.detail.openInTable')}
          </ButtonLink>
          {canManage && (
            <>
              {isOpenToIntake && (
                <ButtonLink
                  to="/candidatures/nouvelle"
                  search={{ sessionId }}
                  variant="default"
                  leftSection={<IconUserPlus size={16} aria-hidden />}
                >
                  {t('intake.add')}
                </ButtonLink>
              )}
              <ButtonLink
                to="/sessions/$sessionId/modifier"
                params={{ sessionId }}
                variant="default"
                leftSection={<IconPencil size={16} aria-hidden />}
              >
                {t('sessions.edit')}
              </ButtonLink>
              <SessionStatusMenu session={session} />
            </>
          )}
        </Group>
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        <Stat
          label={t('sessions.detail.applications')}
          value={candidaciesQuery.data ? String(candidacies.length) : '…'}
        />
        <Stat
          label={t('sessions.detail.places')}
          value={
            candidaciesQuery.data
              ? t('sessions.detail.placesValue', { taken, capacity: session.capacity })
              : '…'
          }
        />
        <Stat
          testId="stat-cohort"
          label={t('sessions.detail.cohort')}
          value={compositionQuery.data ? String(compositionQuery.data.cohortSize) : '…'}
        />
        <Stat
          label={t('sessions.detail.targetsShort')}
          value={
            compositionQuery.data
              ? String(
                  compositionQuery.data.targets.filter(
                    (target) => (target.current.share ?? 0) < target.minShare,
                  ).length,
                )
              : '…'
          }
          isAlert={Boolean(
            compositionQuery.data?.targets.some((target) => (target.current.share ?? 0) < target.minShare),
          )}
        />
      </SimpleGrid>

      <Tabs
        value={view}
        onChange={(value) => {
          if (isSessionView(value))
            void navigate({ search: { view: value === 'board' ? undefined : value }, replace: true });
        }}
        keepMounted={false}
      >
        <Tabs.List mb="md">
          <Tabs.Tab value="board" leftSection={<IconLayoutKanban size={16} aria-hidden />}>
            {t('sessions.detail.tabs.board')}
          </Tabs.Tab>
          <Tabs.Tab value="table" leftSection={<IconTable size={16} aria-hidden />}>
            {t('sessions.detail.tabs.table')}
          </Tabs.Tab>
          <Tabs.Tab value="partners" leftSection={<IconBuildingStore size={16} aria-hidden />}>
            {t('sessionPartners.title')}
          </Tabs.Tab>
          <Tabs.Tab value="composition" leftSection={<IconChartBar size={16} aria-hidden />}>
            {t('sessions.detail.tabs.composition')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="board">
          {candidaciesContent(
            <PipelineBoard
              candidacies={candidacies}
              canMove={canMoveCandidacies}
              onMoved={refreshComposition}
              onReload={() => void candidaciesQuery.refetch()}
            />,
          )}
        </Tabs.Panel>
        <Tabs.Panel value="table">
          {candidaciesContent(
            <Stack gap="sm">
              <CandidaciesTable
                candidacies={candidacies.slice(0, tableLimit)}
                columns={DEFAULT_CANDIDACY_COLUMNS.filter((column) => column !== 'session')}
                caption={t('sessions.detail.tableCaption', { name: session.name })}
              />
              <Group justify="space-between">
                <Text size="sm" c="dimmed">
                  {t('sessions.detail.shown', {
                    shown: Math.min(tableLimit, candidacies.length),
                    count: candidacies.length,
                  })}
                </Text>
                {candidacies.length > tableLimit && (
                  <Button variant="default" onClick={() => setTableLimit((limit) => limit + TABLE_STEP)}>
                    {t('candidacies.loadMore')}
                  </Button>
                )}
              </Group>
            </Stack>,
          )}
        </Tabs.Panel>
        <Tabs.Panel value="composition">
          {compositionQuery.isError ? (
            <ErrorState error={compositionQuery.error} onRetry={() => void compositionQuery.refetch()} />
          ) : !compositionQuery.data ? (
            <Skeleton height={320} />
          ) : (
            <Card withBorder radius="md" padding="lg" maw={760}>
              <Title order={2} fz="lg" mb={4}>
                {t('composition.title')}
              </Title>
              <Text size="sm" c="dimmed" mb="md">
                {t('composition.summary', {
                  cohort: compositionQuery.data.cohortSize,
                  capacity: compositionQuery.data.capacity,
                  projected: compositionQuery.data.projectedSize,
                })}
              </Text>
              <CompositionChart composition={compositionQuery.data} />
              <Text size="xs" c="dimmed" mt="md">
                {t('composition.legend')}
              </Text>
            </Card>
          )}
        </Tabs.Panel>
        <Tabs.Panel value="partners">
          {view === 'partners' && (
            <SessionPartnersPanel
              sessionId={sessionId}
              canEdit={user?.role === 'admin' || user?.role === 'coordinator'}
            />
          )}
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function Stat({
  label,
  value,
  isAlert = false,
  testId,
}: {
  label: string;
  value: string;
  isAlert?: boolean;
  testId?: string;
}) {
  return (
    <Card withBorder radius="md" padding="sm" data-testid={testId}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
        {label}
      </Text>
      <Text fz={22} fw={700} c={isAlert ? 'red.8' : undefined}>
        {value}
      </Text>
    </Card>
  );
}
