import type { EligibilityPolicyResource } from '@passerelle/domain/eligibility/eligibility-policy-resource.schema';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { policyKeys } from './policy-keys';

export function getEligibilityPolicy(
  id: string,
  { signal }: { signal?: AbortSignal } = {},
): Promise<EligibilityPolicyResource> {
  return apiRequest<EligibilityPolicyResource>(`/eligibility-policies/${encodeURIComponent(id)}`, { signal });
}

export function getEligibilityPolicyQueryOptions(id: string) {
  return queryOptions({
    queryKey: policyKeys.detail(id),
    queryFn: ({ signal }) => getEligibilityPolicy(id, { signal }),
  });
}

export function useEligibilityPolicy(id: string) {
  return useQuery(getEligibilityPolicyQueryOptions(id));
}
