import { Badge, Group, List, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import type { CandidacyImportReport } from '@passerelle/domain/application/application.schema';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../../components/ui/router-links';

type ReportRow = CandidacyImportReport['rows'][number];
type RowStatus = ReportRow['status'];

const STATUS_COLORS: Record<RowStatus, string> = {
  created: 'green',
  invalid: 'red',
  duplicate: 'orange',
  skipped: 'gray',
};

type RowFilter = 'all' | 'problems';

/** Rows the file would not bring in, whatever the mode. */
export function isRefusedRow(row: ReportRow): boolean {
  return row.status === 'invalid' || row.status === 'duplicate';
}

/**
 * The API's report, one line per data row of the file: ready (or created), duplicate, error with the
 * column and the reason, or not imported because another row failed.
 */
export function ImportReport({ report }: { report: CandidacyImportReport }) {
  const { t } = useTranslation();
  const refused = report.rows.filter(isRefusedRow).length;
  const [filter, setFilter] = useState<RowFilter>(refused > 0 ? 'problems' : 'all');
  const rows = filter === 'problems' ? report.rows.filter(isRefusedRow) : report.rows;
  const statusLabel = (status: RowStatus) =>
    status === 'created' && report.dryRun ? t('import.status.ready') : t(`import.status.${status}`);

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="center">
        <Text size="sm" fw={600}>
          {t(report.dryRun ? 'import.report.dryRunSummary' : 'import.report.summary', {
            created: report.created,
            refused,
            count: report.rows.length,
          })}
        </Text>
        {refused > 0 && (
          <SegmentedControl
            size="xs"
            value={filter}
            onChange={(value) => setFilter(value === 'problems' ? 'problems' : 'all')}
            data={[
              { value: 'problems', label: t('import.report.onlyProblems', { count: refused }) },
              { value: 'all', label: t('import.report.allRows', { count: report.rows.length }) },
            ]}
            aria-label={t('import.report.filter')}
          />
        )}
      </Group>
      <Table.ScrollContainer minWidth={560} mah={420}>
        <Table striped highlightOnHover verticalSpacing="xs" stickyHeader>
          <Table.Caption>{t('import.report.caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={90}>{t('import.report.line')}</Table.Th>
              <Table.Th w={150}>{t('import.report.status')}</Table.Th>
              <Table.Th>{t('import.report.details')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.line} data-testid={`import-row-${row.line}`}>
                <Table.Td>{row.line}</Table.Td>
                <Table.Td>
                  <Badge
                    variant="dot"
                    color={STATUS_COLORS[row.status]}
                    tt="none"
                    fw={600}
                    radius="sm"
                    size="md"
                  >
                    {statusLabel(row.status)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {row.errors && row.errors.length > 0 ? (
                    <List size="sm" spacing={2}>
                      {row.errors.map((error) => (
                        <List.Item key={`${error.field}-${error.message}`}>
                          {t('import.report.fieldError', { field: error.field, message: error.message })}
                        </List.Item>
                      ))}
                    </List>
                  ) : row.candidacyId ? (
                    <AnchorLink
                      to="/candidatures/$candidacyId"
                      params={{ candidacyId: row.candidacyId }}
                      size="sm"
                    >
                      {t('import.report.open')}
                    </AnchorLink>
                  ) : (
                    <Text size="sm" c="dimmed">
                      {row.status === 'skipped' ? t('import.report.skippedHint') : '—'}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
