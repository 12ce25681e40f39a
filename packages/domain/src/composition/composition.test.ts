import { describe, expect, it } from 'vitest';
import type { CandidacyStage } from '../candidacy/candidacy.schema.ts';
import { type CompositionMember, computeComposition } from './composition.ts';

function member(stage: CandidacyStage, criteria: CompositionMember['criteria']): CompositionMember {
  return { stage, criteria };
}

describe('computeComposition', () => {
  const members = [
    member('enrolled', { woman: 'met', low_qualification: 'met' }),
    member('enrolled', { woman: 'not_met', low_qualification: 'met' }),
    member('admitted', { woman: 'not_met', low_qualification: 'not_met', qpv_resident: 'unknown' }),
    member('admitted', { woman: 'not_met', low_qualification: 'not_met', qpv_resident: 'not_met' }),
    member('interview', { woman: 'met', low_qualification: 'not_met' }),
    member('waitlisted', { woman: 'met', low_qualification: 'not_met' }),
    member('screening', { woman: 'met' }),
    member('rejected', { woman: 'met' }),
  ];

  it('counts and shares among the cohort and the projection, unknowns apart', () => {
    const composition = computeComposition(members, [], ['woman', 'qpv_resident']);
    expect(composition.current.woman).toEqual({ count: 1, unknown: 0, size: 4, share: 0.25 });
    expect(composition.projected.woman).toEqual({ count: 3, unknown: 0, size: 6, share: 0.5 });
    expect(composition.current.qpv_resident).toMatchObject({ count: 0, unknown: 3 });
  });

  it('says met, at risk or missed for each target', () => {
    const targets = [
      { criterion: 'woman' as const, minShare: 0.3 },
      { criterion: 'low_qualification' as const, minShare: 0.5 },
      { criterion: 'qpv_resident' as const, minShare: 0.2 },
      { criterion: 'any_priority' as const, minShare: 0.8 },
    ];
    const statuses = computeComposition(members, targets, []).targets.map((t) => t.status);
    expect(statuses).toEqual(['at_risk', 'at_risk', 'missed', 'missed']);
    const met = computeComposition(members, [{ criterion: 'woman', minShare: 0.25 }], []).targets[0]?.status;
    expect(met).toBe('met');
  });

  it('counts any priority criterion met, and is at risk while the cohort is empty', () => {
    const composition = computeComposition(
      [member('interview', {}), member('interview', { woman: 'not_met' })],
      [{ criterion: 'any_priority', minShare: 0.8 }],
      [],
    );
    expect(composition.targets[0]?.status).toBe('at_risk');
    expect(composition.projected.any_priority).toMatchObject({ count: 0, unknown: 1, size: 2 });
  });
});
