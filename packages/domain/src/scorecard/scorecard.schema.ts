import { z } from 'zod';
import { IdSchema, InstantSchema, VersionSchema } from '../shared/common.schema.ts';

export const SCORECARD_STEPS = ['assessment', 'interview'] as const;
export const RECOMMENDATIONS = ['admit', 'waitlist', 'reject', 'undecided'] as const;

export const ScoreSchema = z
  .object({
    item: z.string().trim().min(1).max(100).describe('What is scored, e.g. "motivation", "logic test"'),
    score: z.number().min(0),
    maxScore: z.number().positive(),
    comment: z.string().trim().max(1000).optional(),
  })
  .superRefine((score, ctx) => {
    if (score.score > score.maxScore)
      ctx.addIssue({ code: 'custom', path: ['score'], message: 'scorecard.score_above_max' });
  });

const scorecardShape = {
  candidacyId: IdSchema,
  step: z.enum(SCORECARD_STEPS),
  scores: z.array(ScoreSchema).min(1).max(30),
  recommendation: z.enum(RECOMMENDATIONS).describe('The evaluator’s advice; the decision is a stage move'),
  comment: z.string().trim().max(5000).nullable().default(null),
};

export const CreateScorecardSchema = z.object(scorecardShape).meta({ id: 'CreateScorecard' });
export type CreateScorecard = z.infer<typeof CreateScorecardSchema>;

export const UpdateScorecardSchema = z
  .object({
    scores: scorecardShape.scores,
    recommendation: scorecardShape.recommendation,
    // No default here: an update that leaves the comment out keeps the stored one.
    comment: z.string().trim().max(5000).nullable(),
    version: VersionSchema,
  })
  .partial()
  .meta({ id: 'UpdateScorecard' });
export type UpdateScorecard = z.infer<typeof UpdateScorecardSchema>;

export const ScorecardSchema = z
  .object({
    id: IdSchema,
    candidacyId: IdSchema,
    step: z.enum(SCORECARD_STEPS),
    scores: z.array(ScoreSchema),
    total: z.number().describe('Sum of the scores'),
    maxTotal: z.number(),
    recommendation: z.enum(RECOMMENDATIONS),
    comment: z.string().nullable(),
    evaluatorId: IdSchema,
    evaluatedAt: InstantSchema,
    version: VersionSchema,
  })
  .meta({ id: 'Scorecard', description: 'An evaluation of a candidate at the assessment or interview step' });
export type Scorecard = z.infer<typeof ScorecardSchema>;

/** Total and maximum of a scorecard, for display and ranking. */
export function sumScores(scores: readonly { score: number; maxScore: number }[]): {
  total: number;
  maxTotal: number;
} {
  return scores.reduce(
    (sum, score) => ({ total: sum.total + score.score, maxTotal: sum.maxTotal + score.maxScore }),
    {
      total: 0,
      maxTotal: 0,
    },
  );
}
