import { ApiClientSchema } from '@passerelle/domain/api-client/api-client.schema';
import { createPageSchema } from '@passerelle/domain/shared/common.schema';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiRequest } from '../../../lib/api-client';
import { apiClientKeys } from './api-client-keys';

const ApiClientPageSchema = createPageSchema(ApiClientSchema);
export type ApiClientPage = z.infer<typeof ApiClientPageSchema>;

export function getApiClients({
  cursor,
  signal,
}: {
  cursor?: string | undefined;
  signal?: AbortSignal;
} = {}) {
  return apiRequest<ApiClientPage>('/api-clients', { query: { limit: 50, cursor }, signal });
}

export function getApiClientsQueryOptions() {
  return infiniteQueryOptions({
    queryKey: apiClientKeys.lists(),
    queryFn: ({ pageParam, signal }) => getApiClients({ cursor: pageParam, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

export function useApiClients() {
  return useInfiniteQuery(getApiClientsQueryOptions());
}
