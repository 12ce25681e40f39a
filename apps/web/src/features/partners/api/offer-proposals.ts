import type {
  CreateOfferProposal,
  OfferProposal,
  UpdateOfferProposal,
} from '@passerelle/domain/offer/offer.schema';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { partnerKeys } from './partner-keys';

export function useOfferProposals(offerId: string) {
  return useQuery({
    queryKey: partnerKeys.proposals(offerId),
    queryFn: async ({ signal }) =>
      (
        await apiRequest<{ data: OfferProposal[] }>(`/offers/${encodeURIComponent(offerId)}/proposals`, {
          signal,
        })
      ).data,
  });
}

export function proposeLearner({ offerId, body }: { offerId: string; body: CreateOfferProposal }) {
  return apiRequest<OfferProposal>(`/offers/${encodeURIComponent(offerId)}/proposals`, {
    method: 'POST',
    body,
  });
}

export function updateProposal({
  offerId,
  proposalId,
  body,
}: {
  offerId: string;
  proposalId: string;
  body: UpdateOfferProposal;
}) {
  return apiRequest<OfferProposal>(
    `/offers/${encodeURIComponent(offerId)}/proposals/${encodeURIComponent(proposalId)}`,
    { method: 'PATCH', body },
  );
}

/** Proposals change the offer's counts and, once accepted, the partner's placements: reload both. */
function useInvalidateOffer(partnerId: string, offerId: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: partnerKeys.proposals(offerId) }),
      queryClient.invalidateQueries({ queryKey: partnerKeys.links(partnerId) }),
      // A learner's history (placements feature) is keyed under 'placements'.
      queryClient.invalidateQueries({ queryKey: ['placements'] }),
    ]);
}

export function useProposeLearner(partnerId: string, offerId: string) {
  const invalidate = useInvalidateOffer(partnerId, offerId);
  return useMutation({
    mutationFn: (body: CreateOfferProposal) => proposeLearner({ offerId, body }),
    onSuccess: invalidate,
  });
}

export function useUpdateProposal(partnerId: string, offerId: string) {
  const invalidate = useInvalidateOffer(partnerId, offerId);
  return useMutation({
    mutationFn: ({ proposalId, body }: { proposalId: string; body: UpdateOfferProposal }) =>
      updateProposal({ offerId, proposalId, body }),
    onSuccess: invalidate,
  });
}
