import type { CreatePartner, Partner, UpdatePartner } from '@passerelle/domain/partner/partner.schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { partnerKeys } from './partner-keys';

export function createPartner(body: CreatePartner): Promise<Partner> {
  return apiRequest<Partner>('/partners', { method: 'POST', body });
}

export function updatePartner({ id, body }: { id: string; body: UpdatePartner }): Promise<Partner> {
  return apiRequest<Partner>(`/partners/${encodeURIComponent(id)}`, { method: 'PATCH', body });
}

/** Creates (no id) or updates a partner. */
export function useSavePartner() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string | undefined; body: UpdatePartner & CreatePartner }) =>
      id ? updatePartner({ id, body }) : createPartner(body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: partnerKeys.all }),
  });
}
