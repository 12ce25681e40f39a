import type { CandidacyIntakeSchema, IntakeResult } from '@passerelle/domain/application/application.schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiRequest } from '../../../lib/api-client';
import { candidacyKeys } from './candidacy-keys';

export interface CreateCandidacyInput {
  body: z.input<typeof CandidacyIntakeSchema>;
  /** The same key for every attempt at one intake: a double click or a retry creates one candidacy. */
  idempotencyKey: string;
}

export function createCandidacy({ body, idempotencyKey }: CreateCandidacyInput): Promise<IntakeResult> {
  return apiRequest<IntakeResult>('/candidacies', {
    method: 'POST',
    body,
    headers: { 'idempotency-key': idempotencyKey },
  });
}

export function useCreateCandidacy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createCandidacy,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: candidacyKeys.lists() }),
  });
}
