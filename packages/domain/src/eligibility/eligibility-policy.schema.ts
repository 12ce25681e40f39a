import { z } from 'zod';
import { IdSchema, VersionSchema } from '../shared/common.schema.ts';
import { EligibilityRulesSchema } from './eligibility.schema.ts';
import { validateEligibilityRules } from './eligibility-policy.ts';

const PolicyNameSchema = z.string().trim().min(2).max(120);

export const CreateEligibilityPolicySchema = EligibilityRulesSchema.extend({
  name: PolicyNameSchema,
  programId: IdSchema.optional().describe('Program whose default policy this is'),
})
  .superRefine((rules, ctx) => {
    for (const issue of validateEligibilityRules(rules)) {
      ctx.addIssue({ code: 'custom', path: issue.path, message: issue.key, params: issue.params });
    }
  })
  .meta({
    id: 'CreateEligibilityPolicy',
    description: 'Omitted parameters take the defaults of domain.md; an impossible policy is refused',
  });
export type CreateEligibilityPolicy = z.infer<typeof CreateEligibilityPolicySchema>;
export type CreateEligibilityPolicyInput = z.input<typeof CreateEligibilityPolicySchema>;

/** A change makes a new version: the update carries the whole rules and the version it replaces. */
export const UpdateEligibilityPolicySchema = EligibilityRulesSchema.extend({
  name: PolicyNameSchema,
  version: VersionSchema,
})
  .superRefine((rules, ctx) => {
    for (const issue of validateEligibilityRules(rules)) {
      ctx.addIssue({ code: 'custom', path: issue.path, message: issue.key, params: issue.params });
    }
  })
  .meta({ id: 'UpdateEligibilityPolicy', description: 'Creates the next version of the policy' });
export type UpdateEligibilityPolicy = z.infer<typeof UpdateEligibilityPolicySchema>;
