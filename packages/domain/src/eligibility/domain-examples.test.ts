import { describe, expect, it } from 'vitest';
import { QpvResidenceSchema } from '../candidate/candidate.schema.ts';
import { SituationSchema } from '../follow-up/follow-up.schema.ts';
import { formatReason } from '../messages/messages.ts';
import { computePositiveExitRate } from '../outcome/outcome.ts';
import {
  type CriterionCode,
  type EligibilityRulesInput,
  EligibilityRulesSchema,
} from './eligibility.schema.ts';
import { evaluateEligibility } from './eligibility.ts';
import { validateEligibilityRules } from './eligibility-policy.ts';

/** The examples domain.md gives, one row each. */

const declared = <T>(value: T) => ({ value, origin: 'declared' as const });
const verified = <T>(value: T, documentDate: string) => ({
  value,
  origin: 'verified' as const,
  proof: {
    type: 'other' as const,
    documentDate,
    verifiedBy: '019ac1f2-7b3e-7c41-9a55-2f1e8d0c4b7a',
    verifiedAt: '2026-01-01T00:00:00.000Z',
  },
});

function criterion(
  code: CriterionCode,
  facts: object,
  rules: EligibilityRulesInput = {},
  referenceDate = '2026-09-07',
) {
  const policy = EligibilityRulesSchema.parse({
    ...rules,
    criteria: { ...rules.criteria, [code]: { enabled: true, ...rules.criteria?.[code] } },
  });
  return evaluateEligibility({ policy, facts, referenceDate }).criteria.find((c) => c.code === code);
}

const roubaix = [
  ...Array.from({ length: 13 }, () =>
    SituationSchema.parse({ kind: 'internship', hasHiringPromise: true, durationMonths: 6 }),
  ),
  SituationSchema.parse({ kind: 'cdi' }),
  ...Array.from({ length: 6 }, () => SituationSchema.parse({ kind: 'incubation' })),
  ...Array.from({ length: 2 }, () => SituationSchema.parse({ kind: 'freelance' })),
];

const EXAMPLES: { example: string; actual: () => unknown; expected: unknown }[] = [
  {
    example: 'reason "né·e le 2002-03-01, 24 ans au 2026-09-07 < 25"',
    actual: () =>
      formatReason(criterion('young', { birthDate: declared('2002-03-01') })?.reason ?? { key: '' }, 'fr'),
    expected: 'né·e le 2002-03-01, 24 ans au 2026-09-07 < 25',
  },
  {
    example: 'young: 25 as the source document says, 26 as most youth schemes',
    actual: () =>
      [25, 26].map(
        (maxAgeExclusive) =>
          criterion(
            'young',
            { birthDate: declared('2001-06-01') },
            { criteria: { young: { maxAgeExclusive } } },
          )?.status,
      ),
    expected: ['not_met', 'met'],
  },
  {
    example: 'born on 29 February: a year older on 1 March in non-leap years',
    actual: () =>
      ['2026-02-28', '2026-03-01'].map(
        (date) =>
          criterion(
            'young',
            { birthDate: declared('2004-02-29') },
            { criteria: { young: { maxAgeExclusive: 22 } } },
            date,
          )?.status,
      ),
    expected: ['met', 'not_met'],
  },
  {
    example: 'low_qualification: bac or below (GEN label), CAP/BEP or below (inclusion schemes)',
    actual: () =>
      [4, 3].map(
        (maxLevel) =>
          criterion(
            'low_qualification',
            { diploma: declared({ highestLevel: '4' }) },
            { criteria: { low_qualification: { maxLevel } } },
          )?.status,
      ),
    expected: ['met', 'not_met'],
  },
  {
    example: 'job_seeker: an unknown category never makes the criterion unmet',
    actual: () =>
      criterion(
        'job_seeker',
        { jobSeeker: declared({ registered: true }) },
        { criteria: { job_seeker: { acceptedCategories: ['A'] } } },
      )?.status,
    expected: 'met',
  },
  {
    example: 'long_term_job_seeker: 12 months from the date or the bucket',
    actual: () => [
      criterion('long_term_job_seeker', { jobSeeker: declared({ registered: true, since: '2025-09-07' }) })
        ?.status,
      criterion('long_term_job_seeker', {
        jobSeeker: declared({ registered: true, sinceBucket: { bucket: '12_23m', statedOn: '2026-05-02' } }),
      })?.status,
    ],
    expected: ['met', 'met'],
  },
  {
    example: 'senior: 50, or 45',
    actual: () =>
      [50, 45].map(
        (minAge) =>
          criterion('senior', { birthDate: declared('1980-01-01') }, { criteria: { senior: { minAge } } })
            ?.status,
      ),
    expected: ['not_met', 'met'],
  },
  {
    example: 'verified job-seeker status goes stale after 3 months, address after 6',
    actual: () => [
      criterion('job_seeker', { jobSeeker: verified({ registered: true }, '2026-05-01') })?.origin,
      criterion('qpv_resident', { qpv: verified({ isResident: true }, '2026-05-01') })?.origin,
    ],
    expected: ['verified_stale', 'verified'],
  },
  {
    example: 'QPV codes of the 2024 geography, e.g. QN00101M',
    actual: () => QpvResidenceSchema.safeParse({ isResident: true, qpvCode: 'QN00101M' }).success,
    expected: true,
  },
  {
    example: 'policy refused: minCriteria above the enabled criteria',
    actual: () =>
      validateEligibilityRules(EligibilityRulesSchema.parse({ minCriteria: 8 })).map((issue) => issue.key),
    expected: ['policy.min_criteria_above_enabled'],
  },
  {
    example: 'policy refused: young and senior both required',
    actual: () =>
      validateEligibilityRules(EligibilityRulesSchema.parse({ requiredCriteria: ['young', 'senior'] })).map(
        (issue) => issue.key,
      ),
    expected: ['policy.required_contradictory'],
  },
  {
    example: 'first Roubaix cohort: 13 internships with hiring promises, 1 CDI, 6 incubated, 2 freelancers',
    actual: () => {
      const rate = computePositiveExitRate(
        roubaix.map((situation) => ({ stage: 'completed' as const, situation })),
        'exit',
      );
      return {
        denominator: rate.denominator,
        durable: rate.counts.durable_employment,
        transition: rate.counts.transition,
        rate: rate.rate,
      };
    },
    expected: { denominator: 22, durable: 9, transition: 13, rate: 1 },
  },
];

describe('domain.md examples', () => {
  it.each(EXAMPLES)('$example', ({ actual, expected }) => {
    expect(actual()).toEqual(expected);
  });
});
