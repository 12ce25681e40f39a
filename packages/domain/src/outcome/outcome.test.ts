import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type SituationInput, SituationSchema } from '../follow-up/follow-up.schema.ts';
import { OutcomeMappingSchema } from './outcome.schema.ts';
import {
  categoriseSituation,
  computePositiveExitRate,
  DEFAULT_OUTCOME_MAPPING,
  isPositiveCategory,
} from './outcome.ts';

const situation = (input: SituationInput) => SituationSchema.parse(input);

describe('categoriseSituation with the default mapping', () => {
  it.each([
    [{ kind: 'cdi' }, 'durable_employment'],
    [{ kind: 'cdd', durationMonths: 6 }, 'durable_employment'],
    [{ kind: 'cdd', durationMonths: 5 }, 'transition'],
    [{ kind: 'cdd' }, 'transition'],
    [{ kind: 'interim', durationMonths: 6 }, 'durable_employment'],
    [{ kind: 'interim', durationMonths: 2 }, 'transition'],
    [{ kind: 'business_creation' }, 'durable_employment'],
    [{ kind: 'incubation' }, 'durable_employment'],
    [{ kind: 'freelance' }, 'durable_employment'],
    [{ kind: 'apprenticeship' }, 'transition'],
    [{ kind: 'internship', hasHiringPromise: true }, 'transition'],
    [{ kind: 'internship', hasHiringPromise: false }, 'not_positive'],
    [{ kind: 'further_training', isQualifyingTraining: true }, 'positive_other'],
    [{ kind: 'further_training', isQualifyingTraining: false }, 'not_positive'],
    [{ kind: 'civic_service' }, 'positive_other'],
    [{ kind: 'job_seeking' }, 'not_positive'],
    [{ kind: 'inactive' }, 'not_positive'],
    [{ kind: 'other' }, 'not_positive'],
    [{ kind: 'unknown' }, 'unknown'],
  ] as const)('%o → %s', (input, category) => {
    expect(categoriseSituation(situation(input))).toBe(category);
  });

  it('treats no follow-up as unknown', () => {
    expect(categoriseSituation(null)).toBe('unknown');
    expect(categoriseSituation(undefined)).toBe('unknown');
  });

  it('knows which categories are positive', () => {
    expect(
      ['durable_employment', 'transition', 'positive_other', 'not_positive', 'unknown'].map((c) =>
        isPositiveCategory(c as never),
      ),
    ).toEqual([true, true, true, false, false]);
  });
});

describe('custom mappings', () => {
  it('follows a funder’s own rules, first match first', () => {
    const strict = OutcomeMappingSchema.parse({
      rules: [
        { situation: 'cdi', category: 'durable_employment' },
        { situation: 'cdd', minDurationMonths: 12, category: 'durable_employment' },
        { situation: 'cdd', maxDurationMonthsExclusive: 12, category: 'transition' },
      ],
    });
    expect(categoriseSituation(situation({ kind: 'cdd', durationMonths: 12 }), strict)).toBe(
      'durable_employment',
    );
    expect(categoriseSituation(situation({ kind: 'cdd', durationMonths: 6 }), strict)).toBe('transition');
    expect(categoriseSituation(situation({ kind: 'cdd' }), strict)).toBe('not_positive');
    expect(categoriseSituation(situation({ kind: 'freelance' }), strict)).toBe('not_positive');
    expect(categoriseSituation(situation({ kind: 'unknown' }), strict)).toBe('unknown');
  });
});

describe('computePositiveExitRate', () => {
  const learners = [
    { stage: 'completed' as const, situation: situation({ kind: 'cdi' }) },
    { stage: 'completed' as const, situation: situation({ kind: 'job_seeking' }) },
    { stage: 'completed' as const, situation: null },
    { stage: 'dropped_out' as const, situation: situation({ kind: 'cdd', durationMonths: 3 }) },
    { stage: 'enrolled' as const, situation: situation({ kind: 'cdi' }) },
  ];

  it('divides by everybody who left, unknowns included and counted apart', () => {
    const rate = computePositiveExitRate(learners, 'month_6');
    expect(rate).toMatchObject({
      milestone: 'month_6',
      denominator: 4,
      positive: 2,
      rate: 0.5,
      unknownShare: 0.25,
    });
    expect(rate.counts).toEqual({
      durable_employment: 1,
      transition: 1,
      positive_other: 0,
      not_positive: 1,
      unknown: 1,
    });
  });

  it('can count completers only', () => {
    const rate = computePositiveExitRate(learners, 'exit', {
      ...DEFAULT_OUTCOME_MAPPING,
      denominator: 'completers',
    });
    expect(rate).toMatchObject({ denominator: 3, positive: 1 });
  });

  it('tells a follow-up never recorded from a learner recorded as not reached', () => {
    const rate = computePositiveExitRate(
      [...learners, { stage: 'completed' as const, situation: situation({ kind: 'unknown' }) }],
      'month_6',
    );
    expect(rate).toMatchObject({ denominator: 5, notRecorded: 1 });
    expect(rate.counts.unknown).toBe(2);
  });

  it('weighs a group of learners by its count, as the expanded list would', () => {
    const kinds = ['cdi', 'job_seeking', 'unknown', 'freelance', 'internship'] as const;
    const groupArb = fc.record({
      stage: fc.constantFrom('completed' as const, 'dropped_out' as const, 'enrolled' as const),
      kind: fc.option(fc.constantFrom(...kinds), { nil: null }),
      count: fc.integer({ min: 0, max: 5 }),
    });
    fc.assert(
      fc.property(fc.array(groupArb, { maxLength: 12 }), (groups) => {
        const grouped = groups.map((group) => ({
          stage: group.stage,
          situation: group.kind ? situation({ kind: group.kind }) : null,
          count: group.count,
        }));
        const expanded = grouped.flatMap((group) =>
          Array.from({ length: group.count }, () => ({ stage: group.stage, situation: group.situation })),
        );
        const fromGroups = computePositiveExitRate(grouped, 'exit');
        expect(fromGroups).toEqual(computePositiveExitRate(expanded, 'exit'));
        expect(fromGroups.notRecorded).toBeLessThanOrEqual(fromGroups.counts.unknown);
        expect(Object.values(fromGroups.counts).reduce((a, b) => a + b, 0)).toBe(fromGroups.denominator);
      }),
    );
  });

  it('has no rate when nobody left', () => {
    expect(computePositiveExitRate([], 'exit')).toMatchObject({
      denominator: 0,
      rate: null,
      unknownShare: null,
    });
  });
});
