import type { PublicSession } from '@passerelle/domain/session/public-session.schema';
import { PAGE_LIMIT_MAX } from '@passerelle/domain/shared/common.schema';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { applicantKeys } from './applicant-keys';

export interface PublicSessionPage {
  data: PublicSession[];
  nextCursor: string | null;
}

/** Open sessions fit in one page: a fabrique opens a few a year. */
export function getPublicSessions(signal?: AbortSignal): Promise<PublicSessionPage> {
  return apiRequest<PublicSessionPage>('/public/sessions', { query: { limit: PAGE_LIMIT_MAX }, signal });
}

export function publicSessionsQueryOptions() {
  return queryOptions({
    queryKey: applicantKeys.publicSessions(),
    queryFn: ({ signal }) => getPublicSessions(signal),
    staleTime: 5 * 60_000,
  });
}

export function usePublicSessions() {
  return useQuery(publicSessionsQueryOptions());
}
