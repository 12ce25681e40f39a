import type { Session } from '@passerelle/domain/session/session.schema';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { sessionKeys } from './session-keys';

export function getSession(id: string, { signal }: { signal?: AbortSignal } = {}): Promise<Session> {
  return apiRequest<Session>(`/sessions/${encodeURIComponent(id)}`, { signal });
}

export function getSessionQueryOptions(id: string) {
  return queryOptions({
    queryKey: sessionKeys.detail(id),
    queryFn: ({ signal }) => getSession(id, { signal }),
  });
}

export function useSession(id: string) {
  return useQuery(getSessionQueryOptions(id));
}
