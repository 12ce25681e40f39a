import type { Me } from '@passerelle/domain/auth/auth.schema';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest, getSession, updateSessionUser } from '../../../lib/api-client';
import { authKeys } from './auth-keys';

export async function getMe({ signal }: { signal?: AbortSignal } = {}): Promise<Me> {
  const me = await apiRequest<Me>('/me', { signal });
  updateSessionUser(me);
  return me;
}

export function getMeQueryOptions() {
  return queryOptions({
    queryKey: authKeys.me(),
    queryFn: ({ signal }) => getMe({ signal }),
    // The session restored at start-up already carries the user: show it at once, then revalidate.
    initialData: () => getSession()?.user,
    initialDataUpdatedAt: 0,
  });
}

export function useMe() {
  return useQuery(getMeQueryOptions());
}
