import { Stack, Table, Text } from '@mantine/core';
import type { FunnelReport } from '@passerelle/domain/report/report.schema';
import { useTranslation } from 'react-i18next';
import { useReportFormat } from './report-format';
import { Bar, ReportTable } from './report-section';

const SEGMENT_STEPS = ['applications', 'eligible', 'admitted', 'completed', 'positive_exit'] as const;

/** Applications down to positive exits: a bar per step, then the table and the split by source. */
export function FunnelReportView({ report, compact = false }: { report: FunnelReport; compact?: boolean }) {
  const { t } = useTranslation();
  const format = useReportFormat();
  const applications = report.steps[0]?.count ?? 0;
  const segmentLabel = (segment: FunnelReport['segments'][number]) =>
    segment.referrerName ??
    (segment.source
      ? t(`reports.sources.${segment.source}`, { defaultValue: segment.source })
      : t('reports.sources.unknown'));
  return (
    <Stack gap="md">
      <div aria-hidden="true" className="report-chart">
        {report.steps.map((step) => (
          <div key={step.step} className="report-chart-row">
            <Text size="sm" className="report-chart-label">
              {t(`reports.funnel.steps.${step.step}`)}
            </Text>
            <Bar
              share={applications === 0 ? 0 : step.count / applications}
              color={
                step.step === 'positive_exit'
                  ? 'var(--mantine-color-teal-7)'
                  : 'var(--mantine-color-brand-6, var(--mantine-color-indigo-6))'
              }
            />
            <Text size="sm" fw={600} className="report-chart-value">
              {step.count}
            </Text>
          </div>
        ))}
      </div>
      <ReportTable minWidth={480} isPrint={compact}>
        <Table.Caption>{t('reports.funnel.tableCaption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('reports.funnel.step')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('reports.funnel.count')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('reports.funnel.fromPrevious')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('reports.funnel.fromApplications')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.steps.map((step) => (
            <Table.Tr key={step.step}>
              <Table.Th scope="row" fw={500}>
                {t(`reports.funnel.steps.${step.step}`)}
              </Table.Th>
              <Table.Td ta="right">{step.count}</Table.Td>
              <Table.Td ta="right">{format.percent(step.rateFromPrevious)}</Table.Td>
              <Table.Td ta="right">{format.percent(step.rateFromApplications)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </ReportTable>
      {!compact && report.segments.length > 0 && (
        <ReportTable minWidth={560} isPrint={compact}>
          <Table.Caption>{t('reports.funnel.segmentsCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('reports.funnel.source')}</Table.Th>
              {SEGMENT_STEPS.map((step) => (
                <Table.Th scope="col" ta="right" key={step}>
                  {t(`reports.funnel.steps.${step}`)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.segments.map((segment) => {
              const counts = new Map(segment.steps.map((step) => [step.step, step]));
              return (
                <Table.Tr key={`${segment.source}~${segment.referrerPartnerId}`}>
                  <Table.Th scope="row" fw={500}>
                    {segmentLabel(segment)}
                  </Table.Th>
                  {SEGMENT_STEPS.map((step) => (
                    <Table.Td ta="right" key={step}>
                      {counts.get(step)?.count ?? 0}
                      {step !== 'applications' && (
                        <Text span size="xs" c="dimmed">
                          {' '}
                          ({format.percent(counts.get(step)?.rateFromApplications)})
                        </Text>
                      )}
                    </Table.Td>
                  ))}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </ReportTable>
      )}
    </Stack>
  );
}
