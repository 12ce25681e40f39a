import { describe, expect, it } from 'vitest';
import { type CandidacyFigureInput, computeSessionFigures } from './session-figures';

const NOW = new Date('2026-11-26T12:00:00.000Z');
let sequence = 0;
function candidacy(overrides: Partial<CandidacyFigureInput>): CandidacyFigureInput {
  sequence += 1;
  return {
    id: `c${sequence}`,
    stage: 'submitted',
    submittedAt: '2026-11-25T10:00:00.000Z',
    stageChangedAt: '2026-11-25T10:00:00.000Z',
    candidate: { firstName: 'Léa', lastName: `N${sequence}` },
    ...overrides,
  };
}

describe('computeSessionFigures', () => {
  it('counts the week, the stages, the places taken and the candidacies stuck in a stage', () => {
    const figures = computeSessionFigures(
      [
        candidacy({}),
        candidacy({
          submittedAt: '2026-11-01T10:00:00.000Z',
          stage: 'screening',
          stageChangedAt: '2026-11-02T10:00:00.000Z',
        }),
        candidacy({ stage: 'admitted', stageChangedAt: '2026-09-01T10:00:00.000Z' }),
        candidacy({ stage: 'enrolled' }),
        candidacy({ stage: 'rejected', stageChangedAt: '2026-09-01T10:00:00.000Z' }),
        candidacy({ submittedAt: '2026-12-01T10:00:00.000Z' }),
      ],
      { now: NOW, stuckDays: 14 },
    );
    expect(figures.total).toBe(6);
    expect(figures.thisWeek).toBe(4);
    expect(figures.byStage).toMatchObject({
      submitted: 2,
      screening: 1,
      admitted: 1,
      enrolled: 1,
      rejected: 1,
    });
    expect(figures.placesTaken).toBe(2);
    // Admitted people wait for the start and rejected ones are done: neither is "stuck".
    expect(figures.stuck.map((entry) => [entry.stage, entry.days])).toEqual([['screening', 24]]);
  });
});
