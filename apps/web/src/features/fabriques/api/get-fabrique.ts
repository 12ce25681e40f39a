import type { Fabrique } from '@passerelle/domain/fabrique/fabrique.schema';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { fabriqueKeys } from './fabrique-keys';

export function getFabrique(id: string, { signal }: { signal?: AbortSignal } = {}): Promise<Fabrique> {
  return apiRequest<Fabrique>(`/fabriques/${encodeURIComponent(id)}`, { signal });
}

export function getFabriqueQueryOptions(id: string) {
  return queryOptions({
    queryKey: fabriqueKeys.detail(id),
    queryFn: ({ signal }) => getFabrique(id, { signal }),
  });
}

export function useFabrique(id: string) {
  return useQuery(getFabriqueQueryOptions(id));
}
