import { CalendarDateSchema, IdSchema } from '@passerelle/domain/shared/common.schema';
import { z } from 'zod';

/** The reports' filters as the URL carries them (the API's names, so a link is the query). */
export const ReportSearchSchema = z.object({
  fabriqueId: IdSchema.optional().catch(undefined),
  programId: IdSchema.optional().catch(undefined),
  sessionId: IdSchema.optional().catch(undefined),
  from: CalendarDateSchema.optional().catch(undefined),
  to: CalendarDateSchema.optional().catch(undefined),
});
export type ReportSearch = z.infer<typeof ReportSearchSchema>;

export const REPORT_NAMES = ['funnel', 'composition', 'outcomes', 'capacity'] as const;
export type ReportName = (typeof REPORT_NAMES)[number];

/** The filters with the empty ones left out, and a period that ends before it starts dropped. */
export function toReportQuery(search: ReportSearch): ReportSearch {
  const isReversed = Boolean(search.from && search.to && search.from > search.to);
  return Object.fromEntries(
    Object.entries({ ...search, ...(isReversed ? { to: undefined } : {}) }).filter(
      ([, value]) => value !== undefined && value !== '',
    ),
  ) as ReportSearch;
}
