import type { Session, UpdateSession } from '@passerelle/domain/session/session.schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { sessionKeys } from './session-keys';

export interface UpdateSessionInput {
  id: string;
  /** Only the changed fields, plus the `version` the form was loaded with. */
  body: UpdateSession;
}

export function updateSession({ id, body }: UpdateSessionInput): Promise<Session> {
  return apiRequest<Session>(`/sessions/${encodeURIComponent(id)}`, { method: 'PATCH', body });
}

export function useUpdateSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateSession,
    onSuccess: (session) => {
      queryClient.setQueryData(sessionKeys.detail(session.id), session);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: sessionKeys.lists() }),
        queryClient.invalidateQueries({ queryKey: sessionKeys.composition(session.id) }),
      ]);
    },
  });
}
