import { SessionSchema } from '@passerelle/domain/session/session.schema';
import { createPageSchema, PAGE_LIMIT_MAX } from '@passerelle/domain/shared/common.schema';
import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiRequest } from '../../../lib/api-client';
import { type SessionListFilters, sessionKeys } from './session-keys';

const SessionPageSchema = createPageSchema(SessionSchema);
export type SessionPage = z.infer<typeof SessionPageSchema>;
export type SessionItem = SessionPage['data'][number];

export const SESSIONS_PAGE_SIZE = 50;

export function getSessions({
  filters,
  cursor,
  limit = SESSIONS_PAGE_SIZE,
  signal,
}: {
  filters: SessionListFilters;
  cursor?: string | undefined;
  limit?: number;
  signal?: AbortSignal;
}): Promise<SessionPage> {
  return apiRequest<SessionPage>('/sessions', {
    query: { limit, cursor, status: filters.status, from: filters.from, to: filters.to },
    signal,
  });
}

export function getSessionsQueryOptions(filters: SessionListFilters) {
  return infiniteQueryOptions({
    queryKey: sessionKeys.list(filters),
    queryFn: ({ pageParam, signal }) => getSessions({ filters, cursor: pageParam, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

export function useSessions(filters: SessionListFilters) {
  return useInfiniteQuery(getSessionsQueryOptions(filters));
}

/** Every session the caller sees, for pickers and the dashboard (a fabrique runs a handful a year). */
export function getSessionChoicesQueryOptions() {
  return queryOptions({
    queryKey: [...sessionKeys.lists(), 'all'] as const,
    queryFn: async ({ signal }) => {
      const sessions: SessionItem[] = [];
      let cursor: string | undefined;
      do {
        const page = await getSessions({ filters: {}, cursor, limit: PAGE_LIMIT_MAX, signal });
        sessions.push(...page.data);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return sessions;
    },
    staleTime: 60_000,
  });
}

export function useSessionChoices() {
  return useQuery(getSessionChoicesQueryOptions());
}
