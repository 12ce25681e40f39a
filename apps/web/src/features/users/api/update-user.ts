import type { UpdateUser, User } from '@passerelle/domain/user/user.schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { userKeys } from './user-keys';

export interface UpdateUserInput {
  id: string;
  /** Only the changed fields, plus the `version` the form was loaded with. */
  body: UpdateUser;
}

export function updateUser({ id, body }: UpdateUserInput): Promise<User> {
  return apiRequest<User>(`/users/${encodeURIComponent(id)}`, { method: 'PATCH', body });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateUser,
    onSuccess: (user) => {
      queryClient.setQueryData(userKeys.detail(user.id), user);
      return queryClient.invalidateQueries({ queryKey: userKeys.lists() });
    },
  });
}
