import { Group, Stack, Table, Text } from '@mantine/core';
import type { CapacityReport } from '@passerelle/domain/report/report.schema';
import { useTranslation } from 'react-i18next';
import { useReportFormat } from './report-format';
import { ReportTable } from './report-section';

const SERIES = [
  { key: 'places', color: 'var(--mantine-color-gray-6)' },
  { key: 'eligibleApplications', color: 'var(--mantine-color-indigo-6)' },
  { key: 'eligibleWaitlisted', color: 'var(--mantine-color-orange-5)' },
] as const;

/** Demand against places per fabrique and program: three bars each, then the table. */
export function CapacityReportView({ report }: { report: CapacityReport }) {
  const { t } = useTranslation();
  const format = useReportFormat();
  const max = Math.max(1, ...report.rows.flatMap((row) => SERIES.map((series) => row[series.key])));
  return (
    <Stack gap="md">
      <Group gap="md" aria-hidden="true">
        {SERIES.map((series) => (
          <Group gap={6} key={series.key} wrap="nowrap">
            <span className="report-swatch" style={{ background: series.color }} />
            <Text size="xs">{t(`reports.capacity.${series.key}`)}</Text>
          </Group>
        ))}
      </Group>
      <div aria-hidden="true" className="report-chart">
        {report.rows.map((row) => (
          <div key={`${row.fabriqueId}~${row.programId}`} className="report-chart-row report-chart-row-multi">
            <Text size="sm" className="report-chart-label">
              {row.fabriqueName} · {row.programTitle}
            </Text>
            <Stack gap={3}>
              {SERIES.map((series) => (
                <Group gap={6} key={series.key} wrap="nowrap">
                  <div className="report-bar-track" style={{ height: 12 }}>
                    <div
                      className="report-bar"
                      style={{
                        width: `${(row[series.key] / max) * 100}%`,
                        background: series.color,
                        height: 12,
                      }}
                    />
                  </div>
                  <Text size="xs" w={36} ta="right">
                    {row[series.key]}
                  </Text>
                </Group>
              ))}
            </Stack>
          </div>
        ))}
      </div>
      <ReportTable minWidth={720}>
        <Table.Caption>{t('reports.capacity.tableCaption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('reports.capacity.fabriqueProgram')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('reports.capacity.sessions')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('reports.capacity.places')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('reports.capacity.placesTaken')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('reports.capacity.applications')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('reports.capacity.eligibleApplications')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('reports.capacity.eligibleWaitlisted')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('reports.capacity.eligiblePerPlace')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {[
            ...report.rows.map((row) => ({ ...row, label: `${row.fabriqueName} · ${row.programTitle}` })),
            { ...report.totals, label: t('reports.capacity.total') },
          ].map((row) => (
            <Table.Tr key={row.label}>
              <Table.Th scope="row" fw={500}>
                {row.label}
              </Table.Th>
              <Table.Td ta="right">{row.sessions}</Table.Td>
              <Table.Td ta="right">{row.places}</Table.Td>
              <Table.Td ta="right">{row.placesTaken}</Table.Td>
              <Table.Td ta="right">{row.applications}</Table.Td>
              <Table.Td ta="right">{row.eligibleApplications}</Table.Td>
              <Table.Td ta="right">{row.eligibleWaitlisted}</Table.Td>
              <Table.Td ta="right">{format.number(row.eligiblePerPlace)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </ReportTable>
    </Stack>
  );
}
