import { CandidacyStageSchema } from '@passerelle/domain/candidacy/candidacy.schema';
import {
  CANDIDACY_SORTS,
  type CandidacyListQuery,
} from '@passerelle/domain/candidacy/candidacy-pipeline.schema';
import {
  CriterionCodeSchema,
  EligibilityStatusSchema,
} from '@passerelle/domain/eligibility/eligibility.schema';
import { CalendarDateSchema, IdSchema } from '@passerelle/domain/shared/common.schema';
import { z } from 'zod';

export const CANDIDACY_COLUMNS = [
  'candidate',
  'session',
  'stage',
  'eligibility',
  'criteria',
  'source',
  'submittedAt',
  'stageChangedAt',
  'contact',
] as const;
export type CandidacyColumn = (typeof CANDIDACY_COLUMNS)[number];
export const DEFAULT_CANDIDACY_COLUMNS: readonly CandidacyColumn[] = [
  'candidate',
  'session',
  'stage',
  'eligibility',
  'criteria',
  'source',
  'submittedAt',
];

/**
 * What the candidacies table keeps in the URL. Every key falls back to "unset" when a shared link
 * carries a value the app no longer knows, so an old link still opens.
 */
export const CandidacySearchSchema = z.object({
  q: z.string().trim().min(2).max(100).optional().catch(undefined),
  sessionId: IdSchema.optional().catch(undefined),
  stage: z.array(CandidacyStageSchema).max(12).optional().catch(undefined),
  eligible: EligibilityStatusSchema.optional().catch(undefined),
  criterion: CriterionCodeSchema.optional().catch(undefined),
  source: z.string().trim().min(1).max(60).optional().catch(undefined),
  submittedFrom: CalendarDateSchema.optional().catch(undefined),
  submittedTo: CalendarDateSchema.optional().catch(undefined),
  sort: z.enum(CANDIDACY_SORTS).optional().catch(undefined),
  cols: z.array(z.enum(CANDIDACY_COLUMNS)).min(1).optional().catch(undefined),
});
export type CandidacySearch = z.infer<typeof CandidacySearchSchema>;

/** The filters sent to the API (the column choice is only for display). */
export type CandidacyListFilters = Omit<CandidacySearch, 'cols'>;

export function pickCandidacyFilters(search: CandidacySearch): CandidacyListFilters {
  const { cols: _cols, ...filters } = search;
  // Unset keys are dropped so equal filters give equal query keys.
  return Object.fromEntries(
    Object.entries(filters).filter(
      ([, value]) => value !== undefined && !(Array.isArray(value) && value.length === 0),
    ),
  ) as CandidacyListFilters;
}

export function hasActiveFilters(filters: CandidacyListFilters): boolean {
  return Object.entries(filters).some(([key, value]) => key !== 'sort' && value !== undefined);
}

type QueryValue = string | number | boolean | undefined;

/** `CandidacyListQuery` as query-string values: stages comma-separated. */
export function toCandidacyQuery(
  filters: CandidacyListFilters,
  page: { cursor?: string | undefined; limit: number },
): Record<keyof CandidacyListQuery, QueryValue> {
  return {
    limit: page.limit,
    cursor: page.cursor,
    sessionId: filters.sessionId,
    fabriqueId: undefined,
    stage: filters.stage?.join(','),
    eligible: filters.eligible,
    criterion: filters.criterion,
    source: filters.source,
    q: filters.q,
    submittedFrom: filters.submittedFrom,
    submittedTo: filters.submittedTo,
    sort: filters.sort,
  };
}
