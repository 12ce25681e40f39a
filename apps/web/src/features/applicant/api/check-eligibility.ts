import type {
  EligibilityCheck,
  EligibilityCheckResult,
} from '@passerelle/domain/application/application.schema';
import { useMutation } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';

/** Anonymous: the server evaluates the answers against each open session and stores nothing. */
export function checkEligibility(body: EligibilityCheck): Promise<EligibilityCheckResult> {
  return apiRequest<EligibilityCheckResult>('/public/eligibility-check', { method: 'POST', body });
}

export function useCheckEligibility() {
  return useMutation({ mutationFn: checkEligibility });
}
