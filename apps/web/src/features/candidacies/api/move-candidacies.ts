import type {
  BulkTransitionResult,
  CandidacyBulkTransition,
} from '@passerelle/domain/candidacy/candidacy-pipeline.schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { candidacyKeys } from './candidacy-keys';

export function moveCandidacies(body: CandidacyBulkTransition): Promise<BulkTransitionResult> {
  return apiRequest<BulkTransitionResult>('/candidacies/bulk-transitions', { method: 'POST', body });
}

export function useMoveCandidacies() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: moveCandidacies,
    // Some ids may have moved even when others were refused.
    onSettled: () => queryClient.invalidateQueries({ queryKey: candidacyKeys.all }),
  });
}
