import type { CapacityReport } from '@passerelle/domain/report/report.schema';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { reportKeys } from './report-keys';
import { type ReportSearch, toReportQuery } from './report-search';

export function getCapacityReport(
  filters: ReportSearch,
  { signal }: { signal?: AbortSignal } = {},
): Promise<CapacityReport> {
  return apiRequest<CapacityReport>('/reports/capacity', { query: toReportQuery(filters), signal });
}

export function getCapacityReportQueryOptions(filters: ReportSearch) {
  return queryOptions({
    queryKey: reportKeys.report('capacity', toReportQuery(filters)),
    queryFn: ({ signal }) => getCapacityReport(filters, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCapacityReport(filters: ReportSearch) {
  return useQuery(getCapacityReportQueryOptions(filters));
}
