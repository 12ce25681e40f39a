import { EligibilityPolicyResourceSchema } from '@passerelle/domain/eligibility/eligibility-policy-resource.schema';
import { createPageSchema, PAGE_LIMIT_MAX } from '@passerelle/domain/shared/common.schema';
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiRequest } from '../../../lib/api-client';
import { policyKeys } from './policy-keys';

const PolicyPageSchema = createPageSchema(EligibilityPolicyResourceSchema);
type PolicyPage = z.infer<typeof PolicyPageSchema>;
export type PolicyItem = PolicyPage['data'][number];

/** Every policy (a network keeps a handful), for the list and the programs' picker. */
export function getEligibilityPoliciesQueryOptions() {
  return queryOptions({
    queryKey: policyKeys.list(),
    queryFn: async ({ signal }) => {
      const policies: PolicyItem[] = [];
      let cursor: string | undefined;
      do {
        const page = await apiRequest<PolicyPage>('/eligibility-policies', {
          query: { limit: PAGE_LIMIT_MAX, cursor },
          signal,
        });
        policies.push(...page.data);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return policies;
    },
  });
}

export function useEligibilityPolicies() {
  return useQuery(getEligibilityPoliciesQueryOptions());
}
