import { PartnerSchema } from '@passerelle/domain/partner/partner.schema';
import { createPageSchema } from '@passerelle/domain/shared/common.schema';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiRequest } from '../../../lib/api-client';
import { partnerKeys } from './partner-keys';
import type { PartnersSearch } from './partner-search';

const PartnerPageSchema = createPageSchema(PartnerSchema);
type PartnerPage = z.infer<typeof PartnerPageSchema>;

export function getPartners({
  filters,
  cursor,
  signal,
}: {
  filters: PartnersSearch;
  cursor?: string | undefined;
  signal?: AbortSignal;
}): Promise<PartnerPage> {
  return apiRequest<PartnerPage>('/partners', { query: { ...filters, limit: 50, cursor }, signal });
}

export function usePartners(filters: PartnersSearch) {
  return useInfiniteQuery(
    infiniteQueryOptions({
      queryKey: partnerKeys.list(filters),
      queryFn: ({ pageParam, signal }) => getPartners({ filters, cursor: pageParam, signal }),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
    }),
  );
}
