import type { SessionComposition } from '@passerelle/domain/session/session-composition.schema';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { sessionKeys } from './session-keys';

export function getSessionComposition(
  id: string,
  { signal }: { signal?: AbortSignal } = {},
): Promise<SessionComposition> {
  return apiRequest<SessionComposition>(`/sessions/${encodeURIComponent(id)}/composition`, { signal });
}

export function getSessionCompositionQueryOptions(id: string) {
  return queryOptions({
    queryKey: sessionKeys.composition(id),
    queryFn: ({ signal }) => getSessionComposition(id, { signal }),
  });
}

export function useSessionComposition(id: string) {
  return useQuery(getSessionCompositionQueryOptions(id));
}
