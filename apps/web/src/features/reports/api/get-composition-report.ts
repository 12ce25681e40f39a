import type { CompositionReport } from '@passerelle/domain/report/report.schema';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { reportKeys } from './report-keys';
import { type ReportSearch, toReportQuery } from './report-search';

export function getCompositionReport(
  filters: ReportSearch,
  { signal }: { signal?: AbortSignal } = {},
): Promise<CompositionReport> {
  return apiRequest<CompositionReport>('/reports/composition', { query: toReportQuery(filters), signal });
}

export function getCompositionReportQueryOptions(filters: ReportSearch) {
  return queryOptions({
    queryKey: reportKeys.report('composition', toReportQuery(filters)),
    queryFn: ({ signal }) => getCompositionReport(filters, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCompositionReport(filters: ReportSearch) {
  return useQuery(getCompositionReportQueryOptions(filters));
}
