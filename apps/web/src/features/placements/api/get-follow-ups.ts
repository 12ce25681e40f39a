import { FollowUpSchema } from '@passerelle/domain/follow-up/follow-up.schema';
import { createPageSchema, PAGE_LIMIT_MAX } from '@passerelle/domain/shared/common.schema';
import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiRequest } from '../../../lib/api-client';
import { type FollowUpFilters, placementKeys } from './placement-keys';

const FollowUpPageSchema = createPageSchema(FollowUpSchema);
export type FollowUpPage = z.infer<typeof FollowUpPageSchema>;
export type FollowUpItem = FollowUpPage['data'][number];

export function getFollowUps({
  filters,
  cursor,
  limit = 50,
  signal,
}: {
  filters: FollowUpFilters;
  cursor?: string | undefined;
  limit?: number;
  signal?: AbortSignal;
}): Promise<FollowUpPage> {
  return apiRequest<FollowUpPage>('/placements/follow-ups', { query: { ...filters, limit, cursor }, signal });
}

export function useFollowUps(filters: FollowUpFilters) {
  return useInfiniteQuery(
    infiniteQueryOptions({
      queryKey: placementKeys.followUpList(filters),
      queryFn: ({ pageParam, signal }) => getFollowUps({ filters, cursor: pageParam, signal }),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
    }),
  );
}

/** The four follow-ups of one learner. */
export function useLearnerFollowUps(candidacyId: string) {
  return useQuery(
    queryOptions({
      queryKey: placementKeys.followUpList({ candidacyId }),
      queryFn: async ({ signal }) =>
        (await getFollowUps({ filters: { candidacyId }, limit: PAGE_LIMIT_MAX, signal })).data,
    }),
  );
}
