import type {
  ApplicationReceipt,
  ApplicationSchema,
} from '@passerelle/domain/application/application.schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiRequest } from '../../../lib/api-client';
import { applicantKeys } from './applicant-keys';

export interface SubmitApplicationInput {
  sessionId: string;
  body: z.input<typeof ApplicationSchema>;
  /** The same key for every attempt at one application: the server does the work once. */
  idempotencyKey: string;
}

export function submitApplication({
  sessionId,
  body,
  idempotencyKey,
}: SubmitApplicationInput): Promise<ApplicationReceipt> {
  return apiRequest<ApplicationReceipt>(`/public/sessions/${encodeURIComponent(sessionId)}/applications`, {
    method: 'POST',
    body,
    headers: { 'idempotency-key': idempotencyKey },
  });
}

export function useSubmitApplication() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: submitApplication,
    // Places left may have changed.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: applicantKeys.publicSessions() }),
  });
}
