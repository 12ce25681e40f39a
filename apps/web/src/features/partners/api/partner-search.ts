import { PartnerKindSchema } from '@passerelle/domain/partner/partner.schema';
import { z } from 'zod';

export const PartnersSearchSchema = z.object({
  kind: PartnerKindSchema.optional().catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined),
});
export type PartnersSearch = z.infer<typeof PartnersSearchSchema>;
