import type {
  CreatePlacement,
  Placement,
  UpdatePlacement,
} from '@passerelle/domain/placement/placement.schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { placementKeys } from './placement-keys';

export function createPlacement(body: CreatePlacement): Promise<Placement> {
  return apiRequest<Placement>('/placements', { method: 'POST', body });
}

export function updatePlacement({ id, body }: { id: string; body: UpdatePlacement }): Promise<Placement> {
  return apiRequest<Placement>(`/placements/${encodeURIComponent(id)}`, { method: 'PATCH', body });
}

/** Creates (no id) or updates a placement; the learner's history and follow-ups reload. */
export function useSavePlacement() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      id,
      version,
      body,
    }: {
      id?: string | undefined;
      version?: number | undefined;
      body: CreatePlacement;
    }) => {
      if (!id) return createPlacement(body);
      const { candidacyId: _candidacyId, ...changes } = body;
      return updatePlacement({ id, body: { ...changes, version } });
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: placementKeys.all }),
  });
}
