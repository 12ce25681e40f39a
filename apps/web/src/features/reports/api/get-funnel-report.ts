import type { FunnelReport } from '@passerelle/domain/report/report.schema';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { reportKeys } from './report-keys';
import { type ReportSearch, toReportQuery } from './report-search';

export function getFunnelReport(
  filters: ReportSearch,
  { signal }: { signal?: AbortSignal } = {},
): Promise<FunnelReport> {
  return apiRequest<FunnelReport>('/reports/funnel', { query: toReportQuery(filters), signal });
}

export function getFunnelReportQueryOptions(filters: ReportSearch) {
  return queryOptions({
    queryKey: reportKeys.report('funnel', toReportQuery(filters)),
    queryFn: ({ signal }) => getFunnelReport(filters, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useFunnelReport(filters: ReportSearch) {
  return useQuery(getFunnelReportQueryOptions(filters));
}
