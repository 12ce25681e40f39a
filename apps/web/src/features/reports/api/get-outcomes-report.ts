import type { OutcomesReport } from '@passerelle/domain/report/report.schema';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { reportKeys } from './report-keys';
import { type ReportSearch, toReportQuery } from './report-search';

export function getOutcomesReport(
  filters: ReportSearch,
  { signal }: { signal?: AbortSignal } = {},
): Promise<OutcomesReport> {
  return apiRequest<OutcomesReport>('/reports/outcomes', { query: toReportQuery(filters), signal });
}

export function getOutcomesReportQueryOptions(filters: ReportSearch) {
  return queryOptions({
    queryKey: reportKeys.report('outcomes', toReportQuery(filters)),
    queryFn: ({ signal }) => getOutcomesReport(filters, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useOutcomesReport(filters: ReportSearch) {
  return useQuery(getOutcomesReportQueryOptions(filters));
}
