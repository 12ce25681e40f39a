import { z } from 'zod';
import { IdSchema } from '../shared/common.schema.ts';
import { TargetCriterionSchema } from './session.schema.ts';

export const CriterionCountSchema = z
  .object({
    count: z.number().int().describe('Candidacies meeting the criterion'),
    unknown: z.number().int().describe('Candidacies whose status for the criterion is unknown'),
    size: z.number().int().describe('Candidacies counted'),
    share: z.number().min(0).max(1).nullable().describe('count / size; null when nobody is counted'),
  })
  .meta({ id: 'CriterionCount' });

export const SessionCompositionSchema = z
  .object({
    sessionId: IdSchema,
    capacity: z.number().int(),
    cohortSize: z.number().int().describe('Admitted, enrolled, completed and dropped-out candidacies'),
    projectedSize: z.number().int().describe('The cohort plus the shortlisted (interview, waitlisted)'),
    criteria: z
      .array(
        z.object({
          criterion: TargetCriterionSchema,
          current: CriterionCountSchema.describe('Among the cohort'),
          projected: CriterionCountSchema.describe('If the shortlisted were admitted'),
        }),
      )
      .describe(
        'Every enabled criterion of the session’s policy, `any_priority` and every target’s criterion',
      ),
    targets: z.array(
      z.object({
        criterion: TargetCriterionSchema,
        minShare: z.number().min(0).max(1),
        current: CriterionCountSchema,
        projected: CriterionCountSchema,
        status: z
          .enum(['met', 'at_risk', 'missed'])
          .describe('met: cohort and projection reach it; missed: neither does; at_risk otherwise'),
      }),
    ),
  })
  .meta({
    id: 'SessionComposition',
    description: 'Priority-public shares of the cohort against the session’s targets; no personal data',
    example: {
      sessionId: '019ac1f2-7b3e-7c41-9a55-2f1e8d0c4b7a',
      capacity: 20,
      cohortSize: 10,
      projectedSize: 14,
      criteria: [
        {
          criterion: 'woman',
          current: { count: 3, unknown: 1, size: 10, share: 0.3 },
          projected: { count: 6, unknown: 1, size: 14, share: 0.43 },
        },
      ],
      targets: [
        {
          criterion: 'woman',
          minShare: 0.4,
          current: { count: 3, unknown: 1, size: 10, share: 0.3 },
          projected: { count: 6, unknown: 1, size: 14, share: 0.43 },
          status: 'at_risk',
        },
      ],
    },
  });
export type SessionComposition = z.infer<typeof SessionCompositionSchema>;
