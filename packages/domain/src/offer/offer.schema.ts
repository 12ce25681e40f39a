import { z } from 'zod';
import { CalendarDateSchema, IdSchema, InstantSchema, VersionSchema } from '../shared/common.schema.ts';

export const OFFER_KINDS = [
  'internship',
  'cdi',
  'cdd',
  'interim',
  'apprenticeship',
  'freelance_mission',
] as const;
export const OfferKindSchema = z.enum(OFFER_KINDS).meta({ id: 'OfferKind' });
export type OfferKind = z.infer<typeof OfferKindSchema>;

export const OFFER_PROPOSAL_STATUSES = [
  'proposed',
  'interviewing',
  'accepted',
  'declined',
  'not_retained',
] as const;

const offerShape = {
  partnerId: IdSchema.describe('The company posting the offer'),
  title: z.string().trim().min(2).max(200),
  kind: OfferKindSchema,
  positions: z.number().int().min(1).max(100).default(1).describe('Number of positions'),
  skills: z.array(z.string().trim().min(1).max(60)).max(30).default([]),
  startDate: CalendarDateSchema.nullable().default(null),
  endDate: CalendarDateSchema.nullable().default(null),
  description: z.string().trim().max(5000).nullable().default(null),
};

function refineOfferDates(
  offer: { startDate?: string | null | undefined; endDate?: string | null | undefined },
  ctx: z.RefinementCtx,
) {
  if (offer.startDate && offer.endDate && offer.endDate < offer.startDate) {
    ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'offer.dates_inverted' });
  }
}

export const CreateOfferSchema = z
  .object(offerShape)
  .superRefine(refineOfferDates)
  .meta({ id: 'CreateOffer' });
export type CreateOffer = z.infer<typeof CreateOfferSchema>;

export const UpdateOfferSchema = z
  .object({ ...offerShape, isOpen: z.boolean(), version: VersionSchema })
  .omit({ partnerId: true })
  .partial()
  .superRefine(refineOfferDates)
  .meta({ id: 'UpdateOffer' });
export type UpdateOffer = z.infer<typeof UpdateOfferSchema>;

export const OfferSchema = z
  .object({
    id: IdSchema,
    partnerId: IdSchema,
    title: z.string(),
    kind: OfferKindSchema,
    positions: z.number().int(),
    skills: z.array(z.string()),
    startDate: CalendarDateSchema.nullable(),
    endDate: CalendarDateSchema.nullable(),
    description: z.string().nullable(),
    isOpen: z.boolean(),
    version: VersionSchema,
    createdAt: InstantSchema,
    updatedAt: InstantSchema,
  })
  .meta({ id: 'Offer', description: 'An internship or job offered by a partner company' });
export type Offer = z.infer<typeof OfferSchema>;

export const OfferProposalSchema = z
  .object({
    offerId: IdSchema,
    candidacyId: IdSchema,
    status: z.enum(OFFER_PROPOSAL_STATUSES),
    proposedAt: InstantSchema,
    placementId: IdSchema.nullable().describe('The placement it led to, if any'),
  })
  .meta({ id: 'OfferProposal', description: 'A learner proposed to an offer' });
export type OfferProposal = z.infer<typeof OfferProposalSchema>;
