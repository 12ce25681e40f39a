import type { ApiClientWithSecret } from '@passerelle/domain/api-client/api-client.schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { apiClientKeys } from './api-client-keys';

export function rotateApiClientSecret(id: string): Promise<ApiClientWithSecret> {
  return apiRequest<ApiClientWithSecret>(`/api-clients/${encodeURIComponent(id)}/rotate-secret`, {
    method: 'POST',
  });
}

export function useRotateApiClientSecret() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: rotateApiClientSecret,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiClientKeys.lists() }),
  });
}
