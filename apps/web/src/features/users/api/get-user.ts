import type { User } from '@passerelle/domain/user/user.schema';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { userKeys } from './user-keys';

export function getUser(id: string, { signal }: { signal?: AbortSignal } = {}): Promise<User> {
  return apiRequest<User>(`/users/${encodeURIComponent(id)}`, { signal });
}

export function getUserQueryOptions(id: string) {
  return queryOptions({
    queryKey: userKeys.detail(id),
    queryFn: ({ signal }) => getUser(id, { signal }),
  });
}

export function useUser(id: string) {
  return useQuery(getUserQueryOptions(id));
}
