import type {
  CandidacyDetail,
  CandidacyTransition,
} from '@passerelle/domain/candidacy/candidacy-pipeline.schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { candidacyKeys } from './candidacy-keys';

export interface MoveCandidacyInput {
  id: string;
  /** The move, with the `version` the screen was showing. */
  body: CandidacyTransition;
}

export function moveCandidacy({ id, body }: MoveCandidacyInput): Promise<CandidacyDetail> {
  return apiRequest<CandidacyDetail>(`/candidacies/${encodeURIComponent(id)}/transitions`, {
    method: 'POST',
    body,
  });
}

export function useMoveCandidacy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: moveCandidacy,
    onSuccess: (candidacy) => {
      queryClient.setQueryData(candidacyKeys.detail(candidacy.id), candidacy);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: candidacyKeys.lists() }),
        queryClient.invalidateQueries({ queryKey: candidacyKeys.events(candidacy.id) }),
      ]);
    },
  });
}
