import type { UpdateEligibilityPolicy } from '@passerelle/domain/eligibility/eligibility-policy.schema';
import type { EligibilityPolicyResource } from '@passerelle/domain/eligibility/eligibility-policy-resource.schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { policyKeys } from './policy-keys';

export interface UpdateEligibilityPolicyInput {
  id: string;
  /** The whole rules and the version they replace: the API stores them as the next version. */
  body: UpdateEligibilityPolicy;
}

export function updateEligibilityPolicy({
  id,
  body,
}: UpdateEligibilityPolicyInput): Promise<EligibilityPolicyResource> {
  return apiRequest<EligibilityPolicyResource>(`/eligibility-policies/${encodeURIComponent(id)}`, {
    method: 'PATCH',
    body,
  });
}

export function useUpdateEligibilityPolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateEligibilityPolicy,
    onSuccess: (policy) => {
      queryClient.setQueryData(policyKeys.detail(policy.id), policy);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: policyKeys.lists() }),
        queryClient.invalidateQueries({ queryKey: policyKeys.versions(policy.id) }),
      ]);
    },
  });
}
