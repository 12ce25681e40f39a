import type { Fabrique, UpdateFabrique } from '@passerelle/domain/fabrique/fabrique.schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { fabriqueKeys } from './fabrique-keys';

export interface UpdateFabriqueInput {
  id: string;
  /** Only the changed fields, plus the `version` the form was loaded with. */
  body: UpdateFabrique;
}

export function updateFabrique({ id, body }: UpdateFabriqueInput): Promise<Fabrique> {
  return apiRequest<Fabrique>(`/fabriques/${encodeURIComponent(id)}`, { method: 'PATCH', body });
}

export function useUpdateFabrique() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateFabrique,
    onSuccess: (fabrique) => {
      queryClient.setQueryData(fabriqueKeys.detail(fabrique.id), fabrique);
      return queryClient.invalidateQueries({ queryKey: fabriqueKeys.lists() });
    },
  });
}
