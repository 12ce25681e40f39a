import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CreateScorecardSchema,
  ScorecardSchema,
  ScoreSchema,
  sumScores,
  UpdateScorecardSchema,
} from './scorecard.schema.ts';

const CANDIDACY_ID = '019ac1f2-7b3e-7c41-9a55-2f1e8d0c4b7a';
const EVALUATOR_ID = '019ac1f2-7b3e-7c41-9a55-2f1e8d0c4b7b';

function messagesOf(result: { error?: { issues: { path: PropertyKey[]; message: string }[] } | undefined }) {
  return result.error?.issues.map((issue) => [issue.path, issue.message]);
}

describe('ScoreSchema', () => {
  it('trims the item and the comment', () => {
    expect(ScoreSchema.parse({ item: '  motivation ', score: 3, maxScore: 5, comment: ' clear ' })).toEqual({
      item: 'motivation',
      score: 3,
      maxScore: 5,
      comment: 'clear',
    });
  });

  it('accepts a score equal to the maximum and refuses one above it', () => {
    expect(ScoreSchema.safeParse({ item: 'logic', score: 5, maxScore: 5 }).success).toBe(true);
    expect(messagesOf(ScoreSchema.safeParse({ item: 'logic', score: 5.5, maxScore: 5 }))).toEqual([
      [['score'], 'scorecard.score_above_max'],
    ]);
  });

  it('refuses a negative score, a maximum of zero and a blank item', () => {
    expect(ScoreSchema.safeParse({ item: 'logic', score: -1, maxScore: 5 }).error?.issues[0]?.path).toEqual([
      'score',
    ]);
    expect(ScoreSchema.safeParse({ item: 'logic', score: 0, maxScore: 0 }).error?.issues[0]?.path).toEqual([
      'maxScore',
    ]);
    expect(ScoreSchema.safeParse({ item: '   ', score: 1, maxScore: 5 }).error?.issues[0]?.path).toEqual([
      'item',
    ]);
  });

  it('accepts a score exactly when it lies between 0 and the maximum', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -10, max: 110, noNaN: true }),
        fc.double({ min: Number.MIN_VALUE, max: 100, noNaN: true }),
        (score, maxScore) => {
          const valid = score >= 0 && score <= maxScore;
          expect(ScoreSchema.safeParse({ item: 'x', score, maxScore }).success).toBe(valid);
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('CreateScorecardSchema', () => {
  const scorecard = {
    candidacyId: CANDIDACY_ID,
    step: 'assessment',
    scores: [
      { item: 'logic', score: 12, maxScore: 20 },
      { item: 'motivation', score: 4, maxScore: 5 },
    ],
    recommendation: 'waitlist',
  };

  it('defaults the comment to null', () => {
    expect(CreateScorecardSchema.parse(scorecard).comment).toBeNull();
    expect(CreateScorecardSchema.parse({ ...scorecard, comment: ' fine ' }).comment).toBe('fine');
  });

  it('reports a score above its maximum at its index', () => {
    const scores = [scorecard.scores[0], { item: 'motivation', score: 6, maxScore: 5 }];
    expect(messagesOf(CreateScorecardSchema.safeParse({ ...scorecard, scores }))).toEqual([
      [['scores', 1, 'score'], 'scorecard.score_above_max'],
    ]);
  });

  it('needs between 1 and 30 scores, a known step and a known recommendation', () => {
    const score = { item: 'x', score: 1, maxScore: 1 };
    expect(CreateScorecardSchema.safeParse({ ...scorecard, scores: [] }).success).toBe(false);
    expect(CreateScorecardSchema.safeParse({ ...scorecard, scores: Array(30).fill(score) }).success).toBe(
      true,
    );
    expect(CreateScorecardSchema.safeParse({ ...scorecard, scores: Array(31).fill(score) }).success).toBe(
      false,
    );
    expect(CreateScorecardSchema.safeParse({ ...scorecard, step: 'trial' }).success).toBe(false);
    expect(CreateScorecardSchema.safeParse({ ...scorecard, recommendation: 'hire' }).success).toBe(false);
  });
});

describe('UpdateScorecardSchema', () => {
  it('accepts a partial update and drops the candidacy and the step, which cannot change', () => {
    const parsed = UpdateScorecardSchema.parse({
      candidacyId: CANDIDACY_ID,
      step: 'interview',
      recommendation: 'admit',
      version: 2,
    });
    expect(parsed).toMatchObject({ recommendation: 'admit', version: 2 });
    expect(parsed).not.toHaveProperty('candidacyId');
    expect(parsed).not.toHaveProperty('step');
    expect(parsed).not.toHaveProperty('scores');
  });

  it('leaves an omitted comment out of the update, so the stored one is kept', () => {
    expect(UpdateScorecardSchema.parse({ recommendation: 'admit' })).toEqual({ recommendation: 'admit' });
  });

  it('still refuses a score above its maximum', () => {
    const scores = [{ item: 'logic', score: 21, maxScore: 20 }];
    expect(messagesOf(UpdateScorecardSchema.safeParse({ scores }))).toEqual([
      [['scores', 0, 'score'], 'scorecard.score_above_max'],
    ]);
  });
});

describe('sumScores', () => {
  it('is zero out of zero without scores', () => {
    expect(sumScores([])).toEqual({ total: 0, maxTotal: 0 });
  });

  it('adds the scores and their maxima', () => {
    expect(
      sumScores([
        { score: 12, maxScore: 20 },
        { score: 4, maxScore: 5 },
        { score: 0, maxScore: 3 },
      ]),
    ).toEqual({ total: 16, maxTotal: 28 });
  });

  it('never totals more than the maximum when every score is within its own', () => {
    const scoreArb = fc
      .tuple(fc.double({ min: 0, max: 1000, noNaN: true }), fc.double({ min: 0, max: 1000, noNaN: true }))
      .map(([a, b]) => ({ score: Math.min(a, b), maxScore: Math.max(a, b) }));
    fc.assert(
      fc.property(fc.array(scoreArb, { maxLength: 30 }), (scores) => {
        const { total, maxTotal } = sumScores(scores);
        expect(total).toBeGreaterThanOrEqual(0);
        expect(total).toBeLessThanOrEqual(maxTotal);
      }),
      { numRuns: 100 },
    );
  });

  it('sums a concatenation as the sum of its parts', () => {
    const scoreArb = fc.record({ score: fc.nat(100), maxScore: fc.integer({ min: 1, max: 100 }) });
    fc.assert(
      fc.property(
        fc.array(scoreArb, { maxLength: 15 }),
        fc.array(scoreArb, { maxLength: 15 }),
        (left, right) => {
          const a = sumScores(left);
          const b = sumScores(right);
          expect(sumScores([...left, ...right])).toEqual({
            total: a.total + b.total,
            maxTotal: a.maxTotal + b.maxTotal,
          });
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('ScorecardSchema', () => {
  it('describes a stored scorecard with its totals', () => {
    const scores = [
      { item: 'logic', score: 12, maxScore: 20 },
      { item: 'motivation', score: 4, maxScore: 5 },
    ];
    const stored = {
      id: EVALUATOR_ID,
      candidacyId: CANDIDACY_ID,
      step: 'interview',
      scores,
      ...sumScores(scores),
      recommendation: 'admit',
      comment: null,
      evaluatorId: EVALUATOR_ID,
      evaluatedAt: '2026-02-01T09:30:00.000Z',
      version: 1,
    };
    expect(ScorecardSchema.parse(stored)).toEqual({ ...stored, total: 16, maxTotal: 25 });
    expect(ScorecardSchema.safeParse({ ...stored, evaluatedAt: '2026-02-01 09:30' }).success).toBe(false);
  });
});
