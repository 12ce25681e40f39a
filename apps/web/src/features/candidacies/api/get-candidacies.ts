import {
  type CandidacyListItem,
  CandidacyListItemSchema,
} from '@passerelle/domain/candidacy/candidacy-pipeline.schema';
import { createPageSchema, PAGE_LIMIT_MAX } from '@passerelle/domain/shared/common.schema';
import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiRequest } from '../../../lib/api-client';
import { type CandidacyListFilters, toCandidacyQuery } from './candidacy-filters';
import { candidacyKeys } from './candidacy-keys';

const CandidacyPageSchema = createPageSchema(CandidacyListItemSchema);
export type CandidacyPage = z.infer<typeof CandidacyPageSchema>;

export const CANDIDACIES_PAGE_SIZE = 50;

interface GetCandidaciesInput {
  filters: CandidacyListFilters;
  cursor?: string | undefined;
  limit?: number;
  signal?: AbortSignal | undefined;
}

export function getCandidacies({
  filters,
  cursor,
  limit = CANDIDACIES_PAGE_SIZE,
  signal,
}: GetCandidaciesInput): Promise<CandidacyPage> {
  return apiRequest<CandidacyPage>('/candidacies', {
    query: toCandidacyQuery(filters, { cursor, limit }),
    signal,
  });
}

/**
 * Every candidacy matching the filters, page after page (largest pages), for exports and
 * per-session figures; `onProgress` gets the count fetched so far.
 */
export async function getAllCandidacies(
  filters: CandidacyListFilters,
  { signal, onProgress }: { signal?: AbortSignal | undefined; onProgress?: (count: number) => void } = {},
): Promise<CandidacyListItem[]> {
  const items: CandidacyListItem[] = [];
  let cursor: string | undefined;
  do {
    const page = await getCandidacies({ filters, cursor, limit: PAGE_LIMIT_MAX, signal });
    items.push(...page.data);
    onProgress?.(items.length);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

export function getCandidaciesQueryOptions(filters: CandidacyListFilters) {
  return infiniteQueryOptions({
    queryKey: candidacyKeys.list(filters),
    queryFn: ({ pageParam, signal }) => getCandidacies({ filters, cursor: pageParam, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
    // Typing in the search box keeps the previous rows on screen instead of flashing a skeleton.
    placeholderData: keepPreviousData,
  });
}

export function useCandidacies(filters: CandidacyListFilters) {
  return useInfiniteQuery(getCandidaciesQueryOptions(filters));
}
