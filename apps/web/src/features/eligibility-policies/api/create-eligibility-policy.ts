import type { CreateEligibilityPolicyInput } from '@passerelle/domain/eligibility/eligibility-policy.schema';
import type { EligibilityPolicyResource } from '@passerelle/domain/eligibility/eligibility-policy-resource.schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { policyKeys } from './policy-keys';

/** Omitted rules take the defaults of the domain; the new policy is then edited like any other. */
export function createEligibilityPolicy(
  body: CreateEligibilityPolicyInput,
): Promise<EligibilityPolicyResource> {
  return apiRequest<EligibilityPolicyResource>('/eligibility-policies', { method: 'POST', body });
}

export function useCreateEligibilityPolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createEligibilityPolicy,
    onSuccess: (policy) => {
      queryClient.setQueryData(policyKeys.detail(policy.id), policy);
      return queryClient.invalidateQueries({ queryKey: policyKeys.lists() });
    },
  });
}
