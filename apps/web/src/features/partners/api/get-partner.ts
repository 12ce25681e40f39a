import type { Partner } from '@passerelle/domain/partner/partner.schema';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { partnerKeys } from './partner-keys';

export function usePartner(id: string) {
  return useQuery({
    queryKey: partnerKeys.detail(id),
    queryFn: ({ signal }) => apiRequest<Partner>(`/partners/${encodeURIComponent(id)}`, { signal }),
  });
}
