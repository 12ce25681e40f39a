import type { ReportName, ReportSearch } from './report-search';

export const reportKeys = {
  all: ['reports'] as const,
  report: (name: ReportName, filters: ReportSearch) => [...reportKeys.all, name, filters] as const,
  choices: () => [...reportKeys.all, 'choices'] as const,
};
