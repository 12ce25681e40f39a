import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CandidateFacts, FactKey } from '../candidate/candidate.schema.ts';
import { fullFactsArb, recentDateArb, rulesArb } from '../testing/arbitraries.ts';
import { CRITERION_CODES, EligibilityEvaluationSchema, LIMIT_CODES } from './eligibility.schema.ts';
import { evaluateEligibility, isEligibleByRule } from './eligibility.ts';

const FACT_KEYS: FactKey[] = [
  'birthDate',
  'gender',
  'diploma',
  'employmentSituation',
  'jobSeeker',
  'rsaBeneficiary',
  'qpv',
  'rural',
  'guardianConsent',
];

function withoutFacts(facts: Required<CandidateFacts>, missing: readonly FactKey[]): CandidateFacts {
  return Object.fromEntries(Object.entries(facts).filter(([key]) => !missing.includes(key as FactKey)));
}

describe('evaluateEligibility, properties', () => {
  it('never throws and always returns a well-formed evaluation', () => {
    fc.assert(
      fc.property(
        rulesArb,
        fullFactsArb,
        fc.subarray(FACT_KEYS),
        recentDateArb,
        (rules, facts, missing, referenceDate) => {
          const evaluation = evaluateEligibility({
            policy: rules,
            facts: withoutFacts(facts, missing),
            referenceDate,
          });
          expect(EligibilityEvaluationSchema.safeParse(evaluation).success).toBe(true);
          expect(evaluation.status === 'incomplete').toBe(evaluation.missingFacts.length > 0);
        },
      ),
    );
  });

  it('keeps a verdict reached with unknown facts, whatever values they later take', () => {
    fc.assert(
      fc.property(
        rulesArb,
        fullFactsArb,
        fc.subarray(FACT_KEYS, { minLength: 1 }),
        recentDateArb,
        (rules, facts, missing, referenceDate) => {
          // Nobody applies before being born: the engine reasons over birth dates up to the reference date.
          fc.pre(facts.birthDate === undefined || facts.birthDate.value <= referenceDate);
          const partial = evaluateEligibility({
            policy: rules,
            facts: withoutFacts(facts, missing),
            referenceDate,
          });
          fc.pre(partial.status !== 'incomplete');
          const complete = evaluateEligibility({ policy: rules, facts, referenceDate });
          expect(complete.status).toBe(partial.status);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('never makes an eligible candidate ineligible when the policy adds a criterion they meet', () => {
    fc.assert(
      fc.property(
        rulesArb,
        fullFactsArb,
        recentDateArb,
        fc.constantFrom(...CRITERION_CODES),
        (rules, facts, referenceDate, code) => {
          fc.pre(!rules.criteria[code].enabled && !rules.requiredCriteria.includes(code));
          const before = evaluateEligibility({ policy: rules, facts, referenceDate });
          fc.pre(before.status === 'eligible');
          const extended = {
            ...rules,
            criteria: { ...rules.criteria, [code]: { ...rules.criteria[code], enabled: true } },
          };
          const after = evaluateEligibility({ policy: extended, facts, referenceDate });
          if (after.criteria.find((c) => c.code === code)?.status === 'met')
            expect(after.status).toBe('eligible');
        },
      ),
      { numRuns: 150 },
    );
  });

  it('never turns eligible into ineligible when one more criterion is met', () => {
    const slots = [...CRITERION_CODES, ...LIMIT_CODES];
    fc.assert(
      fc.property(
        rulesArb,
        fc.dictionary(fc.constantFrom(...slots), fc.boolean()),
        fc.constantFrom(...CRITERION_CODES),
        (rules, outcomes, code) => {
          const isMet = (slot: string) => outcomes[slot] === true;
          if (!isEligibleByRule(rules, isMet)) return;
          expect(isEligibleByRule(rules, (slot) => slot === code || isMet(slot))).toBe(true);
        },
      ),
    );
  });
});
