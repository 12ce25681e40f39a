import { CandidacyEventSchema } from '@passerelle/domain/candidacy/candidacy-pipeline.schema';
import { createPageSchema } from '@passerelle/domain/shared/common.schema';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiRequest } from '../../../lib/api-client';
import { candidacyKeys } from './candidacy-keys';

const CandidacyEventPageSchema = createPageSchema(CandidacyEventSchema);
export type CandidacyEventPage = z.infer<typeof CandidacyEventPageSchema>;

export function getCandidacyEvents(
  id: string,
  { cursor, signal }: { cursor?: string | undefined; signal?: AbortSignal } = {},
): Promise<CandidacyEventPage> {
  return apiRequest<CandidacyEventPage>(`/candidacies/${encodeURIComponent(id)}/events`, {
    query: { limit: 20, cursor },
    signal,
  });
}

export function getCandidacyEventsQueryOptions(id: string) {
  return infiniteQueryOptions({
    queryKey: candidacyKeys.events(id),
    queryFn: ({ pageParam, signal }) => getCandidacyEvents(id, { cursor: pageParam, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

export function useCandidacyEvents(id: string) {
  return useInfiniteQuery(getCandidacyEventsQueryOptions(id));
}
