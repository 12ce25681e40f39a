import type { CapacityReport } from '@passerelle/domain/report/report.schema';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { reportKeys } from './report-keys';

export interface ReportChoices {
  fabriques: Array<{ value: string; label: string }>;
  programs: Array<{ value: string; label: string; fabriqueId: string }>;
  sessions: CapacityReport['sessions'];
}

/**
 * What the caller may filter reports on: the unfiltered capacity report lists the fabriques,
 * programs and sessions in the caller's reach (viewers included, who may not list sessions).
 */
export async function getReportChoices({ signal }: { signal?: AbortSignal } = {}): Promise<ReportChoices> {
  const report = await apiRequest<CapacityReport>('/reports/capacity', { signal });
  const fabriques = new Map<string, string>();
  const programs = new Map<string, { label: string; fabriqueId: string }>();
  for (const row of report.rows) {
    fabriques.set(row.fabriqueId, row.fabriqueName);
    programs.set(row.programId, { label: row.programTitle, fabriqueId: row.fabriqueId });
  }
  return {
    fabriques: [...fabriques].map(([value, label]) => ({ value, label })),
    programs: [...programs].map(([value, program]) => ({ value, ...program })),
    sessions: report.sessions,
  };
}

export function getReportChoicesQueryOptions() {
  return queryOptions({
    queryKey: reportKeys.choices(),
    queryFn: ({ signal }) => getReportChoices({ signal }),
    staleTime: 5 * 60_000,
  });
}

export function useReportChoices() {
  return useQuery(getReportChoicesQueryOptions());
}
