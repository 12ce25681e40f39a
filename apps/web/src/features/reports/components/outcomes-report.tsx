import { Group, Stack, Table, Text } from '@mantine/core';
import { OUTCOME_CATEGORIES } from '@passerelle/domain/outcome/outcome.schema';
import type { OutcomesReport } from '@passerelle/domain/report/report.schema';
import { useTranslation } from 'react-i18next';
import { CATEGORY_COLORS, useReportFormat } from './report-format';
import { ReportTable } from './report-section';

/** Where learners went at each milestone: a stacked bar per milestone, by category, then the tables. */
export function OutcomesReportView({
  report,
  compact = false,
}: {
  report: OutcomesReport;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const format = useReportFormat();
  const situationKinds = [
    ...new Set(
      report.milestones.flatMap((milestone) => milestone.situations.map((entry) => entry.situation)),
    ),
  ];
  return (
    <Stack gap="md">
      <Group gap="md" aria-hidden="true" className="report-legend">
        {OUTCOME_CATEGORIES.map((category) => (
          <Group gap={6} key={category} wrap="nowrap">
            <span className="report-swatch" style={{ background: CATEGORY_COLORS[category] }} />
            <Text size="xs">{t(`reports.categories.${category}`)}</Text>
          </Group>
        ))}
      </Group>
      <div aria-hidden="true" className="report-chart">
        {report.milestones.map((milestone) => (
          <div key={milestone.milestone} className="report-chart-row">
            <Text size="sm" className="report-chart-label">
              {t(`reports.milestones.${milestone.milestone}`)}
            </Text>
            {milestone.denominator === 0 ? (
              <Text size="sm" c="dimmed" className="report-bar-track report-bar-empty">
                {milestone.notYetDue > 0 ? t('reports.outcomes.notDueYet') : t('reports.outcomes.nobody')}
              </Text>
            ) : (
              <div className="report-bar-track report-stack">
                {OUTCOME_CATEGORIES.map((category) => {
                  const count = milestone.counts[category];
                  if (count === 0) return null;
                  return (
                    <div
                      key={category}
                      className="report-bar"
                      style={{
                        width: `${(count / milestone.denominator) * 100}%`,
                        background: CATEGORY_COLORS[category],
                      }}
                    >
                      <span
                        className="report-bar-text"
                        style={{
                          color: category === 'durable_employment' ? '#fff' : 'var(--mantine-color-dark-9)',
                        }}
                      >
                        {count}
                      </span>
                    </div>
                  );
                })}
              </div>
            )}
            <Text size="sm" fw={700} className="report-chart-value">
              {format.percent(milestone.rate)}
            </Text>
          </div>
        ))}
      </div>
      <ReportTable minWidth={720} isPrint={compact}>
        <Table.Caption>{t('reports.outcomes.tableCaption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('reports.outcomes.milestone')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('reports.outcomes.denominator')}
            </Table.Th>
            {OUTCOME_CATEGORIES.map((category) => (
              <Table.Th scope="col" ta="right" key={category}>
                {t(`reports.categories.${category}`)}
              </Table.Th>
            ))}
            <Table.Th scope="col" ta="right">
              {t('reports.outcomes.rate')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('reports.outcomes.notYetDueColumn')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.milestones.map((milestone) => (
            <Table.Tr key={milestone.milestone}>
              <Table.Th scope="row" fw={500}>
                {t(`reports.milestones.${milestone.milestone}`)}
              </Table.Th>
              <Table.Td ta="right">{milestone.denominator}</Table.Td>
              {OUTCOME_CATEGORIES.map((category) => (
                <Table.Td ta="right" key={category}>
                  {milestone.counts[category]}
                  {category === 'unknown' && milestone.notRecorded > 0 && (
                    <Text span size="xs" c="dimmed">
                      {' '}
                      {t('reports.outcomes.ofWhichNotRecorded', { count: milestone.notRecorded })}
                    </Text>
                  )}
                </Table.Td>
              ))}
              <Table.Td ta="right" fw={700}>
                {format.percent(milestone.rate)}
              </Table.Td>
              <Table.Td ta="right">{milestone.notYetDue}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </ReportTable>
      {situationKinds.length > 0 && (
        <ReportTable minWidth={560} isPrint={compact}>
          <Table.Caption>{t('reports.outcomes.situationsCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('reports.outcomes.situation')}</Table.Th>
              {report.milestones.map((milestone) => (
                <Table.Th scope="col" ta="right" key={milestone.milestone}>
                  {t(`reports.milestones.${milestone.milestone}`)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {situationKinds.map((kind) => (
              <Table.Tr key={kind}>
                <Table.Th scope="row" fw={500}>
                  {t(`reports.situations.${kind}`)}
                </Table.Th>
                {report.milestones.map((milestone) => (
                  <Table.Td ta="right" key={milestone.milestone}>
                    {milestone.situations.find((entry) => entry.situation === kind)?.count ?? 0}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ReportTable>
      )}
    </Stack>
  );
}
