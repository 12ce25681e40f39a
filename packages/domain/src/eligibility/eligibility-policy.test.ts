import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMessage, localizeIssues } from '../messages/messages.ts';
import { rulesArb } from '../testing/arbitraries.ts';
import { type EligibilityRulesInput, EligibilityRulesSchema } from './eligibility.schema.ts';
import { isEligibleByRule } from './eligibility.ts';
import { CreateEligibilityPolicySchema, UpdateEligibilityPolicySchema } from './eligibility-policy.schema.ts';
import { createDefaultRules, validateEligibilityRules } from './eligibility-policy.ts';

const rules = (input: EligibilityRulesInput) => EligibilityRulesSchema.parse(input);

describe('the default policy', () => {
  it('has the defaults of domain.md', () => {
    const defaults = createDefaultRules();
    expect(defaults).toMatchObject({
      minCriteria: 1,
      requiredCriteria: [],
      minAge: 16,
      maxAge: null,
      referenceDate: 'session_start',
    });
    expect(defaults.criteria.young.maxAgeExclusive).toBe(25);
    expect(defaults.criteria.low_qualification).toMatchObject({
      maxLevel: 4,
      countForeignUnrecognised: true,
    });
    expect(defaults.criteria.senior.minAge).toBe(50);
    expect(defaults.criteria.long_term_job_seeker).toMatchObject({
      enabled: false,
      minMonths: 12,
      proofValidityMonths: 3,
    });
    expect(defaults.criteria.rsa_beneficiary.enabled).toBe(false);
    expect(defaults.criteria.qpv_resident).toMatchObject({ vintage: '2024', proofValidityMonths: 6 });
    expect(defaults.criteria.job_seeker.acceptedCategories).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G']);
    expect(validateEligibilityRules(defaults)).toEqual([]);
  });
});

describe('validateEligibilityRules', () => {
  it('refuses minCriteria above the enabled criteria, with a clear message', () => {
    const issues = validateEligibilityRules(
      rules({
        minCriteria: 3,
        criteria: {
          young: { enabled: false },
          qpv_resident: { enabled: false },
          rural_resident: { enabled: false },
          job_seeker: { enabled: false },
          senior: { enabled: false },
        },
      }),
    );
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toEqual(['minCriteria']);
    expect(formatMessage(issues[0] as (typeof issues)[0], 'fr')).toBe(
      '3 critères demandés, mais 2 seulement sont activés',
    );
    expect(formatMessage(issues[0] as (typeof issues)[0], 'en')).toBe(
      '3 criteria required but only 2 enabled',
    );
  });

  it('refuses a required criterion that is not enabled', () => {
    const issues = validateEligibilityRules(rules({ requiredCriteria: ['rsa_beneficiary'] }));
    expect(issues.map((issue) => issue.key)).toEqual(['policy.required_not_enabled']);
    expect(issues[0]?.path).toEqual(['requiredCriteria', 0]);
  });

  it('refuses young and senior both required', () => {
    const issues = validateEligibilityRules(rules({ requiredCriteria: ['young', 'senior'] }));
    expect(issues.map((issue) => issue.key)).toEqual(['policy.required_contradictory']);
    expect(formatMessage(issues[0] as (typeof issues)[0], 'en')).toContain('under 25');
    const overlapping = rules({
      requiredCriteria: ['young', 'senior'],
      criteria: { young: { maxAgeExclusive: 60 }, senior: { minAge: 45 } },
    });
    expect(validateEligibilityRules(overlapping)).toEqual([]);
  });

  it('refuses inverted age limits', () => {
    expect(validateEligibilityRules(rules({ minAge: 30, maxAge: 20 })).map((issue) => issue.key)).toEqual([
      'policy.age_limits_inverted',
    ]);
    expect(validateEligibilityRules(rules({ minAge: 18, maxAge: 18 }))).toEqual([]);
  });

  it('refuses a policy nobody can satisfy', () => {
    const onlyAges = {
      low_qualification: { enabled: false },
      qpv_resident: { enabled: false },
      rural_resident: { enabled: false },
      job_seeker: { enabled: false },
      woman: { enabled: false },
    };
    expect(validateEligibilityRules(rules({ minCriteria: 2, criteria: onlyAges })).map((i) => i.key)).toEqual(
      ['policy.unsatisfiable'],
    );
    expect(
      validateEligibilityRules(rules({ requiredCriteria: ['young'], minAge: 30 })).map((i) => i.key),
    ).toEqual(['policy.unsatisfiable']);
    expect(
      validateEligibilityRules(rules({ requiredCriteria: ['senior'], maxAge: 40 })).map((i) => i.key),
    ).toEqual(['policy.unsatisfiable']);
    expect(validateEligibilityRules(rules({ minCriteria: 0, criteria: onlyAges }))).toEqual([]);
  });

  it('accepts exactly the policies some candidate can satisfy', () => {
    fc.assert(
      fc.property(rulesArb, (policy) => {
        const issues = validateEligibilityRules(policy);
        const satisfiable = Array.from({ length: 131 }, (_, age) => age).some((age) =>
          isEligibleByRule(policy, (slot) => {
            if (slot === 'min_age') return age >= policy.minAge;
            if (slot === 'max_age') return policy.maxAge === null || age <= policy.maxAge;
            if (slot === 'young') return age < policy.criteria.young.maxAgeExclusive;
            if (slot === 'senior') return age >= policy.criteria.senior.minAge;
            return true;
          }),
        );
        if (!satisfiable) expect(issues.length).toBeGreaterThan(0);
        if (issues.length === 0) expect(satisfiable).toBe(true);
      }),
    );
  });
});

describe('CreateEligibilityPolicySchema', () => {
  it('fills the defaults', () => {
    const parsed = CreateEligibilityPolicySchema.parse({ name: 'GEN Roubaix' });
    expect(parsed.criteria.young.enabled).toBe(true);
    expect(parsed.minCriteria).toBe(1);
  });

  it('reports the validator’s issues in French and English', () => {
    const result = CreateEligibilityPolicySchema.safeParse({ name: 'Impossible', minCriteria: 9 });
    expect(result.success).toBe(false);
    const issues = result.error?.issues ?? [];
    expect(issues[0]?.path).toEqual(['minCriteria']);
    expect(localizeIssues(issues, 'fr')[0]?.message).toBe(
      '9 critères demandés, mais 7 seulement sont activés',
    );
    expect(localizeIssues(issues, 'en')[0]?.message).toBe('9 criteria required but only 7 enabled');
    expect(
      UpdateEligibilityPolicySchema.safeParse({
        name: 'Bad',
        version: 2,
        requiredCriteria: ['young', 'senior'],
      }).success,
    ).toBe(false);
    expect(UpdateEligibilityPolicySchema.safeParse({ name: 'Good', version: 2 }).success).toBe(true);
  });
});
