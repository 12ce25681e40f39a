import { z } from 'zod';
import { MilestoneSchema, SituationKindSchema } from '../follow-up/follow-up.schema.ts';

export const OUTCOME_CATEGORIES = [
  'durable_employment',
  'transition',
  'positive_other',
  'not_positive',
  'unknown',
] as const;
export const OutcomeCategorySchema = z.enum(OUTCOME_CATEGORIES).meta({ id: 'OutcomeCategory' });
export type OutcomeCategory = z.infer<typeof OutcomeCategorySchema>;

export const POSITIVE_CATEGORIES: readonly OutcomeCategory[] = [
  'durable_employment',
  'transition',
  'positive_other',
];

export const OutcomeRuleSchema = z.object({
  situation: SituationKindSchema,
  minDurationMonths: z.number().int().min(1).optional().describe('Applies from this duration (months)'),
  maxDurationMonthsExclusive: z.number().int().min(1).optional().describe('Applies below this duration'),
  hasHiringPromise: z.boolean().optional(),
  isQualifyingTraining: z.boolean().optional(),
  category: OutcomeCategorySchema,
});
export type OutcomeRule = z.infer<typeof OutcomeRuleSchema>;

export const OutcomeMappingSchema = z
  .object({
    rules: z.array(OutcomeRuleSchema).max(100).describe('First matching rule wins'),
    fallback: OutcomeCategorySchema.default('not_positive').describe(
      'Category of a situation no rule matches',
    ),
    denominator: z
      .enum(['leavers', 'completers'])
      .default('leavers')
      .describe('leavers: completed or dropped out (default); completers: completed only'),
  })
  .meta({ id: 'OutcomeMapping', description: 'Situation → category mapping, per policy or funder' });
export type OutcomeMapping = z.infer<typeof OutcomeMappingSchema>;

export const PositiveExitRateSchema = z
  .object({
    milestone: MilestoneSchema,
    denominator: z.number().int().describe('Learners who left (or completed), unknowns included'),
    counts: z.record(OutcomeCategorySchema, z.number().int()),
    positive: z.number().int(),
    notRecorded: z
      .number()
      .int()
      .describe(
        'Of the unknowns, the learners with no follow-up recorded at all (the rest were not reached)',
      ),
    rate: z.number().nullable().describe('positive / denominator; null when nobody left'),
    unknownShare: z.number().nullable().describe('Share of the denominator whose situation is unknown'),
  })
  .meta({ id: 'PositiveExitRate' });
export type PositiveExitRate = z.infer<typeof PositiveExitRateSchema>;
