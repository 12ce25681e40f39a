import type { CandidacyDetail } from '@passerelle/domain/candidacy/candidacy-pipeline.schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { candidacyKeys } from './candidacy-keys';

export interface RemoveEligibilityDecisionInput {
  id: string;
  /** The version the screen was showing; a DELETE has no body, so it travels as If-Match. */
  version: number;
}

export function removeEligibilityDecision({
  id,
  version,
}: RemoveEligibilityDecisionInput): Promise<CandidacyDetail> {
  return apiRequest<CandidacyDetail>(`/candidacies/${encodeURIComponent(id)}/eligibility-decision`, {
    method: 'DELETE',
    headers: { 'if-match': `"v${version}"` },
  });
}

export function useRemoveEligibilityDecision() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: removeEligibilityDecision,
    onSuccess: (candidacy) => {
      queryClient.setQueryData(candidacyKeys.detail(candidacy.id), candidacy);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: candidacyKeys.lists() }),
        queryClient.invalidateQueries({ queryKey: candidacyKeys.events(candidacy.id) }),
      ]);
    },
  });
}
