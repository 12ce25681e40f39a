import type { CommuneDto } from '@passerelle/domain/reference/commune.schema';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../lib/api-client';

/** The communes a postal code serves, from the API (INSEE's list is too large to ship to a phone). */
export async function getCommunesByPostalCode(
  postalCode: string,
  signal?: AbortSignal,
): Promise<CommuneDto[]> {
  const page = await apiRequest<{ data: CommuneDto[] }>('/public/communes', {
    query: { postalCode },
    signal,
  });
  return page.data;
}

export function communesQueryOptions(postalCode: string) {
  return queryOptions({
    queryKey: ['communes', postalCode],
    queryFn: ({ signal }) => getCommunesByPostalCode(postalCode, signal),
    staleTime: Number.POSITIVE_INFINITY,
    retry: 2,
    enabled: /^\d{5}$/.test(postalCode),
  });
}

export function useCommunes(postalCode: string) {
  return useQuery(communesQueryOptions(postalCode));
}
