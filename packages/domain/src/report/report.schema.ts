import { z } from 'zod';
import { MilestoneSchema, SituationKindSchema } from '../follow-up/follow-up.schema.ts';
import { SessionStatusSchema, TargetCriterionSchema } from '../session/session.schema.ts';
import { CriterionCountSchema } from '../session/session-composition.schema.ts';
import { CalendarDateSchema, IdSchema, InstantSchema } from '../shared/common.schema.ts';

export const ReportQuerySchema = z
  .object({
    fabriqueId: IdSchema.optional(),
    programId: IdSchema.optional(),
    sessionId: IdSchema.optional(),
    from: CalendarDateSchema.optional().describe(
      'Start of the period (inclusive): the submission date for funnel, composition and capacity, the session’s end date for outcomes',
    ),
    to: CalendarDateSchema.optional().describe('End of the period (inclusive), same date as `from`'),
  })
  .refine((query) => !query.from || !query.to || query.from <= query.to, {
    path: ['to'],
    message: 'report.period_reversed',
  });
export type ReportQuery = z.infer<typeof ReportQuerySchema>;

const ReportFiltersSchema = z
  .object({
    fabriqueId: IdSchema.nullable(),
    programId: IdSchema.nullable(),
    sessionId: IdSchema.nullable(),
    from: CalendarDateSchema.nullable(),
    to: CalendarDateSchema.nullable(),
  })
  .describe('The filters applied, as understood');

export const FUNNEL_STEPS = [
  'applications',
  'eligible',
  'screening',
  'info_session',
  'assessment',
  'interview',
  'admitted',
  'enrolled',
  'completed',
  'positive_exit',
] as const;
export const FunnelStepCodeSchema = z.enum(FUNNEL_STEPS).meta({ id: 'FunnelStepCode' });
export type FunnelStepCode = z.infer<typeof FunnelStepCodeSchema>;

export const FunnelStepSchema = z
  .object({
    step: FunnelStepCodeSchema,
    count: z.number().int(),
    rateFromPrevious: z.number().min(0).nullable().describe('count / the previous step’s count'),
    rateFromApplications: z.number().min(0).nullable().describe('count / applications'),
  })
  .meta({ id: 'FunnelStep' });
export type FunnelStep = z.infer<typeof FunnelStepSchema>;

export const FunnelReportSchema = z
  .object({
    filters: ReportFiltersSchema,
    generatedAt: InstantSchema,
    steps: z.array(FunnelStepSchema),
    segments: z
      .array(
        z.object({
          source: z.string().nullable().describe('How the candidacy came in (website, referral …)'),
          referrerPartnerId: IdSchema.nullable(),
          referrerName: z.string().nullable().describe('The referring organisation (never a person)'),
          steps: z.array(FunnelStepSchema),
        }),
      )
      .describe('The same funnel split by source and referring partner'),
  })
  .meta({
    id: 'FunnelReport',
    description:
      'Applications → eligible → each stage reached → positive exit. A stage counts as reached when the candidacy’s furthest stage (its history, or its current stage) is at or beyond it, so a rejected candidacy still counts at the stages it went through. Positive exit: the latest recorded follow-up is positive under the program’s mapping.',
  });
export type FunnelReport = z.infer<typeof FunnelReportSchema>;

export const COMPOSITION_STAGES = [
  'applications',
  'eligible',
  'shortlisted',
  'admitted',
  'enrolled',
  'completed',
] as const;
export const CompositionStageSchema = z.enum(COMPOSITION_STAGES).meta({ id: 'CompositionStage' });
export type CompositionStage = z.infer<typeof CompositionStageSchema>;

export const TargetStatusSchema = z
  .enum(['met', 'at_risk', 'missed'])
  .describe('met: cohort and projection reach it; missed: neither does; at_risk otherwise');

export const CompositionReportSchema = z
  .object({
    filters: ReportFiltersSchema,
    generatedAt: InstantSchema,
    stages: z.array(
      z.object({
        stage: CompositionStageSchema,
        size: z.number().int(),
        criteria: z.array(z.object({ criterion: TargetCriterionSchema, ...CriterionCountSchema.shape })),
      }),
    ),
    targets: z
      .array(
        z.object({
          sessionId: IdSchema,
          sessionName: z.string(),
          criterion: TargetCriterionSchema,
          minShare: z.number().min(0).max(1),
          current: CriterionCountSchema.describe('Among the cohort (admitted and beyond)'),
          status: TargetStatusSchema,
        }),
      )
      .describe('Each target of each session in scope, against that session’s cohort'),
  })
  .meta({
    id: 'CompositionReport',
    description:
      'Per stage reached (shortlisted = interview and beyond), the count and share of each criterion; an unknown criterion never counts as met.',
  });
export type CompositionReport = z.infer<typeof CompositionReportSchema>;

const CategoryCountsSchema = z
  .object({
    durable_employment: z.number().int(),
    transition: z.number().int(),
    positive_other: z.number().int(),
    not_positive: z.number().int(),
    unknown: z.number().int().describe('Not reached, or no follow-up recorded'),
  })
  .describe('Learners of the denominator by category');

export const MilestoneOutcomeSchema = z
  .object({
    milestone: MilestoneSchema,
    denominator: z
      .number()
      .int()
      .describe('Learners who left (completed or dropped out; completers only where a program says so)'),
    notYetDue: z
      .number()
      .int()
      .describe('Learners whose milestone is not due yet and has nothing recorded: outside the denominator'),
    counts: CategoryCountsSchema,
    notRecorded: z.number().int().describe('Of `counts.unknown`, no follow-up recorded at all'),
    positive: z.number().int(),
    rate: z.number().min(0).max(1).nullable().describe('positive / denominator, unknowns included'),
    unknownShare: z.number().min(0).max(1).nullable(),
    situations: z
      .array(
        z.object({ situation: SituationKindSchema.or(z.literal('not_recorded')), count: z.number().int() }),
      )
      .describe('Learners of the denominator by situation'),
  })
  .meta({ id: 'MilestoneOutcome' });
export type MilestoneOutcome = z.infer<typeof MilestoneOutcomeSchema>;

export const OutcomesReportSchema = z
  .object({
    filters: ReportFiltersSchema,
    generatedAt: InstantSchema,
    learners: z.number().int().describe('Learners who left the training (completed or dropped out)'),
    customMappingPrograms: z
      .number()
      .int()
      .describe('Programs in scope whose positive-exit mapping is not the default'),
    milestones: z.array(MilestoneOutcomeSchema),
  })
  .meta({
    id: 'OutcomesReport',
    description:
      'Situations and positive-exit rates at each milestone (exit, +3, +6, +12 months), by category, each program’s mapping applied; the period filters on the session’s end date.',
  });
export type OutcomesReport = z.infer<typeof OutcomesReportSchema>;

export const CapacityRowSchema = z
  .object({
    fabriqueId: IdSchema,
    fabriqueName: z.string(),
    programId: IdSchema,
    programTitle: z.string(),
    sessions: z.number().int(),
    places: z.number().int().describe('Sum of the sessions’ capacities'),
    placesTaken: z.number().int().describe('Admitted, enrolled, completed or dropped out'),
    applications: z.number().int(),
    eligibleApplications: z.number().int(),
    eligibleWaitlisted: z.number().int().describe('Eligible candidacies waiting on the waiting list now'),
    eligiblePerPlace: z.number().min(0).nullable().describe('eligibleApplications / places'),
  })
  .meta({ id: 'CapacityRow' });
export type CapacityRow = z.infer<typeof CapacityRowSchema>;

export const CapacityReportSchema = z
  .object({
    filters: ReportFiltersSchema,
    generatedAt: InstantSchema,
    rows: z.array(CapacityRowSchema).describe('One row per fabrique and program'),
    sessions: z
      .array(
        z.object({
          id: IdSchema,
          name: z.string(),
          fabriqueId: IdSchema,
          programId: IdSchema,
          status: SessionStatusSchema,
          startDate: CalendarDateSchema,
          endDate: CalendarDateSchema,
          capacity: z.number().int(),
        }),
      )
      .describe('The sessions counted in `places`, latest first (what a report can be filtered on)'),
    totals: CapacityRowSchema.omit({
      fabriqueId: true,
      fabriqueName: true,
      programId: true,
      programTitle: true,
    }),
  })
  .meta({
    id: 'CapacityReport',
    description:
      'Demand (applications, eligible applications, eligible waitlisted) against places: sessions whose application window meets the period, applications submitted in it.',
  });
export type CapacityReport = z.infer<typeof CapacityReportSchema>;
