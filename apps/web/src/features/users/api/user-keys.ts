import type { Role } from '@passerelle/domain/user/user.schema';

export interface UserListFilters {
  role?: Role | undefined;
  q?: string | undefined;
}

export const userKeys = {
  all: ['users'] as const,
  lists: () => [...userKeys.all, 'list'] as const,
  list: (filters: UserListFilters) => [...userKeys.lists(), filters] as const,
  details: () => [...userKeys.all, 'detail'] as const,
  detail: (id: string) => [...userKeys.details(), id] as const,
};
