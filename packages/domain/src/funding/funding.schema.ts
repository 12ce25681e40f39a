import { z } from 'zod';
import { IdSchema, InstantSchema, VersionSchema } from '../shared/common.schema.ts';
import { withoutDefaults } from '../shared/update-shape.ts';

const fundingShape = {
  sessionId: IdSchema,
  partnerId: IdSchema.describe('The funder'),
  amountCents: z
    .number()
    .int()
    .min(0)
    .max(1_000_000_000_00)
    .describe('Amount in euro cents, to avoid rounding'),
  scheme: z.string().trim().min(2).max(200).describe('e.g. a regional plan, a city grant'),
  auditRetentionYears: z
    .number()
    .int()
    .min(0)
    .max(30)
    .default(10)
    .describe('Years learners’ records are kept for this funder’s audit before anonymisation'),
  outcomeMappingId: IdSchema.nullable()
    .default(null)
    .describe('The funder’s positive-exit mapping, if not the default'),
};

export const CreateFundingSchema = z.object(fundingShape).meta({ id: 'CreateFunding' });
export type CreateFunding = z.infer<typeof CreateFundingSchema>;

export const UpdateFundingSchema = z
  .object({ ...withoutDefaults(fundingShape), version: VersionSchema })
  .omit({ sessionId: true, partnerId: true })
  .partial()
  .meta({ id: 'UpdateFunding' });
export type UpdateFunding = z.infer<typeof UpdateFundingSchema>;

export const FundingSchema = z
  .object({
    id: IdSchema,
    sessionId: IdSchema,
    partnerId: IdSchema,
    amountCents: z.number().int(),
    scheme: z.string(),
    auditRetentionYears: z.number().int(),
    outcomeMappingId: IdSchema.nullable(),
    version: VersionSchema,
    createdAt: InstantSchema,
    updatedAt: InstantSchema,
  })
  .meta({ id: 'Funding', description: 'A partner funding a session' });
export type Funding = z.infer<typeof FundingSchema>;

/** The body of `POST /sessions/{id}/fundings`: the session is in the path. */
export const CreateSessionFundingSchema = z
  .object(fundingShape)
  .omit({ sessionId: true, outcomeMappingId: true })
  .meta({ id: 'CreateSessionFunding' });
export type CreateSessionFunding = z.infer<typeof CreateSessionFundingSchema>;

export const SessionFundingSchema = z
  .object({
    id: IdSchema,
    sessionId: IdSchema,
    partnerId: IdSchema,
    partnerName: z.string(),
    amountCents: z.number().int().describe('Euro cents'),
    scheme: z.string(),
    auditRetentionYears: z.number().int(),
    version: VersionSchema,
    createdAt: InstantSchema,
  })
  .meta({ id: 'SessionFunding', description: 'A funder’s contribution to a session' });
export type SessionFunding = z.infer<typeof SessionFundingSchema>;
