import type { CreatePartnerOffer, Offer, UpdateOffer } from '@passerelle/domain/offer/offer.schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { partnerKeys } from './partner-keys';

export function createOffer({
  partnerId,
  body,
}: {
  partnerId: string;
  body: CreatePartnerOffer;
}): Promise<Offer> {
  return apiRequest<Offer>(`/partners/${encodeURIComponent(partnerId)}/offers`, { method: 'POST', body });
}

export function updateOffer({ id, body }: { id: string; body: UpdateOffer }): Promise<Offer> {
  return apiRequest<Offer>(`/offers/${encodeURIComponent(id)}`, { method: 'PATCH', body });
}

export function useCreateOffer(partnerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreatePartnerOffer) => createOffer({ partnerId, body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: partnerKeys.links(partnerId) }),
  });
}

export function useUpdateOffer(partnerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateOffer,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: partnerKeys.links(partnerId) }),
  });
}
