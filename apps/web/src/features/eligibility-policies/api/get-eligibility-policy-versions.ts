import { EligibilityPolicySchema } from '@passerelle/domain/eligibility/eligibility.schema';
import { createPageSchema } from '@passerelle/domain/shared/common.schema';
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiRequest } from '../../../lib/api-client';
import { policyKeys } from './policy-keys';

const PolicyVersionListSchema = createPageSchema(EligibilityPolicySchema);
export type PolicyVersionList = z.infer<typeof PolicyVersionListSchema>;

/** Every version of a policy, latest first (the API answers them in one page). */
export function getEligibilityPolicyVersions(
  id: string,
  { signal }: { signal?: AbortSignal } = {},
): Promise<PolicyVersionList> {
  return apiRequest<PolicyVersionList>(`/eligibility-policies/${encodeURIComponent(id)}/versions`, {
    signal,
  });
}

export function getEligibilityPolicyVersionsQueryOptions(id: string) {
  return queryOptions({
    queryKey: policyKeys.versions(id),
    queryFn: ({ signal }) => getEligibilityPolicyVersions(id, { signal }),
  });
}

export function useEligibilityPolicyVersions(id: string) {
  return useQuery(getEligibilityPolicyVersionsQueryOptions(id));
}
