import { Badge, Card, Group, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { CandidacyStage } from '@passerelle/domain/candidacy/candidacy.schema';
import type { Session } from '@passerelle/domain/session/session.schema';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../../components/ui/router-links';
import type { SessionFigures } from './session-figures';

// The recruitment funnel, in order; decided-against stages are counted apart.
const FUNNEL: readonly CandidacyStage[] = [
  'submitted',
  'screening',
  'info_session',
  'assessment',
  'interview',
  'waitlisted',
  'admitted',
  'enrolled',
];

interface SessionSummaryCardProps {
  session: Session;
  figures: SessionFigures | undefined;
  stuckDays: number;
  /** The composition chart (or its loading / error state). */
  composition: ReactNode;
  statusBadge: ReactNode;
}

export function SessionSummaryCard({
  session,
  figures,
  stuckDays,
  composition,
  statusBadge,
}: SessionSummaryCardProps) {
  const { t } = useTranslation();
  const headingId = `session-${session.id}`;
  const fill = figures ? Math.round((figures.placesTaken / session.capacity) * 100) : 0;

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby={headingId}>
      <Group justify="space-between" mb="md" wrap="nowrap">
        <Group gap="sm">
          <Title order={2} fz="lg" id={headingId}>
            <AnchorLink to="/sessions/$sessionId" params={{ sessionId: session.id }} inherit>
              {session.name}
            </AnchorLink>
          </Title>
          {statusBadge}
        </Group>
        <AnchorLink to="/candidatures" search={{ sessionId: session.id }} size="sm">
          {t('dashboard.session.allCandidacies')}
        </AnchorLink>
      </Group>
      {!figures ? (
        <Text size="sm" c="dimmed">
          {t('common.loading')}
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 3 }} spacing="lg">
          <Stack gap="sm">
            <Group gap="xl">
              <div>
                <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
                  {t('dashboard.session.thisWeek')}
                </Text>
                <Text fz={28} fw={700} lh={1.2}>
                  {figures.thisWeek}
                </Text>
              </div>
              <div>
                <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
                  {t('dashboard.session.total')}
                </Text>
                <Text fz={28} fw={700} lh={1.2}>
                  {figures.total}
                </Text>
              </div>
            </Group>
            <div>
              <Group justify="space-between" mb={4}>
                <Text size="sm" fw={600}>
                  {t('dashboard.session.fillRate')}
                </Text>
                <Text size="sm">
                  {t('dashboard.session.fillValue', {
                    taken: figures.placesTaken,
                    capacity: session.capacity,
                    rate: fill,
                  })}
                </Text>
              </Group>
              <Progress
                value={Math.min(fill, 100)}
                size="lg"
                radius="xl"
                aria-label={t('dashboard.session.fillRate')}
                color={fill >= 100 ? 'green' : 'passerelle'}
              />
            </div>
            <div>
              <Text size="sm" fw={600} mb={4}>
                {t('dashboard.session.stuck', { days: stuckDays })}
              </Text>
              {figures.stuck.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('dashboard.session.noneStuck')}
                </Text>
              ) : (
                <Stack gap={2} component="ul" className="plain-list">
                  {figures.stuck.slice(0, 5).map((candidacy) => (
                    <li key={candidacy.id}>
                      <Group gap={6} wrap="nowrap" align="flex-start">
                        <IconAlertTriangle
                          size={14}
                          color="var(--mantine-color-orange-7)"
                          aria-hidden
                          style={{ marginTop: 5, flexShrink: 0 }}
                        />
                        <div>
                          <AnchorLink
                            to="/candidatures/$candidacyId"
                            params={{ candidacyId: candidacy.id }}
                            size="sm"
                            lh="24px"
                            fw={600}
                          >
                            {candidacy.candidate.firstName} {candidacy.candidate.lastName}
                          </AnchorLink>
                          <Text size="xs" c="dimmed">
                            {t('dashboard.session.stuckFor', {
                              stage: t(`candidacies.stages.${candidacy.stage}`),
                              count: candidacy.days,
                            })}
                          </Text>
                        </div>
                      </Group>
                    </li>
                  ))}
                  {figures.stuck.length > 5 && (
                    <Text size="xs" c="dimmed">
                      {t('dashboard.session.moreStuck', { count: figures.stuck.length - 5 })}
                    </Text>
                  )}
                </Stack>
              )}
            </div>
          </Stack>
          <div>
            <Text size="sm" fw={600} mb={6}>
              {t('dashboard.session.pipeline')}
            </Text>
            <Stack gap={4} component="dl" m={0}>
              {FUNNEL.map((stage) => (
                <Group key={stage} justify="space-between" gap="xs">
                  <Text component="dt" size="sm">
                    {t(`candidacies.stages.${stage}`)}
                  </Text>
                  <Badge component="dd" m={0} variant="light" color="gray" radius="sm" size="md">
                    {figures.byStage[stage]}
                  </Badge>
                </Group>
              ))}
              <Group justify="space-between" gap="xs">
                <Text component="dt" size="sm" c="dimmed">
                  {t('dashboard.session.closed')}
                </Text>
                <Badge component="dd" m={0} variant="outline" color="gray" radius="sm" size="md">
                  {figures.byStage.rejected + figures.byStage.withdrawn}
                </Badge>
              </Group>
            </Stack>
          </div>
          <div>
            <Text size="sm" fw={600} mb={6}>
              {t('dashboard.session.composition')}
            </Text>
            {composition}
          </div>
        </SimpleGrid>
      )}
    </Card>
  );
}
