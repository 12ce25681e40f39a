import type { FollowUp, RecordFollowUpInput } from '@passerelle/domain/follow-up/follow-up.schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { placementKeys } from './placement-keys';

export function recordFollowUp({ id, body }: { id: string; body: RecordFollowUpInput }): Promise<FollowUp> {
  return apiRequest<FollowUp>(`/placements/follow-ups/${encodeURIComponent(id)}`, { method: 'PATCH', body });
}

export function useRecordFollowUp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: recordFollowUp,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: placementKeys.all }),
  });
}
