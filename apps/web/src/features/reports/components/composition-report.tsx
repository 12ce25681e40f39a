import { Badge, Stack, Table, Text } from '@mantine/core';
import { formatMessage } from '@passerelle/domain/messages/messages';
import type { CompositionReport } from '@passerelle/domain/report/report.schema';
import type { TargetCriterion } from '@passerelle/domain/session/session.schema';
import { useTranslation } from 'react-i18next';
import { useReportFormat } from './report-format';
import { ReportTable } from './report-section';

const STATUS_COLORS = { met: 'teal', at_risk: 'orange', missed: 'red' } as const;

/**
 * The cohort's share of each criterion against the targets (red where short of one), then the
 * shares at every stage and each session's targets.
 */
export function CompositionReportView({
  report,
  compact = false,
}: {
  report: CompositionReport;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const format = useReportFormat();
  const criterionLabel = (criterion: TargetCriterion) => {
    const label =
      criterion === 'any_priority'
        ? t('composition.anyPriority')
        : formatMessage({ key: `criterion.${criterion}` }, format.locale);
    return label.charAt(0).toLocaleUpperCase() + label.slice(1);
  };
  const admitted = report.stages.find((stage) => stage.stage === 'admitted');
  // On paper: where the cohort came from, who it is, who completed.
  const stages = compact
    ? report.stages.filter((stage) => ['applications', 'admitted', 'completed'].includes(stage.stage))
    : report.stages;
  const targetsByCriterion = new Map<TargetCriterion, number>();
  const sessionsWithTargets = new Set(report.targets.map((target) => target.sessionId));
  // One session: its targets are the cohort's. Several: each session's targets are in the table.
  if (sessionsWithTargets.size === 1) {
    for (const target of report.targets) targetsByCriterion.set(target.criterion, target.minShare);
  }
  const criteria = (admitted?.criteria ?? []).filter(
    (criterion) =>
      targetsByCriterion.has(criterion.criterion) ||
      report.stages.some((stage) =>
        stage.criteria.some((entry) => entry.criterion === criterion.criterion && entry.count > 0),
      ),
  );
  const shown = compact
    ? criteria.filter((criterion) => targetsByCriterion.has(criterion.criterion) || criterion.count > 0)
    : criteria;
  return (
    <Stack gap="md">
      {admitted && admitted.size > 0 ? (
        <div aria-hidden="true" className="report-chart">
          {shown.map((criterion) => {
            const target = targetsByCriterion.get(criterion.criterion);
            const isShort = target !== undefined && (criterion.share ?? 0) < target;
            return (
              <div key={criterion.criterion} className="report-chart-row">
                <Text size="sm" className="report-chart-label">
                  {criterionLabel(criterion.criterion)}
                </Text>
                <div className="report-bar-track">
                  <div
                    className="report-bar"
                    style={{
                      width: `${(criterion.share ?? 0) * 100}%`,
                      background: isShort ? 'var(--mantine-color-red-6)' : 'var(--mantine-color-indigo-6)',
                    }}
                  />
                  {target !== undefined && (
                    <div className="report-target" style={{ left: `${target * 100}%` }} />
                  )}
                </div>
                <Text size="sm" fw={600} className="report-chart-value" c={isShort ? 'red.8' : undefined}>
                  {format.percent(criterion.share)}
                </Text>
              </div>
            );
          })}
          <Text size="xs" c="dimmed" mt={4}>
            {t('reports.composition.legend', { size: admitted.size })}
          </Text>
        </div>
      ) : (
        <Text size="sm" c="dimmed">
          {t('reports.composition.noCohort')}
        </Text>
      )}
      <ReportTable minWidth={720} isPrint={compact}>
        <Table.Caption>{t('reports.composition.tableCaption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('reports.composition.criterion')}</Table.Th>
            {stages.map((stage) => (
              <Table.Th scope="col" ta="right" key={stage.stage}>
                {t(`reports.composition.stages.${stage.stage}`)}
                <Text span size="xs" c="dimmed" display="block">
                  {t('reports.composition.size', { count: stage.size })}
                </Text>
              </Table.Th>
            ))}
            {targetsByCriterion.size > 0 && (
              <Table.Th scope="col" ta="right">
                {t('reports.composition.target')}
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {shown.map((criterion) => (
            <Table.Tr key={criterion.criterion}>
              <Table.Th scope="row" fw={500}>
                {criterionLabel(criterion.criterion)}
              </Table.Th>
              {stages.map((stage) => {
                const entry = stage.criteria.find((item) => item.criterion === criterion.criterion);
                return (
                  <Table.Td ta="right" key={stage.stage}>
                    {format.percent(entry?.share)}
                    <Text span size="xs" c="dimmed">
                      {' '}
                      ({entry?.count ?? 0})
                    </Text>
                  </Table.Td>
                );
              })}
              {targetsByCriterion.size > 0 && (
                <Table.Td ta="right">
                  {targetsByCriterion.has(criterion.criterion)
                    ? `≥ ${format.percent(targetsByCriterion.get(criterion.criterion))}`
                    : '—'}
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </ReportTable>
      {report.targets.length > 0 && (
        <ReportTable minWidth={560} isPrint={compact}>
          <Table.Caption>{t('reports.composition.targetsCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('reports.composition.session')}</Table.Th>
              <Table.Th scope="col">{t('reports.composition.criterion')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('reports.composition.target')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('reports.composition.cohortShare')}
              </Table.Th>
              <Table.Th scope="col">{t('reports.composition.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.targets.map((target) => (
              <Table.Tr key={`${target.sessionId}~${target.criterion}`}>
                <Table.Td>{target.sessionName}</Table.Td>
                <Table.Td>{criterionLabel(target.criterion)}</Table.Td>
                <Table.Td ta="right">≥ {format.percent(target.minShare)}</Table.Td>
                <Table.Td ta="right">
                  {format.percent(target.current.share)} ({target.current.count}/{target.current.size})
                </Table.Td>
                <Table.Td>
                  <Badge variant="dot" color={STATUS_COLORS[target.status]} c="dark.9">
                    {t(`reports.composition.statuses.${target.status}`)}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ReportTable>
      )}
    </Stack>
  );
}
