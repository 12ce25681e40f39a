import { z } from 'zod';
import {
  CalendarDateSchema,
  IdSchema,
  InstantSchema,
  PageQuerySchema,
  VersionSchema,
} from '../shared/common.schema.ts';
import { withoutDefaults } from '../shared/update-shape.ts';

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
export const OfferProposalStatusSchema = z
  .enum(OFFER_PROPOSAL_STATUSES)
  .describe('proposed → interviewing → accepted | declined (by the learner) | not_retained (by the company)')
  .meta({ id: 'OfferProposalStatus' });
export type OfferProposalStatus = z.infer<typeof OfferProposalStatusSchema>;

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

/** The body of `POST /partners/{id}/offers`: the partner is in the path. */
export const CreatePartnerOfferSchema = z
  .object(offerShape)
  .omit({ partnerId: true })
  .extend({
    fabriqueId: IdSchema.optional().describe(
      'The fabrique managing the offer; optional when the caller and the partner share only one',
    ),
  })
  .superRefine(refineOfferDates)
  .meta({ id: 'CreatePartnerOffer' });
export type CreatePartnerOffer = z.infer<typeof CreatePartnerOfferSchema>;

export const UpdateOfferSchema = z
  .object({ ...withoutDefaults(offerShape), isOpen: z.boolean(), version: VersionSchema })
  .omit({ partnerId: true })
  .partial()
  .superRefine(refineOfferDates)
  .meta({ id: 'UpdateOffer' });
export type UpdateOffer = z.infer<typeof UpdateOfferSchema>;

export const OfferSchema = z
  .object({
    id: IdSchema,
    partnerId: IdSchema,
    partnerName: z.string(),
    fabriqueId: IdSchema,
    title: z.string(),
    kind: OfferKindSchema,
    positions: z.number().int(),
    skills: z.array(z.string()),
    startDate: CalendarDateSchema.nullable(),
    endDate: CalendarDateSchema.nullable(),
    description: z.string().nullable(),
    isOpen: z.boolean(),
    proposalCounts: z
      .object({
        proposed: z.number().int(),
        interviewing: z.number().int(),
        accepted: z.number().int(),
        declined: z.number().int(),
        not_retained: z.number().int(),
      })
      .describe('Proposals by status'),
    version: VersionSchema,
    createdAt: InstantSchema,
    updatedAt: InstantSchema,
  })
  .meta({ id: 'Offer', description: 'An internship or job offered by a partner company' });
export type Offer = z.infer<typeof OfferSchema>;

export const OfferListQuerySchema = PageQuerySchema.extend({
  isOpen: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional()
    .describe('Only open (true) or closed (false) offers'),
});
export type OfferListQuery = z.infer<typeof OfferListQuerySchema>;

export const OfferProposalSchema = z
  .object({
    id: IdSchema,
    offerId: IdSchema,
    candidacyId: IdSchema,
    learner: z.object({ firstName: z.string(), lastName: z.string() }),
    sessionId: IdSchema,
    sessionName: z.string(),
    status: OfferProposalStatusSchema,
    proposedAt: InstantSchema,
    decidedAt: InstantSchema.nullable(),
    comment: z.string().nullable(),
    placementId: IdSchema.nullable().describe('The placement an accepted proposal created'),
    version: VersionSchema,
  })
  .meta({ id: 'OfferProposal', description: 'A learner proposed to an offer' });
export type OfferProposal = z.infer<typeof OfferProposalSchema>;

export const CreateOfferProposalSchema = z
  .object({
    candidacyId: IdSchema.describe('An enrolled or completed learner of the offer’s fabrique'),
    comment: z.string().trim().max(2000).nullable().default(null),
  })
  .meta({ id: 'CreateOfferProposal' });
export type CreateOfferProposal = z.infer<typeof CreateOfferProposalSchema>;

export const UpdateOfferProposalSchema = z
  .object({
    status: OfferProposalStatusSchema.optional(),
    comment: z.string().trim().max(2000).nullable().optional(),
    version: VersionSchema.optional(),
    placement: z
      .object({
        startDate: CalendarDateSchema.optional().describe('Defaults to the offer’s start date, or today'),
        durationMonths: z
          .number()
          .int()
          .min(1)
          .max(120)
          .optional()
          .describe('Defaults from the offer’s dates'),
        hasHiringPromise: z.boolean().optional(),
        jobTitle: z.string().trim().max(200).optional().describe('Defaults to the offer’s title'),
      })
      .optional()
      .describe('When accepting: details of the placement created'),
  })
  .meta({ id: 'UpdateOfferProposal' });
export type UpdateOfferProposal = z.infer<typeof UpdateOfferProposalSchema>;
