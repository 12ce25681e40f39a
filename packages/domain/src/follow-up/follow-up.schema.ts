import { z } from 'zod';
import { PlacementKindSchema } from '../placement/placement.schema.ts';
import {
  CalendarDateSchema,
  IdSchema,
  InstantSchema,
  PageQuerySchema,
  VersionSchema,
} from '../shared/common.schema.ts';

export const MILESTONES = ['exit', 'month_3', 'month_6', 'month_12'] as const;
export const MilestoneSchema = z
  .enum(MILESTONES)
  .describe('Dated from the session’s end: exit, +3, +6 and +12 months')
  .meta({ id: 'Milestone' });
export type Milestone = z.infer<typeof MilestoneSchema>;

export const SITUATIONS = [...PlacementKindSchema.options, 'job_seeking', 'inactive', 'unknown'] as const;
export const SituationKindSchema = z
  .enum(SITUATIONS)
  .describe('The placement kind held then, or job_seeking, inactive, unknown (not reached)');
export type SituationKind = z.infer<typeof SituationKindSchema>;

export const SituationSchema = z
  .object({
    kind: SituationKindSchema,
    durationMonths: z.number().int().min(1).max(120).nullable().default(null).describe('For cdd and interim'),
    hasHiringPromise: z.boolean().default(false).describe('For an internship'),
    isQualifyingTraining: z.boolean().nullable().default(null).describe('For further_training'),
  })
  .meta({ id: 'Situation' });
export type Situation = z.infer<typeof SituationSchema>;
export type SituationInput = z.input<typeof SituationSchema>;

export const CreateFollowUpSchema = z
  .object({
    candidacyId: IdSchema,
    milestone: MilestoneSchema,
    situation: SituationSchema,
    placementId: IdSchema.nullable().default(null).describe('The placement held then, if any'),
    comment: z.string().trim().max(2000).nullable().default(null),
  })
  .meta({ id: 'CreateFollowUp' });
export type CreateFollowUp = z.infer<typeof CreateFollowUpSchema>;

export const UpdateFollowUpSchema = z
  .object({
    situation: SituationSchema,
    placementId: IdSchema.nullable(),
    comment: z.string().trim().max(2000).nullable(),
    version: VersionSchema,
  })
  .partial()
  .meta({ id: 'UpdateFollowUp' });
export type UpdateFollowUp = z.infer<typeof UpdateFollowUpSchema>;

export const FOLLOW_UP_STATUSES = ['upcoming', 'due', 'overdue', 'recorded'] as const;
export const FollowUpStatusSchema = z
  .enum(FOLLOW_UP_STATUSES)
  .describe('upcoming (due later), due (since its date, for 30 days), overdue (later than that), recorded')
  .meta({ id: 'FollowUpStatus' });
export type FollowUpStatus = z.infer<typeof FollowUpStatusSchema>;

/** Situations recorded without a placement; any other is the kind of the placement held then. */
export const SITUATIONS_WITHOUT_PLACEMENT = ['job_seeking', 'inactive', 'unknown'] as const;

export const FollowUpSchema = z
  .object({
    id: IdSchema,
    candidacyId: IdSchema,
    fabriqueId: IdSchema,
    learner: z.object({ firstName: z.string(), lastName: z.string() }),
    session: z.object({ id: IdSchema, name: z.string(), endDate: CalendarDateSchema }),
    milestone: MilestoneSchema,
    dueOn: CalendarDateSchema,
    status: FollowUpStatusSchema,
    situation: SituationSchema.nullable().describe('Null until recorded'),
    placementId: IdSchema.nullable(),
    comment: z.string().nullable(),
    recordedBy: IdSchema.nullable(),
    recordedAt: InstantSchema.nullable(),
    version: VersionSchema,
  })
  .meta({ id: 'FollowUp', description: 'A learner’s situation at a milestone after the session ends' });
export type FollowUp = z.infer<typeof FollowUpSchema>;

export const FollowUpListQuerySchema = PageQuerySchema.extend({
  fabriqueId: IdSchema.optional(),
  sessionId: IdSchema.optional(),
  candidacyId: IdSchema.optional(),
  milestone: MilestoneSchema.optional(),
  status: z
    .enum([...FOLLOW_UP_STATUSES, 'todo'])
    .optional()
    .describe('todo: due or overdue, the coordinators’ to-do'),
});
export type FollowUpListQuery = z.infer<typeof FollowUpListQuerySchema>;

export const RecordFollowUpSchema = z
  .object({
    placementId: IdSchema.nullable()
      .default(null)
      .describe('The placement held then (of the same learner); its kind becomes the situation'),
    situationKind: z
      .enum(SITUATIONS_WITHOUT_PLACEMENT)
      .nullable()
      .default(null)
      .describe('When the learner held no placement then'),
    comment: z.string().trim().max(2000).nullable().default(null),
    version: VersionSchema.optional(),
  })
  .superRefine((body, ctx) => {
    if ((body.placementId === null) === (body.situationKind === null)) {
      ctx.addIssue({ code: 'custom', path: ['situationKind'], message: 'follow_up.placement_or_situation' });
    }
  })
  .meta({ id: 'RecordFollowUp', description: 'Either `placementId` or `situationKind`' });
export type RecordFollowUp = z.infer<typeof RecordFollowUpSchema>;
export type RecordFollowUpInput = z.input<typeof RecordFollowUpSchema>;
