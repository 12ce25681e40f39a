import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CANDIDACY_STAGES } from '../candidacy/candidacy.schema.ts';
import { FUNNEL_STEPS, ReportQuerySchema } from './report.schema.ts';
import { computeFunnel, STAGE_RANKS } from './report.ts';

describe('computeFunnel', () => {
  it('counts each stage reached or passed, with conversion rates', () => {
    const steps = computeFunnel([
      { furthestRank: STAGE_RANKS.submitted, isEligible: false, isPositiveExit: false, count: 4 },
      { furthestRank: STAGE_RANKS.interview, isEligible: true, isPositiveExit: false, count: 3 },
      { furthestRank: STAGE_RANKS.enrolled, isEligible: true, isPositiveExit: false, count: 1 },
      { furthestRank: STAGE_RANKS.completed, isEligible: true, isPositiveExit: true, count: 2 },
    ]);
    const byStep = Object.fromEntries(steps.map((step) => [step.step, step]));
    expect(steps.map((step) => step.count)).toEqual([10, 6, 6, 6, 6, 6, 3, 3, 2, 2]);
    expect(byStep.applications).toMatchObject({ rateFromPrevious: null, rateFromApplications: null });
    expect(byStep.eligible).toMatchObject({ rateFromPrevious: 0.6, rateFromApplications: 0.6 });
    expect(byStep.admitted).toMatchObject({ rateFromPrevious: 0.5, rateFromApplications: 0.3 });
    expect(byStep.positive_exit).toMatchObject({ rateFromPrevious: 1, rateFromApplications: 0.2 });
  });

  it('has no rates on an empty funnel', () => {
    const steps = computeFunnel([]);
    expect(steps.map((step) => step.step)).toEqual([...FUNNEL_STEPS]);
    expect(steps.every((step) => step.count === 0 && step.rateFromApplications === null)).toBe(true);
  });

  it('never grows along the selection path, whatever the groups', () => {
    const groupArb = fc.record({
      furthestRank: fc.constantFrom(...CANDIDACY_STAGES.map((stage) => STAGE_RANKS[stage])),
      isEligible: fc.boolean(),
      isPositiveExit: fc.boolean(),
      count: fc.integer({ min: 0, max: 50 }),
    });
    fc.assert(
      fc.property(fc.array(groupArb, { maxLength: 20 }), (groups) => {
        const counts = computeFunnel(groups).map((step) => step.count);
        const path = counts.slice(2, 9);
        for (let index = 1; index < path.length; index += 1) {
          expect(path[index]).toBeLessThanOrEqual(path[index - 1] ?? 0);
        }
        expect(counts[0]).toBe(groups.reduce((sum, group) => sum + group.count, 0));
        for (const count of counts) expect(count).toBeLessThanOrEqual(counts[0] ?? 0);
      }),
    );
  });
});

describe('ReportQuerySchema', () => {
  it('refuses a period that ends before it starts', () => {
    const result = ReportQuerySchema.safeParse({ from: '2026-06-01', to: '2026-01-01' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: ['to'], message: 'report.period_reversed' });
    expect(ReportQuerySchema.safeParse({ from: '2026-01-01', to: '2026-01-01' }).success).toBe(true);
    expect(ReportQuerySchema.safeParse({ from: '2026-13-01' }).success).toBe(false);
  });
});
