import { FabriqueSchema } from '@passerelle/domain/fabrique/fabrique.schema';
import { createPageSchema, PAGE_LIMIT_MAX } from '@passerelle/domain/shared/common.schema';
import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiRequest } from '../../../lib/api-client';
import { fabriqueKeys } from './fabrique-keys';

const FabriquePageSchema = createPageSchema(FabriqueSchema);
export type FabriquePage = z.infer<typeof FabriquePageSchema>;

export const FABRIQUES_PAGE_SIZE = 50;

interface GetFabriquesInput {
  cursor?: string | undefined;
  limit?: number;
  signal?: AbortSignal;
}

export function getFabriques({
  cursor,
  limit = FABRIQUES_PAGE_SIZE,
  signal,
}: GetFabriquesInput = {}): Promise<FabriquePage> {
  return apiRequest<FabriquePage>('/fabriques', { query: { limit, cursor }, signal });
}

export function getFabriquesQueryOptions() {
  return infiniteQueryOptions({
    queryKey: fabriqueKeys.list(),
    queryFn: ({ pageParam, signal }) => getFabriques({ cursor: pageParam, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

export function useFabriques() {
  return useInfiniteQuery(getFabriquesQueryOptions());
}

/** Every fabrique as select options (there are tens, not thousands). */
export function getFabriqueChoicesQueryOptions() {
  return queryOptions({
    queryKey: fabriqueKeys.choices(),
    queryFn: async ({ signal }) => {
      const page = await getFabriques({ limit: PAGE_LIMIT_MAX, signal });
      return page.data.map((fabrique) => ({ value: fabrique.id, label: fabrique.name }));
    },
    staleTime: 5 * 60_000,
  });
}

export function useFabriqueChoices() {
  return useQuery(getFabriqueChoicesQueryOptions());
}
