import { createPageSchema } from '@passerelle/domain/shared/common.schema';
import { UserSchema } from '@passerelle/domain/user/user.schema';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiRequest } from '../../../lib/api-client';
import { type UserListFilters, userKeys } from './user-keys';

const UserPageSchema = createPageSchema(UserSchema);
export type UserPage = z.infer<typeof UserPageSchema>;

export const USERS_PAGE_SIZE = 50;

interface GetUsersInput extends UserListFilters {
  cursor?: string | undefined;
  limit?: number;
  signal?: AbortSignal;
}

export function getUsers({
  cursor,
  limit = USERS_PAGE_SIZE,
  role,
  q,
  signal,
}: GetUsersInput): Promise<UserPage> {
  return apiRequest<UserPage>('/users', { query: { limit, cursor, role, q }, signal });
}

export function getUsersQueryOptions(filters: UserListFilters) {
  return infiniteQueryOptions({
    queryKey: userKeys.list(filters),
    queryFn: ({ pageParam, signal }) => getUsers({ ...filters, cursor: pageParam, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

export function useUsers(filters: UserListFilters) {
  return useInfiniteQuery(getUsersQueryOptions(filters));
}
