import { Paper, SimpleGrid, Text } from '@mantine/core';
import type { FunnelReport, OutcomesReport } from '@passerelle/domain/report/report.schema';
import { useTranslation } from 'react-i18next';
import { useReportFormat } from './report-format';

/**
 * The figures a funder asks first: applications, learners who left, and the positive-exit rate at
 * exit and at +6 months, unknowns always shown beside it.
 */
export function KeyFigures({ funnel, outcomes }: { funnel: FunnelReport; outcomes: OutcomesReport }) {
  const { t } = useTranslation();
  const format = useReportFormat();
  const count = (step: string) => funnel.steps.find((entry) => entry.step === step)?.count ?? 0;
  const milestone = (code: string) => outcomes.milestones.find((entry) => entry.milestone === code);
  const rateFigure = (code: 'exit' | 'month_6') => {
    const entry = milestone(code);
    return {
      label: t(`reports.keyFigures.rate.${code}`),
      value: format.percent(entry?.rate),
      detail: entry
        ? entry.denominator === 0
          ? t('reports.keyFigures.noLeavers')
          : t('reports.keyFigures.rateDetail', {
              positive: entry.positive,
              denominator: entry.denominator,
              count: entry.counts.unknown,
            })
        : '',
      isMain: true,
    };
  };
  const figures = [
    {
      label: t('reports.keyFigures.applications'),
      value: String(count('applications')),
      detail: t('reports.keyFigures.eligible', { count: count('eligible') }),
      isMain: false,
    },
    {
      label: t('reports.keyFigures.learners'),
      value: String(outcomes.learners),
      detail: t('reports.keyFigures.enrolled', { count: count('enrolled') }),
      isMain: false,
    },
    rateFigure('exit'),
    rateFigure('month_6'),
  ];
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md" className="report-key-figures">
      {figures.map((figure) => (
        <Paper key={figure.label} withBorder radius="md" p="md" className="report-key-figure">
          <Text size="sm" c="dimmed">
            {figure.label}
          </Text>
          <Text fz={32} fw={700} c={figure.isMain ? 'teal.8' : undefined} lh={1.2}>
            {figure.value}
          </Text>
          <Text size="xs" c="dimmed">
            {figure.detail}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}
