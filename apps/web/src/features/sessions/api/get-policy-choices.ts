import { EligibilityPolicyResourceSchema } from '@passerelle/domain/eligibility/eligibility-policy-resource.schema';
import { createPageSchema, PAGE_LIMIT_MAX } from '@passerelle/domain/shared/common.schema';
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiRequest } from '../../../lib/api-client';
import { sessionKeys } from './session-keys';

const PolicyPageSchema = createPageSchema(EligibilityPolicyResourceSchema);
type PolicyPage = z.infer<typeof PolicyPageSchema>;

/** The eligibility policies a session may evaluate its candidacies against. */
export function getPolicyChoices({ signal }: { signal?: AbortSignal } = {}) {
  return apiRequest<PolicyPage>('/eligibility-policies', { query: { limit: PAGE_LIMIT_MAX }, signal }).then(
    (page) => page.data,
  );
}

export function getPolicyChoicesQueryOptions() {
  return queryOptions({
    queryKey: sessionKeys.policyChoices(),
    queryFn: ({ signal }) => getPolicyChoices({ signal }),
    staleTime: 5 * 60_000,
  });
}

export function usePolicyChoices() {
  return useQuery(getPolicyChoicesQueryOptions());
}
