import type { Session, SessionStatusChange } from '@passerelle/domain/session/session.schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { sessionKeys } from './session-keys';

export interface MoveSessionStatusInput {
  id: string;
  body: SessionStatusChange;
}

export function moveSessionStatus({ id, body }: MoveSessionStatusInput): Promise<Session> {
  return apiRequest<Session>(`/sessions/${encodeURIComponent(id)}/transitions`, { method: 'POST', body });
}

export function useMoveSessionStatus() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: moveSessionStatus,
    onSuccess: (session) => {
      queryClient.setQueryData(sessionKeys.detail(session.id), session);
      return queryClient.invalidateQueries({ queryKey: sessionKeys.lists() });
    },
  });
}
