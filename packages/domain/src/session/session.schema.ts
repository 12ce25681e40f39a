import { z } from 'zod';
import { CriterionCodeSchema } from '../eligibility/eligibility.schema.ts';
import { CalendarDateSchema, IdSchema, InstantSchema, VersionSchema } from '../shared/common.schema.ts';
import { withoutDefaults } from '../shared/update-shape.ts';

export const SESSION_STATUSES = [
  'draft',
  'recruiting',
  'selection',
  'in_progress',
  'completed',
  'archived',
  'cancelled',
] as const;
export const SessionStatusSchema = z
  .enum(SESSION_STATUSES)
  .describe('Public applications are accepted only while `recruiting` and inside the application window')
  .meta({ id: 'SessionStatus' });
export type SessionStatus = z.infer<typeof SessionStatusSchema>;

/** `any_priority`: the candidacy meets at least one enabled criterion of the policy. */
export const TargetCriterionSchema = z.union([CriterionCodeSchema, z.literal('any_priority')]);
export type TargetCriterion = z.infer<typeof TargetCriterionSchema>;

export const SessionTargetSchema = z
  .object({
    criterion: TargetCriterionSchema,
    minShare: z.number().min(0).max(1).describe('Minimum share of the cohort, 0–1 (0.3 for 30 %)'),
  })
  .meta({ id: 'SessionTarget' });
export type SessionTarget = z.infer<typeof SessionTargetSchema>;

const sessionShape = {
  programId: IdSchema,
  name: z.string().trim().min(2).max(160).describe('e.g. "Roubaix — promotion 2026"'),
  applicationOpensOn: CalendarDateSchema.describe('First day applications are accepted'),
  applicationClosesOn: CalendarDateSchema.describe('Last day applications are accepted'),
  startDate: CalendarDateSchema,
  endDate: CalendarDateSchema,
  capacity: z.number().int().min(1).max(500).describe('Places: admitted + enrolled never exceed it'),
  trainerIds: z.array(IdSchema).max(50).default([]),
  eligibilityPolicyId: IdSchema.describe(
    'The policy (its current version) candidacies are evaluated against',
  ),
  targets: z.array(SessionTargetSchema).max(20).default([]),
  autoCloseAfterDays: z
    .number()
    .int()
    .min(0)
    .max(365)
    .default(30)
    .describe('Days after the window closes when candidacies still submitted or in screening are closed'),
};

type SessionDates = {
  applicationOpensOn?: string | undefined;
  applicationClosesOn?: string | undefined;
  startDate?: string | undefined;
  endDate?: string | undefined;
};

function refineDates(session: SessionDates, ctx: z.RefinementCtx) {
  const { applicationOpensOn: opens, applicationClosesOn: closes, startDate: start, endDate: end } = session;
  if (start && end && end < start)
    ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'session.dates_inverted' });
  if (opens && closes && closes < opens) {
    ctx.addIssue({ code: 'custom', path: ['applicationClosesOn'], message: 'session.window_inverted' });
  }
  if (opens && start && start < opens) {
    ctx.addIssue({ code: 'custom', path: ['applicationOpensOn'], message: 'session.window_after_start' });
  }
}

export const SessionSchema = z
  .object({
    id: IdSchema,
    fabriqueId: IdSchema,
    programId: IdSchema,
    name: z.string(),
    status: SessionStatusSchema,
    applicationOpensOn: CalendarDateSchema,
    applicationClosesOn: CalendarDateSchema,
    startDate: CalendarDateSchema,
    endDate: CalendarDateSchema,
    capacity: z.number().int(),
    trainerIds: z.array(IdSchema),
    eligibilityPolicyId: IdSchema,
    targets: z.array(SessionTargetSchema),
    autoCloseAfterDays: z.number().int(),
    version: VersionSchema,
    createdAt: InstantSchema,
    updatedAt: InstantSchema,
  })
  .meta({ id: 'Session', description: 'One cohort of a program in a fabrique (session / promotion)' });
export type Session = z.infer<typeof SessionSchema>;

export const CreateSessionSchema = z
  .object({ ...sessionShape, fabriqueId: IdSchema })
  .superRefine(refineDates)
  .meta({ id: 'CreateSession' });
export type CreateSession = z.infer<typeof CreateSessionSchema>;

export const UpdateSessionSchema = z
  .object({ ...withoutDefaults(sessionShape), version: VersionSchema })
  .partial()
  .superRefine(refineDates)
  .meta({
    id: 'UpdateSession',
    description: 'Partial update; dates are checked together against the stored ones by the service',
  });
export type UpdateSession = z.infer<typeof UpdateSessionSchema>;

export const SessionStatusChangeSchema = z
  .object({
    to: SessionStatusSchema,
    version: VersionSchema,
    comment: z.string().trim().max(1000).optional(),
  })
  .meta({ id: 'SessionStatusChange' });
export type SessionStatusChange = z.infer<typeof SessionStatusChangeSchema>;
