import type { ApiClient } from '@passerelle/domain/api-client/api-client.schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { apiClientKeys } from './api-client-keys';

export function revokeApiClient(id: string): Promise<ApiClient> {
  return apiRequest<ApiClient>(`/api-clients/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

export function useRevokeApiClient() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeApiClient,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiClientKeys.lists() }),
  });
}
