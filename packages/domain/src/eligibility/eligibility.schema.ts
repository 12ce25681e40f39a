import { z } from 'zod';
import {
  FactOriginSchema,
  JOB_SEEKER_CATEGORIES,
  JobSeekerCategorySchema,
} from '../candidate/candidate.schema.ts';
import { CalendarDateSchema, IdSchema, InstantSchema, VersionSchema } from '../shared/common.schema.ts';

export const CRITERION_CODES = [
  'young',
  'low_qualification',
  'qpv_resident',
  'rural_resident',
  'job_seeker',
  'long_term_job_seeker',
  'woman',
  'senior',
  'rsa_beneficiary',
] as const;
export const CriterionCodeSchema = z.enum(CRITERION_CODES).meta({ id: 'CriterionCode' });
export type CriterionCode = z.infer<typeof CriterionCodeSchema>;

const ProofValidityMonthsSchema = (months: number | null) =>
  z
    .number()
    .int()
    .min(1)
    .max(120)
    .nullable()
    .default(months)
    .describe('Months a proof stays valid on the reference date; past it the fact counts as declared');

function criterionShape(enabled: boolean) {
  return {
    enabled: z.boolean().default(enabled),
    sufficientAlone: z
      .boolean()
      .default(false)
      .describe('Met alone, this criterion makes the candidate eligible'),
  };
}

export const CriteriaSchema = z
  .object({
    young: z
      .object({
        ...criterionShape(true),
        maxAgeExclusive: z
          .number()
          .int()
          .min(1)
          .max(120)
          .default(25)
          .describe('Met when the age on the reference date is below this (25; 26 in most youth schemes)'),
      })
      .prefault({}),
    low_qualification: z
      .object({
        ...criterionShape(true),
        maxLevel: z
          .number()
          .int()
          .min(3)
          .max(8)
          .default(4)
          .describe('Highest diploma level that still counts (4: bac or below; 3: CAP/BEP or below)'),
        countForeignUnrecognised: z
          .boolean()
          .default(true)
          .describe('Whether an unrecognised foreign diploma counts'),
      })
      .prefault({}),
    qpv_resident: z
      .object({
        ...criterionShape(true),
        vintage: z
          .string()
          .min(1)
          .max(20)
          .default('2024')
          .describe('QPV geography vintage a computed fact must use'),
        proofValidityMonths: ProofValidityMonthsSchema(6),
      })
      .prefault({}),
    rural_resident: z
      .object({
        ...criterionShape(true),
        basis: z
          .enum(['frr', 'density'])
          .default('frr')
          .describe('frr: France Ruralités Revitalisation list; density: INSEE density grid level'),
        minDensityLevel: z
          .number()
          .int()
          .min(1)
          .max(7)
          .default(5)
          .describe('For basis `density`: DENS7 level from which a commune is rural'),
        proofValidityMonths: ProofValidityMonthsSchema(6),
      })
      .prefault({}),
    job_seeker: z
      .object({
        ...criterionShape(true),
        acceptedCategories: z
          .array(JobSeekerCategorySchema)
          .min(1)
          .default([...JOB_SEEKER_CATEGORIES])
          .describe(
            'Accepted France Travail categories; an unknown category never makes the criterion unmet',
          ),
        proofValidityMonths: ProofValidityMonthsSchema(3),
      })
      .prefault({}),
    long_term_job_seeker: z
      .object({
        ...criterionShape(false),
        minMonths: z
          .number()
          .int()
          .min(1)
          .max(120)
          .default(12)
          .describe('Registration length (12; 24 for very long term)'),
        proofValidityMonths: ProofValidityMonthsSchema(3),
      })
      .prefault({}),
    woman: z.object({ ...criterionShape(true) }).prefault({}),
    senior: z
      .object({
        ...criterionShape(true),
        minAge: z
          .number()
          .int()
          .min(1)
          .max(120)
          .default(50)
          .describe('Met from this age on the reference date (50; 45)'),
      })
      .prefault({}),
    rsa_beneficiary: z
      .object({ ...criterionShape(false), proofValidityMonths: ProofValidityMonthsSchema(3) })
      .prefault({}),
  })
  .describe('The criteria catalogue with each criterion’s parameters');
export type Criteria = z.infer<typeof CriteriaSchema>;
export type CriteriaInput = z.input<typeof CriteriaSchema>;

export const REFERENCE_DATE_CHOICES = ['session_start', 'application_date'] as const;
export const ReferenceDateChoiceSchema = z
  .enum(REFERENCE_DATE_CHOICES)
  .describe('Date on which ages and durations are computed');
export type ReferenceDateChoice = z.infer<typeof ReferenceDateChoiceSchema>;

/** The rules themselves, without identity: what the engine needs. */
export const EligibilityRulesSchema = z.object({
  criteria: CriteriaSchema.prefault({}),
  minCriteria: z
    .number()
    .int()
    .min(0)
    .max(CRITERION_CODES.length)
    .default(1)
    .describe('Criteria to meet, at least'),
  requiredCriteria: z
    .array(CriterionCodeSchema)
    .default([])
    .describe('Criteria every eligible candidate meets'),
  minAge: z.number().int().min(0).max(120).default(16).describe('Hard lower age limit'),
  maxAge: z
    .number()
    .int()
    .min(0)
    .max(120)
    .nullable()
    .default(null)
    .describe('Hard upper age limit (inclusive), if any'),
  guardianConsentBelowAge: z
    .number()
    .int()
    .min(0)
    .max(21)
    .default(18)
    .describe("Below this age a legal guardian's consent must be recorded"),
  referenceDate: ReferenceDateChoiceSchema.default('session_start'),
});
export type EligibilityRules = z.infer<typeof EligibilityRulesSchema>;
export type EligibilityRulesInput = z.input<typeof EligibilityRulesSchema>;

export const EligibilityPolicySchema = EligibilityRulesSchema.extend({
  id: IdSchema,
  name: z.string(),
  version: VersionSchema.describe('Policy version; every evaluation records the version it used'),
  createdAt: InstantSchema,
}).meta({ id: 'EligibilityPolicy', description: 'A versioned set of criteria and thresholds' });
export type EligibilityPolicy = z.infer<typeof EligibilityPolicySchema>;

export const CRITERION_STATUSES = ['met', 'not_met', 'unknown'] as const;
export const CriterionStatusSchema = z.enum(CRITERION_STATUSES);
export type CriterionStatus = z.infer<typeof CriterionStatusSchema>;

export const ELIGIBILITY_STATUSES = ['eligible', 'ineligible', 'incomplete'] as const;
export const EligibilityStatusSchema = z
  .enum(ELIGIBILITY_STATUSES)
  .describe('incomplete: the outcome could still change once an unknown fact is known')
  .meta({ id: 'EligibilityStatus' });
export type EligibilityStatus = z.infer<typeof EligibilityStatusSchema>;

export const EvidenceOriginSchema = z
  .enum([...FactOriginSchema.options, 'verified_stale'])
  .describe('Origin of the facts used; verified_stale: a proof past its validity, counted as declared');
export type EvidenceOrigin = z.infer<typeof EvidenceOriginSchema>;

export const MessageParamsSchema = z.record(z.string(), z.union([z.string(), z.number()]));

export const ReasonSchema = z
  .object({
    key: z.string().describe('Message key, translated by the catalogue (fr, en)'),
    params: MessageParamsSchema.describe('The values used'),
  })
  .meta({ id: 'Reason' });
export type Reason = z.infer<typeof ReasonSchema>;

export const CriterionResultSchema = z.object({
  code: CriterionCodeSchema,
  status: CriterionStatusSchema,
  origin: EvidenceOriginSchema.nullable().describe('null when the fact is missing'),
  isRequired: z.boolean(),
  isSufficientAlone: z.boolean(),
  reason: ReasonSchema,
});
export type CriterionResult = z.infer<typeof CriterionResultSchema>;

export const LIMIT_CODES = ['min_age', 'max_age', 'guardian_consent'] as const;
export const LimitCodeSchema = z.enum(LIMIT_CODES);
export type LimitCode = z.infer<typeof LimitCodeSchema>;

export const LimitResultSchema = z.object({
  code: LimitCodeSchema,
  status: CriterionStatusSchema,
  origin: EvidenceOriginSchema.nullable(),
  reason: ReasonSchema,
});
export type LimitResult = z.infer<typeof LimitResultSchema>;

export const EligibilityEvaluationSchema = z
  .object({
    status: EligibilityStatusSchema,
    policyId: IdSchema.nullable(),
    policyVersion: z.number().int().nullable(),
    referenceDate: CalendarDateSchema,
    criteria: z.array(CriterionResultSchema).describe('One result per enabled criterion'),
    limits: z.array(LimitResultSchema).describe('Hard limits: minimum age, maximum age, guardian consent'),
    metCount: z.number().int(),
    missingFacts: z.array(z.string()).describe('Unknown facts whose value could still change the outcome'),
    reason: ReasonSchema.describe('Summary of the outcome'),
  })
  .meta({
    id: 'EligibilityEvaluation',
    description:
      'Computed eligibility; an indication for the person who decides, never a decision (GDPR art. 22)',
  });
export type EligibilityEvaluation = z.infer<typeof EligibilityEvaluationSchema>;

export const EligibilityDecisionSchema = z
  .object({
    status: z.enum(['eligible', 'ineligible']).describe('Eligible or ineligible by derogation'),
    reason: z.string().trim().min(3).max(1000),
    decidedBy: IdSchema,
    decidedAt: InstantSchema,
  })
  .meta({
    id: 'EligibilityDecision',
    description: 'A coordinator’s override, kept apart from the evaluation',
  });
export type EligibilityDecision = z.infer<typeof EligibilityDecisionSchema>;
