import { z } from 'zod';
import { IdSchema, InstantSchema } from '../shared/common.schema.ts';
import { EligibilityPolicySchema } from './eligibility.schema.ts';

export const EligibilityPolicyResourceSchema = EligibilityPolicySchema.extend({
  programId: IdSchema.nullable().describe('Program whose default policy this is, if any'),
  currentVersion: z
    .number()
    .int()
    .min(1)
    .describe('Latest version; `version` differs when an older one is read'),
  createdBy: IdSchema.nullable().describe('Who made this version'),
  updatedAt: InstantSchema.describe('When the latest version was made'),
  sessionCount: z.number().int().describe('Sessions evaluating candidacies with this policy'),
}).meta({
  id: 'EligibilityPolicyResource',
  description: 'A policy with the rules of one of its versions (the current one unless `?version=` is given)',
});
export type EligibilityPolicyResource = z.infer<typeof EligibilityPolicyResourceSchema>;

export const EligibilityPolicyVersionQuerySchema = z.object({
  version: z.coerce.number().int().min(1).optional().describe('Read this version instead of the current one'),
});
export type EligibilityPolicyVersionQuery = z.infer<typeof EligibilityPolicyVersionQuerySchema>;
