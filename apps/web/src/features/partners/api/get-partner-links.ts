import type { PartnerLinks } from '@passerelle/domain/partner/partner.schema';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { partnerKeys } from './partner-keys';

/** Sessions funded and hosted, referrals, placements and offers of a partner. */
export function usePartnerLinks(id: string) {
  return useQuery({
    queryKey: partnerKeys.links(id),
    queryFn: ({ signal }) =>
      apiRequest<PartnerLinks>(`/partners/${encodeURIComponent(id)}/links`, { signal }),
  });
}
