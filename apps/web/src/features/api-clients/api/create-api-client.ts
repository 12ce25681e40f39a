import type { ApiClientWithSecret, CreateApiClient } from '@passerelle/domain/api-client/api-client.schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { apiClientKeys } from './api-client-keys';

export function createApiClient(body: CreateApiClient): Promise<ApiClientWithSecret> {
  return apiRequest<ApiClientWithSecret>('/api-clients', { method: 'POST', body });
}

export function useCreateApiClient() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createApiClient,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiClientKeys.lists() }),
  });
}
