import fc from 'fast-check';
import {
  type CandidateFacts,
  DIPLOMA_LEVELS,
  FACT_ORIGINS,
  GENDERS,
  JOB_SEEKER_CATEGORIES,
  REGISTRATION_BUCKETS,
  RURAL_CLASSIFICATIONS,
} from '../candidate/candidate.schema.ts';
import {
  CRITERION_CODES,
  type EligibilityRules,
  EligibilityRulesSchema,
} from '../eligibility/eligibility.schema.ts';

/** Test data only: fast-check arbitraries shared by the property tests. */

export const calendarDateArb = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));

/** Dates around the sessions the product deals with, so that ages land near the thresholds. */
export const recentDateArb = fc
  .date({ min: new Date('1940-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));

const originArb = fc.constantFrom(...FACT_ORIGINS);

function factArb<T>(valueArb: fc.Arbitrary<T>) {
  return fc
    .record({ value: valueArb, origin: originArb, documentDate: recentDateArb })
    .map(({ value, origin, documentDate }) => ({
      value,
      origin,
      ...(origin === 'verified'
        ? {
            proof: {
              type: 'other' as const,
              documentDate,
              verifiedBy: '019ac1f2-7b3e-7c41-9a55-2f1e8d0c4b7a',
              verifiedAt: '2026-01-01T00:00:00.000Z',
            },
          }
        : {}),
      ...(origin === 'computed' ? { computation: { source: 'test', vintage: '2024' } } : {}),
    }));
}

/** Every fact present; tests remove some to make them unknown. */
export const fullFactsArb: fc.Arbitrary<Required<CandidateFacts>> = fc.record({
  birthDate: factArb(recentDateArb),
  gender: factArb(fc.constantFrom(...GENDERS)),
  diploma: factArb(fc.record({ highestLevel: fc.constantFrom(...DIPLOMA_LEVELS) })),
  employmentSituation: factArb(fc.constantFrom('job_seeker' as const, 'employed' as const, 'other' as const)),
  jobSeeker: factArb(
    fc.record(
      {
        registered: fc.boolean(),
        since: recentDateArb,
        sinceBucket: fc.record({ bucket: fc.constantFrom(...REGISTRATION_BUCKETS), statedOn: recentDateArb }),
        category: fc.constantFrom(...JOB_SEEKER_CATEGORIES),
      },
      { requiredKeys: ['registered'] },
    ),
  ),
  rsaBeneficiary: factArb(fc.boolean()),
  qpv: factArb(
    fc.record(
      {
        isResident: fc.boolean(),
        qpvCode: fc.constant('QN05901M'),
        vintage: fc.constantFrom('2024', '2015'),
      },
      { requiredKeys: ['isResident'] },
    ),
  ),
  rural: factArb(
    fc.record(
      { frr: fc.constantFrom(...RURAL_CLASSIFICATIONS), densityLevel: fc.integer({ min: 1, max: 7 }) },
      { requiredKeys: [] },
    ),
  ),
  guardianConsent: factArb(fc.boolean()),
});

const criterionArb = fc.record({ enabled: fc.boolean(), sufficientAlone: fc.boolean() });

/** Any well-typed rules, possibly ones the validator would refuse: the engine must cope. */
export const rulesArb: fc.Arbitrary<EligibilityRules> = fc
  .record({
    young: criterionArb,
    low: criterionArb,
    qpv: criterionArb,
    rural: criterionArb,
    jobSeeker: criterionArb,
    longTerm: criterionArb,
    woman: criterionArb,
    senior: criterionArb,
    rsa: criterionArb,
    maxAgeExclusive: fc.integer({ min: 18, max: 30 }),
    seniorMinAge: fc.integer({ min: 40, max: 60 }),
    maxLevel: fc.integer({ min: 3, max: 8 }),
    countForeignUnrecognised: fc.boolean(),
    basis: fc.constantFrom('frr' as const, 'density' as const),
    minDensityLevel: fc.integer({ min: 1, max: 7 }),
    acceptedCategories: fc.subarray([...JOB_SEEKER_CATEGORIES], { minLength: 1 }),
    minMonths: fc.constantFrom(6, 12, 24),
    minCriteria: fc.integer({ min: 0, max: 4 }),
    requiredCriteria: fc.subarray([...CRITERION_CODES], { maxLength: 2 }),
    minAge: fc.integer({ min: 0, max: 20 }),
    maxAge: fc.option(fc.integer({ min: 20, max: 70 }), { nil: null }),
  })
  .map((r) =>
    EligibilityRulesSchema.parse({
      criteria: {
        young: { ...r.young, maxAgeExclusive: r.maxAgeExclusive },
        low_qualification: {
          ...r.low,
          maxLevel: r.maxLevel,
          countForeignUnrecognised: r.countForeignUnrecognised,
        },
        qpv_resident: r.qpv,
        rural_resident: { ...r.rural, basis: r.basis, minDensityLevel: r.minDensityLevel },
        job_seeker: { ...r.jobSeeker, acceptedCategories: r.acceptedCategories },
        long_term_job_seeker: { ...r.longTerm, minMonths: r.minMonths },
        woman: r.woman,
        senior: { ...r.senior, minAge: r.seniorMinAge },
        rsa_beneficiary: r.rsa,
      },
      minCriteria: r.minCriteria,
      requiredCriteria: r.requiredCriteria,
      minAge: r.minAge,
      maxAge: r.maxAge,
    }),
  );
