import type {
  CandidacyDetail,
  FactVerification,
  VERIFIABLE_FACTS,
} from '@passerelle/domain/candidacy/candidacy-pipeline.schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { candidacyKeys } from './candidacy-keys';

export type VerifiableFact = (typeof VERIFIABLE_FACTS)[number];

export interface VerifyCandidacyFactInput {
  id: string;
  fact: VerifiableFact;
  body: FactVerification;
}

export function verifyCandidacyFact({ id, fact, body }: VerifyCandidacyFactInput): Promise<CandidacyDetail> {
  return apiRequest<CandidacyDetail>(
    `/candidacies/${encodeURIComponent(id)}/facts/${encodeURIComponent(fact)}/verification`,
    { method: 'POST', body },
  );
}

export function useVerifyCandidacyFact() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: verifyCandidacyFact,
    onSuccess: (candidacy) => {
      queryClient.setQueryData(candidacyKeys.detail(candidacy.id), candidacy);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: candidacyKeys.lists() }),
        queryClient.invalidateQueries({ queryKey: candidacyKeys.events(candidacy.id) }),
      ]);
    },
  });
}
