import { z } from 'zod';
import { CandidacyStageSchema } from '../candidacy/candidacy.schema.ts';
import { OfferSchema } from '../offer/offer.schema.ts';
import { PlacementKindSchema } from '../placement/placement.schema.ts';
import {
  CalendarDateSchema,
  IdSchema,
  InstantSchema,
  PageQuerySchema,
  VersionSchema,
} from '../shared/common.schema.ts';
import { withoutDefaults } from '../shared/update-shape.ts';

export const PARTNER_KINDS = [
  'local_authority',
  'employment_service',
  'company',
  'incubator',
  'funder',
  'association',
  'school',
] as const;
export const PartnerKindSchema = z
  .enum(PARTNER_KINDS)
  .describe('employment_service: France Travail, Mission Locale, Cap emploi')
  .meta({ id: 'PartnerKind' });
export type PartnerKind = z.infer<typeof PartnerKindSchema>;

export const PartnerContactSchema = z.object({
  name: z.string().trim().min(1).max(120),
  role: z.string().trim().max(120).optional(),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email({ message: 'email.invalid' }))
    .optional(),
  phone: z
    .string()
    .regex(/^\+[1-9]\d{6,14}$/, 'phone.invalid')
    .optional()
    .describe('E.164'),
});
export type PartnerContact = z.infer<typeof PartnerContactSchema>;

const partnerShape = {
  name: z.string().trim().min(2).max(200),
  kind: PartnerKindSchema,
  siret: z
    .string()
    .regex(/^\d{14}$/, 'SIRET: 14 digits')
    .meta({ example: '41816609600069' })
    .nullable()
    .default(null),
  contacts: z.array(PartnerContactSchema).max(50).default([]),
  fabriqueIds: z.array(IdSchema).max(100).default([]).describe('Fabriques working with this partner'),
};

export const CreatePartnerSchema = z.object(partnerShape).meta({ id: 'CreatePartner' });
export type CreatePartner = z.infer<typeof CreatePartnerSchema>;

export const UpdatePartnerSchema = z
  .object({ ...withoutDefaults(partnerShape), version: VersionSchema })
  .partial()
  .meta({ id: 'UpdatePartner' });
export type UpdatePartner = z.infer<typeof UpdatePartnerSchema>;

export const PartnerSchema = z
  .object({
    id: IdSchema,
    name: z.string(),
    kind: PartnerKindSchema,
    siret: z.string().nullable(),
    contacts: z.array(PartnerContactSchema),
    fabriqueIds: z.array(IdSchema),
    version: VersionSchema,
    createdAt: InstantSchema,
    updatedAt: InstantSchema,
  })
  .meta({ id: 'Partner', description: 'An organisation the fabrique works with' });
export type Partner = z.infer<typeof PartnerSchema>;

export const SessionHostSchema = z
  .object({ sessionId: IdSchema, partnerId: IdSchema, role: z.string().trim().max(200).optional() })
  .meta({ id: 'SessionHost', description: 'A partner hosting a session (premises, incubator …)' });
export type SessionHost = z.infer<typeof SessionHostSchema>;

export const PutSessionHostSchema = z
  .object({ role: z.string().trim().max(200).nullable().default(null).describe('e.g. premises, incubator') })
  .meta({ id: 'PutSessionHost' });
export type PutSessionHost = z.infer<typeof PutSessionHostSchema>;

export const SessionHostDetailSchema = z
  .object({ sessionId: IdSchema, partnerId: IdSchema, partnerName: z.string(), role: z.string().nullable() })
  .meta({ id: 'SessionHostDetail' });
export type SessionHostDetail = z.infer<typeof SessionHostDetailSchema>;

export const PartnerListQuerySchema = PageQuerySchema.extend({
  kind: PartnerKindSchema.optional(),
  fabriqueId: IdSchema.optional(),
  q: z.string().trim().min(1).max(100).optional().describe('Part of the name'),
});
export type PartnerListQuery = z.infer<typeof PartnerListQuerySchema>;

const LinkedSessionSchema = z.object({
  id: IdSchema,
  name: z.string(),
  fabriqueId: IdSchema,
  startDate: CalendarDateSchema,
  endDate: CalendarDateSchema,
});

/** Everything a partner is linked to, within the caller's fabriques. */
export const PartnerLinksSchema = z
  .object({
    partnerId: IdSchema,
    fundings: z.array(
      z.object({
        id: IdSchema,
        session: LinkedSessionSchema,
        amountCents: z.number().int().describe('Euro cents'),
        scheme: z.string(),
        version: VersionSchema,
      }),
    ),
    totalFundingCents: z.number().int(),
    hostedSessions: z.array(z.object({ session: LinkedSessionSchema, role: z.string().nullable() })),
    referrals: z.object({
      count: z.number().int(),
      candidacies: z
        .array(
          z.object({
            id: IdSchema,
            learner: z.object({ firstName: z.string(), lastName: z.string() }),
            sessionName: z.string(),
            stage: CandidacyStageSchema,
          }),
        )
        .describe('The latest 100'),
    }),
    placements: z.array(
      z.object({
        id: IdSchema,
        candidacyId: IdSchema,
        learner: z.object({ firstName: z.string(), lastName: z.string() }),
        kind: PlacementKindSchema,
        jobTitle: z.string().nullable(),
        startDate: CalendarDateSchema,
      }),
    ),
    offers: z.array(OfferSchema),
  })
  .meta({ id: 'PartnerLinks', description: 'Sessions funded or hosted, referrals, placements and offers' });
export type PartnerLinks = z.infer<typeof PartnerLinksSchema>;
