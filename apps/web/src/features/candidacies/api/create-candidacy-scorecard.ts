import type {
  CreateCandidacyScorecard,
  CreateCandidacyScorecardSchema,
} from '@passerelle/domain/candidacy/candidacy-pipeline.schema';
import type { Scorecard } from '@passerelle/domain/scorecard/scorecard.schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiRequest } from '../../../lib/api-client';
import { candidacyKeys } from './candidacy-keys';

export type CreateCandidacyScorecardInput = z.input<typeof CreateCandidacyScorecardSchema>;

export function createCandidacyScorecard({
  id,
  body,
}: {
  id: string;
  body: CreateCandidacyScorecardInput | CreateCandidacyScorecard;
}): Promise<Scorecard> {
  return apiRequest<Scorecard>(`/candidacies/${encodeURIComponent(id)}/evaluations`, {
    method: 'POST',
    body,
  });
}

export function useCreateCandidacyScorecard(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateCandidacyScorecardInput) => createCandidacyScorecard({ id, body }),
    // The detail carries the scorecards and the timeline.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: candidacyKeys.detail(id) }),
  });
}
