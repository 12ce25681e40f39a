import type {
  CandidacyDetail,
  PutEligibilityDecision,
} from '@passerelle/domain/candidacy/candidacy-pipeline.schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { candidacyKeys } from './candidacy-keys';

export interface SetEligibilityDecisionInput {
  id: string;
  /** The derogation and its reason, with the `version` the screen was showing. */
  body: PutEligibilityDecision;
}

export function setEligibilityDecision({ id, body }: SetEligibilityDecisionInput): Promise<CandidacyDetail> {
  return apiRequest<CandidacyDetail>(`/candidacies/${encodeURIComponent(id)}/eligibility-decision`, {
    method: 'PUT',
    body,
  });
}

export function useSetEligibilityDecision() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setEligibilityDecision,
    onSuccess: (candidacy) => {
      queryClient.setQueryData(candidacyKeys.detail(candidacy.id), candidacy);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: candidacyKeys.lists() }),
        queryClient.invalidateQueries({ queryKey: candidacyKeys.events(candidacy.id) }),
      ]);
    },
  });
}
