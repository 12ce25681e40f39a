import type { FormErrors } from '@mantine/form';
import {
  CRITERION_CODES,
  type CriterionCode,
  type EligibilityRules,
  EligibilityRulesSchema,
} from '@passerelle/domain/eligibility/eligibility.schema';
import { validateEligibilityRules } from '@passerelle/domain/eligibility/eligibility-policy';
import {
  type UpdateEligibilityPolicy,
  UpdateEligibilityPolicySchema,
} from '@passerelle/domain/eligibility/eligibility-policy.schema';
import type { EligibilityPolicyResource } from '@passerelle/domain/eligibility/eligibility-policy-resource.schema';
import { formatMessage, type Locale } from '@passerelle/domain/messages/messages';
import type { TFunction } from 'i18next';
import { validateWithSchema } from '../../../lib/form-validation';

/** What the editor holds: the policy's name and its whole rules. An emptied number is `NaN` until retyped. */
export type PolicyDraft = EligibilityRules & { name: string };

export function draftFromPolicy(policy: EligibilityPolicyResource): PolicyDraft {
  return {
    name: policy.name,
    criteria: structuredClone(policy.criteria),
    minCriteria: policy.minCriteria,
    requiredCriteria: [...policy.requiredCriteria],
    minAge: policy.minAge,
    maxAge: policy.maxAge,
    guardianConsentBelowAge: policy.guardianConsentBelowAge,
    referenceDate: policy.referenceDate,
  };
}

export function isDraftChanged(draft: PolicyDraft, policy: EligibilityPolicyResource): boolean {
  return JSON.stringify(draft) !== JSON.stringify(draftFromPolicy(policy));
}

/** The body of the PATCH that makes the next version. */
export function buildPolicyUpdate(draft: PolicyDraft, version: number): UpdateEligibilityPolicy {
  return { ...draft, name: draft.name.trim(), version };
}

export interface PolicyDraftCheck {
  /** Input errors by field path (`criteria.young.maxAgeExclusive`, `name`). */
  fieldErrors: FormErrors;
  /**
   * The domain's verdict on the rules themselves (`validateEligibilityRules`, the code the API runs):
   * an impossible or contradictory policy, in the user's language, with the field it is about.
   */
  policyIssues: { path: string; message: string }[];
}

const DraftSchema = EligibilityRulesSchema.extend({ name: UpdateEligibilityPolicySchema.shape.name });

export function checkPolicyDraft(draft: PolicyDraft, t: TFunction, locale: Locale): PolicyDraftCheck {
  const fieldErrors = validateWithSchema(DraftSchema, draft, t);
  if (Object.keys(fieldErrors).length > 0) return { fieldErrors, policyIssues: [] };
  const rules = EligibilityRulesSchema.parse(draft);
  const policyIssues = validateEligibilityRules(rules).map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: formatMessage(issue, locale),
  }));
  return { fieldErrors, policyIssues };
}

/** The policy issues shown next to one field: `requiredCriteria.2` belongs to the third required criterion. */
export function issuesForField(
  check: PolicyDraftCheck,
  draft: PolicyDraft,
  field: 'minCriteria' | 'maxAge' | CriterionCode,
): string | undefined {
  const messages = check.policyIssues
    .filter((issue) => {
      if (issue.path === field) return true;
      if (!(CRITERION_CODES as readonly string[]).includes(field)) return false;
      const match = /^requiredCriteria\.(\d+)$/.exec(issue.path);
      return match !== null && draft.requiredCriteria[Number(match[1])] === field;
    })
    .map((issue) => issue.message);
  return messages.length > 0 ? messages.join(' ; ') : undefined;
}

/**
 * Marks a criterion required or not, in the catalogue's order. Disabling a criterion leaves it required:
 * the validator then says why the policy cannot be saved rather than silently changing it.
 */
export function setRequired(draft: PolicyDraft, code: CriterionCode, isRequired: boolean): PolicyDraft {
  const others = draft.requiredCriteria.filter((required) => required !== code);
  return {
    ...draft,
    requiredCriteria: isRequired
      ? CRITERION_CODES.filter((candidate) => candidate === code || others.includes(candidate))
      : others,
  };
}
