import { describe, expect, it } from 'vitest';
import type { CandidateFacts } from '../candidate/candidate.schema.ts';
import { formatReason } from '../messages/messages.ts';
import {
  type CriterionCode,
  EligibilityEvaluationSchema,
  type EligibilityRulesInput,
  EligibilityRulesSchema,
} from './eligibility.schema.ts';
import { evaluateEligibility, isEligibleByRule, selectReferenceDate } from './eligibility.ts';

const REFERENCE_DATE = '2026-09-07';
const VERIFIER = '019ac1f2-7b3e-7c41-9a55-2f1e8d0c4b7a';

function declared<T>(value: T) {
  return { value, origin: 'declared' as const };
}

function verified<T>(value: T, documentDate: string) {
  return {
    value,
    origin: 'verified' as const,
    proof: {
      type: 'other' as const,
      documentDate,
      verifiedBy: VERIFIER,
      verifiedAt: '2026-01-01T00:00:00.000Z',
    },
  };
}

function computed<T>(value: T, vintage = '2024') {
  return { value, origin: 'computed' as const, computation: { source: 'test', vintage } };
}

/** Only the criterion under test enabled, so that the overall status follows it. */
function only(code: CriterionCode, overrides: Record<string, unknown> = {}): EligibilityRulesInput {
  const criteria = Object.fromEntries(
    (
      [
        'young',
        'low_qualification',
        'qpv_resident',
        'rural_resident',
        'job_seeker',
        'long_term_job_seeker',
        'woman',
        'senior',
        'rsa_beneficiary',
      ] as const
    ).map((other) => [other, { enabled: other === code, ...(other === code ? overrides : {}) }]),
  );
  return { criteria, minAge: 0 };
}

const ADULT: CandidateFacts = { birthDate: declared('1990-01-15') };

function evaluate(facts: CandidateFacts, rules: EligibilityRulesInput = {}, referenceDate = REFERENCE_DATE) {
  const evaluation = evaluateEligibility({
    policy: EligibilityRulesSchema.parse(rules),
    facts,
    referenceDate,
  });
  EligibilityEvaluationSchema.parse(evaluation);
  return evaluation;
}

function criterionOf(
  facts: CandidateFacts,
  code: CriterionCode,
  overrides: Record<string, unknown> = {},
  referenceDate = REFERENCE_DATE,
) {
  const result = evaluate(facts, only(code, overrides), referenceDate).criteria.find((c) => c.code === code);
  if (!result) throw new Error(`no result for ${code}`);
  return result;
}

describe('young', () => {
  it.each([
    ['2001-09-08', 'met', 24],
    ['2001-09-07', 'not_met', 25],
    ['2001-09-06', 'not_met', 25],
  ] as const)('born %s: %s (age %i on the reference date)', (birthDate, status, age) => {
    const result = criterionOf({ birthDate: declared(birthDate) }, 'young');
    expect(result.status).toBe(status);
    expect(result.reason.params.age).toBe(age);
  });

  it('tests the day before, of and after the 25th birthday', () => {
    const facts = { birthDate: declared('2001-09-07') };
    expect(criterionOf(facts, 'young', {}, '2026-09-06').status).toBe('met');
    expect(criterionOf(facts, 'young', {}, '2026-09-07').status).toBe('not_met');
    expect(criterionOf(facts, 'young', {}, '2026-09-08').status).toBe('not_met');
  });

  it('applies the 29 February rule', () => {
    const facts = { birthDate: declared('2001-02-28') };
    expect(criterionOf(facts, 'young', {}, '2026-02-27').status).toBe('met');
    const leapling = { birthDate: declared('2004-02-29') };
    expect(criterionOf(leapling, 'young', { maxAgeExclusive: 22 }, '2026-02-28').status).toBe('met');
    expect(criterionOf(leapling, 'young', { maxAgeExclusive: 22 }, '2026-03-01').status).toBe('not_met');
    expect(criterionOf(leapling, 'young', { maxAgeExclusive: 24 }, '2028-02-28').status).toBe('met');
    expect(criterionOf(leapling, 'young', { maxAgeExclusive: 24 }, '2028-02-29').status).toBe('not_met');
  });

  it('takes its threshold from the policy (26 as in most youth schemes)', () => {
    const facts = { birthDate: declared('2001-03-01') };
    expect(criterionOf(facts, 'young').status).toBe('not_met');
    expect(criterionOf(facts, 'young', { maxAgeExclusive: 26 }).status).toBe('met');
  });

  it('is unknown without a birth date and renders its reason in French and English', () => {
    expect(criterionOf({}, 'young').status).toBe('unknown');
    const result = criterionOf({ birthDate: declared('2002-03-01') }, 'young');
    expect(formatReason(result.reason, 'fr')).toBe('né·e le 2002-03-01, 24 ans au 2026-09-07 < 25');
    expect(formatReason(result.reason, 'en')).toBe('born 2002-03-01, aged 24 on 2026-09-07 < 25');
  });
});

describe('senior', () => {
  it.each([
    ['1976-09-08', 'not_met', 49],
    ['1976-09-07', 'met', 50],
    ['1976-09-06', 'met', 50],
  ] as const)('born %s: %s (age %i)', (birthDate, status, age) => {
    const result = criterionOf({ birthDate: declared(birthDate) }, 'senior');
    expect(result.status).toBe(status);
    expect(result.reason.params.age).toBe(age);
  });

  it('takes its threshold from the policy (45)', () => {
    const facts = { birthDate: declared('1981-09-07') };
    expect(criterionOf(facts, 'senior').status).toBe('not_met');
    expect(criterionOf(facts, 'senior', { minAge: 45 }).status).toBe('met');
    expect(criterionOf({}, 'senior').status).toBe('unknown');
  });
});

describe('low_qualification', () => {
  const level = (highestLevel: string) => ({ diploma: declared({ highestLevel }) }) as CandidateFacts;

  it.each([
    ['never_schooled', 'met'],
    ['none', 'met'],
    ['3', 'met'],
    ['4', 'met'],
    ['5', 'not_met'],
    ['8', 'not_met'],
    ['foreign_unrecognised', 'met'],
  ] as const)('level %s with the default maximum 4: %s', (highestLevel, status) => {
    expect(criterionOf(level(highestLevel), 'low_qualification').status).toBe(status);
  });

  it.each([
    ['3', 'met'],
    ['4', 'not_met'],
    ['5', 'not_met'],
    ['none', 'met'],
  ] as const)('level %s with maximum 3 (CAP/BEP or below): %s', (highestLevel, status) => {
    expect(criterionOf(level(highestLevel), 'low_qualification', { maxLevel: 3 }).status).toBe(status);
  });

  it('lets the policy not count unrecognised foreign diplomas', () => {
    const result = criterionOf(level('foreign_unrecognised'), 'low_qualification', {
      countForeignUnrecognised: false,
    });
    expect(result.status).toBe('not_met');
    expect(formatReason(result.reason, 'en')).toBe(
      'unrecognised foreign diploma, not counted by this policy',
    );
  });

  it('renders the level through the catalogue', () => {
    const result = criterionOf(level('5'), 'low_qualification');
    expect(formatReason(result.reason, 'fr')).toBe('diplôme le plus élevé : niveau 5 (bac+2) > niveau 4');
    expect(criterionOf({}, 'low_qualification').status).toBe('unknown');
  });
});

describe('qpv_resident', () => {
  it('is met in a QPV and names it', () => {
    const result = criterionOf({ qpv: computed({ isResident: true, qpvCode: 'QN05901M' }) }, 'qpv_resident');
    expect(result).toMatchObject({ status: 'met', origin: 'computed' });
    expect(formatReason(result.reason, 'fr')).toBe('adresse dans le QPV QN05901M');
  });

  it('is not met outside and unknown without the fact', () => {
    expect(criterionOf({ qpv: declared({ isResident: false }) }, 'qpv_resident').status).toBe('not_met');
    expect(criterionOf({ qpv: declared({ isResident: true }) }, 'qpv_resident').reason.params.qpvCode).toBe(
      '?',
    );
    expect(criterionOf({}, 'qpv_resident').status).toBe('unknown');
  });

  it('refuses a computed fact from another vintage than the policy’s', () => {
    const facts = { qpv: computed({ isResident: true }, '2015') };
    expect(criterionOf(facts, 'qpv_resident').status).toBe('unknown');
    expect(criterionOf(facts, 'qpv_resident', { vintage: '2015' }).status).toBe('met');
    expect(
      criterionOf({ qpv: { ...declared({ isResident: true, vintage: '2015' }) } }, 'qpv_resident').status,
    ).toBe('met');
  });

  it('counts a verified address as declared after 6 months (configurable)', () => {
    const facts = { qpv: verified({ isResident: true }, '2026-03-07') };
    expect(criterionOf(facts, 'qpv_resident', {}, '2026-09-06').origin).toBe('verified');
    expect(criterionOf(facts, 'qpv_resident', {}, '2026-09-07').origin).toBe('verified_stale');
    expect(criterionOf(facts, 'qpv_resident', { proofValidityMonths: 12 }, '2026-09-07').origin).toBe(
      'verified',
    );
    expect(criterionOf(facts, 'qpv_resident', { proofValidityMonths: null }, '2036-09-07').origin).toBe(
      'verified',
    );
  });
});

describe('rural_resident', () => {
  it.each([
    ['classified', 'met'],
    ['not_classified', 'not_met'],
    ['partially_classified', 'unknown'],
  ] as const)('France Ruralités Revitalisation %s: %s', (frr, status) => {
    expect(criterionOf({ rural: computed({ frr }) }, 'rural_resident').status).toBe(status);
  });

  it('is unknown without a classification', () => {
    expect(criterionOf({ rural: declared({}) }, 'rural_resident').status).toBe('unknown');
    expect(criterionOf({}, 'rural_resident').status).toBe('unknown');
  });

  it.each([
    [4, 5, 'not_met'],
    [5, 5, 'met'],
    [7, 5, 'met'],
    [5, 6, 'not_met'],
  ] as const)('density level %i with threshold %i: %s', (densityLevel, minDensityLevel, status) => {
    const result = criterionOf(
      { rural: computed({ densityLevel, frr: 'not_classified' }) },
      'rural_resident',
      {
        basis: 'density',
        minDensityLevel,
      },
    );
    expect(result.status).toBe(status);
  });

  it('is unknown on the density basis without a density level', () => {
    expect(
      criterionOf({ rural: computed({ frr: 'classified' }) }, 'rural_resident', { basis: 'density' }).status,
    ).toBe('unknown');
  });
});

describe('job_seeker', () => {
  it('is met when registered, whatever the category if unknown', () => {
    expect(criterionOf({ jobSeeker: declared({ registered: true }) }, 'job_seeker').status).toBe('met');
    expect(
      criterionOf({ jobSeeker: declared({ registered: true, category: 'G' }) }, 'job_seeker').status,
    ).toBe('met');
    expect(criterionOf({ jobSeeker: declared({ registered: false }) }, 'job_seeker').status).toBe('not_met');
    expect(criterionOf({}, 'job_seeker').status).toBe('unknown');
  });

  it('accepts only the policy’s categories when the category is known', () => {
    const overrides = { acceptedCategories: ['A', 'B', 'C'] };
    expect(
      criterionOf({ jobSeeker: declared({ registered: true, category: 'B' }) }, 'job_seeker', overrides)
        .status,
    ).toBe('met');
    const refused = criterionOf(
      { jobSeeker: declared({ registered: true, category: 'G' }) },
      'job_seeker',
      overrides,
    );
    expect(refused.status).toBe('not_met');
    expect(formatReason(refused.reason, 'en')).toBe(
      'registered with France Travail in category G, not in A, B, C',
    );
    expect(criterionOf({ jobSeeker: declared({ registered: true }) }, 'job_seeker', overrides).status).toBe(
      'met',
    );
  });

  it('goes stale 3 months after the proof', () => {
    const facts = { jobSeeker: verified({ registered: true }, '2026-06-07') };
    expect(criterionOf(facts, 'job_seeker', {}, '2026-09-06').origin).toBe('verified');
    expect(criterionOf(facts, 'job_seeker', {}, '2026-09-07').origin).toBe('verified_stale');
  });
});

describe('long_term_job_seeker', () => {
  const since = (date: string) => ({ jobSeeker: declared({ registered: true, since: date }) });
  const bucket = (value: string, statedOn: string) =>
    ({
      jobSeeker: declared({ registered: true, sinceBucket: { bucket: value, statedOn } }),
    }) as CandidateFacts;

  it.each([
    ['2025-09-08', 'not_met', 11],
    ['2025-09-07', 'met', 12],
    ['2025-09-06', 'met', 12],
  ] as const)('registered since %s: %s (%i months)', (date, status, months) => {
    const result = criterionOf(since(date), 'long_term_job_seeker');
    expect(result.status).toBe(status);
    expect(result.reason.params.months).toBe(months);
  });

  it('takes 24 months for very long term', () => {
    expect(criterionOf(since('2025-09-07'), 'long_term_job_seeker', { minMonths: 24 }).status).toBe(
      'not_met',
    );
    expect(criterionOf(since('2024-09-07'), 'long_term_job_seeker', { minMonths: 24 }).status).toBe('met');
  });

  it.each([
    ['12_23m', REFERENCE_DATE, 'met'],
    ['24m_plus', REFERENCE_DATE, 'met'],
    ['lt_6m', REFERENCE_DATE, 'not_met'],
    ['6_11m', REFERENCE_DATE, 'not_met'],
    ['6_11m', '2026-06-07', 'unknown'],
    ['6_11m', '2026-03-07', 'met'],
    ['lt_6m', '2026-06-07', 'not_met'],
    ['lt_6m', '2026-01-07', 'unknown'],
  ] as const)('bucket %s stated on %s: %s', (value, statedOn, status) => {
    expect(criterionOf(bucket(value, statedOn), 'long_term_job_seeker').status).toBe(status);
  });

  it('is not met when not registered and unknown without a date or bucket', () => {
    expect(criterionOf({ jobSeeker: declared({ registered: false }) }, 'long_term_job_seeker').status).toBe(
      'not_met',
    );
    expect(criterionOf({ jobSeeker: declared({ registered: true }) }, 'long_term_job_seeker').status).toBe(
      'unknown',
    );
    expect(criterionOf({}, 'long_term_job_seeker').status).toBe('unknown');
  });
});

describe('woman and rsa_beneficiary', () => {
  it.each([
    ['female', 'met'],
    ['male', 'not_met'],
    ['non_binary', 'not_met'],
    ['undisclosed', 'not_met'],
  ] as const)('gender %s: %s', (gender, status) => {
    expect(criterionOf({ gender: declared(gender) }, 'woman').status).toBe(status);
  });

  it('is unknown without the facts', () => {
    expect(criterionOf({}, 'woman').status).toBe('unknown');
    expect(criterionOf({}, 'rsa_beneficiary').status).toBe('unknown');
  });

  it('follows the declared RSA', () => {
    expect(criterionOf({ rsaBeneficiary: declared(true) }, 'rsa_beneficiary').status).toBe('met');
    expect(criterionOf({ rsaBeneficiary: declared(false) }, 'rsa_beneficiary').status).toBe('not_met');
  });
});

describe('hard limits', () => {
  const woman = { gender: declared('female' as const) };

  it('refuses under the minimum age (16 by default) and accepts from the birthday', () => {
    const rules = {
      requiredCriteria: [],
      criteria: { woman: { enabled: true } },
    } satisfies EligibilityRulesInput;
    const consent = { guardianConsent: declared(true) };
    expect(evaluate({ ...woman, ...consent, birthDate: declared('2010-09-08') }, rules).status).toBe(
      'ineligible',
    );
    expect(evaluate({ ...woman, ...consent, birthDate: declared('2010-09-07') }, rules).status).toBe(
      'eligible',
    );
    const ineligible = evaluate({ ...woman, ...consent, birthDate: declared('2010-09-08') }, rules);
    expect(ineligible.reason).toEqual({ key: 'eligibility.ineligible_limit', params: { limit: 'min_age' } });
    expect(formatReason(ineligible.reason, 'fr')).toBe('limite non respectée : âge minimum');
  });

  it('asks for a guardian’s consent under 18', () => {
    const minor = { ...woman, birthDate: declared('2009-09-08') };
    expect(evaluate(minor).status).toBe('incomplete');
    expect(evaluate(minor).missingFacts).toEqual(['guardianConsent']);
    expect(evaluate({ ...minor, guardianConsent: declared(false) }).status).toBe('ineligible');
    expect(evaluate({ ...minor, guardianConsent: declared(true) }).status).toBe('eligible');
    expect(evaluate({ ...woman, birthDate: declared('2008-09-07') }).status).toBe('eligible');
  });

  it('applies an optional maximum age, inclusive', () => {
    const rules = { maxAge: 30 };
    expect(evaluate({ ...woman, birthDate: declared('1995-09-08') }, rules).status).toBe('eligible');
    expect(evaluate({ ...woman, birthDate: declared('1995-09-07') }, rules).status).toBe('ineligible');
    expect(
      evaluate({ ...woman, birthDate: declared('1995-09-07') }, rules).limits.map((l) => l.status),
    ).toEqual(['met', 'not_met', 'met']);
  });

  it('lists unknown limits without a birth date', () => {
    const evaluation = evaluate(woman, { maxAge: 30 });
    expect(evaluation.status).toBe('incomplete');
    expect(evaluation.missingFacts).toEqual(['birthDate']);
    expect(evaluation.limits.every((limit) => limit.status === 'unknown')).toBe(true);
  });
});

describe('the rule', () => {
  const youngWoman: CandidateFacts = {
    ...ADULT,
    birthDate: declared('2003-01-01'),
    gender: declared('female'),
  };

  it('needs minCriteria criteria met (1 by default)', () => {
    expect(evaluate(youngWoman).status).toBe('eligible');
    expect(evaluate(youngWoman, { minCriteria: 2 }).status).toBe('eligible');
    expect(evaluate(youngWoman, { minCriteria: 3 }).status).toBe('incomplete');
    const known = {
      ...youngWoman,
      diploma: declared({ highestLevel: '6' as const }),
      jobSeeker: declared({ registered: false }),
      qpv: declared({ isResident: false }),
      rural: declared({ frr: 'not_classified' as const }),
    };
    const evaluation = evaluate(known, { minCriteria: 3 });
    expect(evaluation.status).toBe('ineligible');
    expect(formatReason(evaluation.reason, 'en')).toBe('2 criteria met, 3 needed');
  });

  it('needs every required criterion', () => {
    const evaluation = evaluate(
      { ...youngWoman, qpv: declared({ isResident: false }) },
      { requiredCriteria: ['qpv_resident'] },
    );
    expect(evaluation.status).toBe('ineligible');
    expect(evaluation.reason).toEqual({
      key: 'eligibility.ineligible_required',
      params: { criterion: 'qpv_resident' },
    });
    expect(evaluate(youngWoman, { requiredCriteria: ['qpv_resident'] }).status).toBe('incomplete');
  });

  it('accepts a sufficient-alone criterion whatever minCriteria says', () => {
    const facts = { ...ADULT, rsaBeneficiary: declared(true) };
    const rules = { minCriteria: 3, criteria: { rsa_beneficiary: { enabled: true, sufficientAlone: true } } };
    const evaluation = evaluate(facts, rules);
    expect(evaluation.status).toBe('eligible');
    expect(formatReason(evaluation.reason, 'fr')).toBe('critère suffisant à lui seul : bénéficiaire du RSA');
    expect(evaluate({ ...ADULT, rsaBeneficiary: declared(false) }, { ...rules, minCriteria: 1 }).status).toBe(
      'incomplete',
    );
  });

  it('evaluates a required criterion even if left disabled', () => {
    const evaluation = evaluate(
      { ...youngWoman, rsaBeneficiary: declared(false) },
      { requiredCriteria: ['rsa_beneficiary'] },
    );
    expect(evaluation.criteria.map((c) => c.code)).toContain('rsa_beneficiary');
    expect(evaluation.status).toBe('ineligible');
  });

  it('is decided when the unknown facts cannot change the outcome', () => {
    // Young and senior cannot both hold: with two needed and only those enabled nobody is eligible.
    const rules = {
      minCriteria: 2,
      criteria: {
        low_qualification: { enabled: false },
        qpv_resident: { enabled: false },
        rural_resident: { enabled: false },
        job_seeker: { enabled: false },
        woman: { enabled: false },
      },
    };
    expect(evaluate({}, rules).status).toBe('ineligible');
    expect(evaluate({ gender: declared('male') }, { minCriteria: 1 }).missingFacts).toEqual([
      'birthDate',
      'diploma',
      'jobSeeker',
      'qpv',
      'rural',
    ]);
  });

  it('asks for the precision of a partly known fact', () => {
    const facts = { ...ADULT, jobSeeker: declared({ registered: true }) };
    const evaluation = evaluate(facts, {
      requiredCriteria: ['long_term_job_seeker'],
      criteria: { long_term_job_seeker: { enabled: true } },
    });
    expect(evaluation.status).toBe('incomplete');
    expect(evaluation.missingFacts).toEqual(['jobSeeker']);
    expect(formatReason(evaluation.reason, 'fr')).toBe('à compléter : inscription à France Travail');
  });

  it('records the policy and the origins it used', () => {
    const rules = EligibilityRulesSchema.parse({});
    const evaluation = evaluateEligibility({
      policy: { ...rules, id: VERIFIER, version: 3 },
      facts: {
        birthDate: verified('2003-01-01', '2026-01-01'),
        gender: { value: 'female', origin: 'verified' },
      },
      referenceDate: REFERENCE_DATE,
    });
    expect(evaluation).toMatchObject({
      policyId: VERIFIER,
      policyVersion: 3,
      status: 'eligible',
      metCount: 2,
    });
    expect(evaluation.criteria.find((c) => c.code === 'woman')?.origin).toBe('declared');
    expect(evaluation.criteria.find((c) => c.code === 'young')?.origin).toBe('verified');
    expect(formatReason(evaluation.reason, 'en')).toBe('2 criteria met, 1 needed');
  });

  it('never counts a criterion absent from the policy', () => {
    const rules = EligibilityRulesSchema.parse({ maxAge: null });
    expect(
      isEligibleByRule(
        rules,
        (slot) =>
          slot !== 'young' &&
          slot !== 'senior' &&
          slot !== 'woman' &&
          slot !== 'low_qualification' &&
          slot !== 'qpv_resident' &&
          slot !== 'rural_resident' &&
          slot !== 'job_seeker',
      ),
    ).toBe(false);
  });
});

describe('selectReferenceDate', () => {
  it('uses the session start by default and the application date on demand', () => {
    const dates = { sessionStartDate: '2026-09-07', applicationDate: '2026-05-02' };
    expect(selectReferenceDate('session_start', dates)).toBe('2026-09-07');
    expect(selectReferenceDate('application_date', dates)).toBe('2026-05-02');
  });
});
