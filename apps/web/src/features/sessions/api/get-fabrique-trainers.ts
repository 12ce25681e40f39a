import type { FabriqueTrainer } from '@passerelle/domain/user/user.schema';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { sessionKeys } from './session-keys';

export async function getFabriqueTrainers(
  fabriqueId: string,
  { signal }: { signal?: AbortSignal } = {},
): Promise<FabriqueTrainer[]> {
  const page = await apiRequest<{ data: FabriqueTrainer[] }>(
    `/fabriques/${encodeURIComponent(fabriqueId)}/trainers`,
    { signal },
  );
  return page.data;
}

export function getFabriqueTrainersQueryOptions(fabriqueId: string) {
  return queryOptions({
    queryKey: sessionKeys.trainers(fabriqueId),
    queryFn: ({ signal }) => getFabriqueTrainers(fabriqueId, { signal }),
    staleTime: 60_000,
  });
}

/** The trainers a session of this fabrique may have; nothing until a fabrique is chosen. */
export function useFabriqueTrainers(fabriqueId: string | null) {
  return useQuery({ ...getFabriqueTrainersQueryOptions(fabriqueId ?? ''), enabled: Boolean(fabriqueId) });
}
