import { z } from 'zod';
import { PlacementKindSchema } from '../placement/placement.schema.ts';
import { CalendarDateSchema, IdSchema, InstantSchema, VersionSchema } from '../shared/common.schema.ts';

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

export const FollowUpSchema = z
  .object({
    id: IdSchema,
    candidacyId: IdSchema,
    milestone: MilestoneSchema,
    dueOn: CalendarDateSchema,
    situation: SituationSchema,
    placementId: IdSchema.nullable(),
    comment: z.string().nullable(),
    recordedBy: IdSchema,
    recordedAt: InstantSchema,
    version: VersionSchema,
  })
  .meta({ id: 'FollowUp', description: 'A learner’s situation at a milestone after the session ends' });
export type FollowUp = z.infer<typeof FollowUpSchema>;
