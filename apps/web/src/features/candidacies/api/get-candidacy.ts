import type { CandidacyDetail } from '@passerelle/domain/candidacy/candidacy-pipeline.schema';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { candidacyKeys } from './candidacy-keys';

export function getCandidacy(
  id: string,
  { signal }: { signal?: AbortSignal } = {},
): Promise<CandidacyDetail> {
  return apiRequest<CandidacyDetail>(`/candidacies/${encodeURIComponent(id)}`, { signal });
}

export function getCandidacyQueryOptions(id: string) {
  return queryOptions({
    queryKey: candidacyKeys.detail(id),
    queryFn: ({ signal }) => getCandidacy(id, { signal }),
  });
}

export function useCandidacy(id: string) {
  return useQuery(getCandidacyQueryOptions(id));
}
