import type { CreateFabrique, Fabrique } from '@passerelle/domain/fabrique/fabrique.schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { fabriqueKeys } from './fabrique-keys';

export function createFabrique(body: CreateFabrique): Promise<Fabrique> {
  return apiRequest<Fabrique>('/fabriques', { method: 'POST', body });
}

export function useCreateFabrique() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createFabrique,
    onSuccess: (fabrique) => {
      queryClient.setQueryData(fabriqueKeys.detail(fabrique.id), fabrique);
      return queryClient.invalidateQueries({ queryKey: fabriqueKeys.lists() });
    },
  });
}
