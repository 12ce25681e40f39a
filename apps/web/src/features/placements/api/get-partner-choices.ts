import { PartnerSchema } from '@passerelle/domain/partner/partner.schema';
import { createPageSchema, PAGE_LIMIT_MAX } from '@passerelle/domain/shared/common.schema';
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiRequest } from '../../../lib/api-client';
import { placementKeys } from './placement-keys';

const PartnerPageSchema = createPageSchema(PartnerSchema);
type PartnerPage = z.infer<typeof PartnerPageSchema>;
export type PartnerChoice = Pick<PartnerPage['data'][number], 'id' | 'name' | 'kind'>;

/** Partners to pick an employer or incubator from (a fabrique works with a few dozen). */
export function usePartnerChoices() {
  return useQuery({
    queryKey: [...placementKeys.all, 'partner-choices'] as const,
    queryFn: async ({ signal }): Promise<PartnerChoice[]> => {
      const page = await apiRequest<PartnerPage>('/partners', { query: { limit: PAGE_LIMIT_MAX }, signal });
      return page.data.map(({ id, name, kind }) => ({ id, name, kind }));
    },
    staleTime: 60_000,
  });
}
