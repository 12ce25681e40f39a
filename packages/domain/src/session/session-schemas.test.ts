import { describe, expect, it } from 'vitest';
import { EligibilityRulesSchema } from '../eligibility/eligibility.schema.ts';
import { PAGE_LIMIT_DEFAULT, PAGE_LIMIT_MAX } from '../shared/common.schema.ts';
import { PublicSessionSchema } from './public-session.schema.ts';
import { CriterionCountSchema, SessionCompositionSchema } from './session-composition.schema.ts';
import { PublicSessionQuerySchema, SessionListQuerySchema } from './session-query.schema.ts';

const ID = '019ac1f2-7b3e-7c41-9a55-2f1e8d0c4b7a';

describe('SessionListQuerySchema', () => {
  it('defaults the page size and coerces it from the query string', () => {
    expect(SessionListQuerySchema.parse({})).toEqual({ limit: PAGE_LIMIT_DEFAULT });
    expect(SessionListQuerySchema.parse({ limit: String(PAGE_LIMIT_MAX) }).limit).toBe(PAGE_LIMIT_MAX);
  });

  it('keeps the filters', () => {
    const query = {
      fabriqueId: ID,
      programId: ID,
      status: 'recruiting',
      from: '2026-01-01',
      to: '2026-12-31',
    };
    expect(SessionListQuerySchema.parse(query)).toEqual({ ...query, limit: PAGE_LIMIT_DEFAULT });
  });

  it.each([
    [{ limit: String(PAGE_LIMIT_MAX + 1) }, 'limit'],
    [{ cursor: '' }, 'cursor'],
    [{ status: 'open' }, 'status'],
    [{ from: '2026-02-30' }, 'from'],
    [{ to: '2026-01-01T00:00:00.000Z' }, 'to'],
    [{ fabriqueId: 'roubaix' }, 'fabriqueId'],
  ])('refuses %j', (query, path) => {
    expect(SessionListQuerySchema.safeParse(query).error?.issues.map((issue) => issue.path)).toEqual([
      [path],
    ]);
  });
});

describe('PublicSessionQuerySchema', () => {
  it('filters by fabrique and program only', () => {
    expect(PublicSessionQuerySchema.parse({ fabriqueId: ID, status: 'draft', limit: '10' })).toEqual({
      fabriqueId: ID,
      limit: 10,
    });
    expect(PublicSessionQuerySchema.safeParse({ programId: 'x' }).error?.issues[0]?.path).toEqual([
      'programId',
    ]);
  });
});

describe('PublicSessionSchema', () => {
  const example = PublicSessionSchema.meta()?.example as Record<string, unknown>;

  it('validates its documented example, whose rules are the defaults', () => {
    expect(PublicSessionSchema.parse(example)).toEqual(example);
    expect(PublicSessionSchema.parse(example).eligibility.rules).toEqual(EligibilityRulesSchema.parse({}));
  });

  it('refuses a negative number of places left and an unknown criterion', () => {
    expect(PublicSessionSchema.safeParse({ ...example, placesLeft: -1 }).error?.issues[0]?.path).toEqual([
      'placesLeft',
    ]);
    const eligibility = example.eligibility as { criteria: Record<string, unknown>[] };
    const criteria = [{ ...eligibility.criteria[0], code: 'tall' }];
    expect(
      PublicSessionSchema.safeParse({ ...example, eligibility: { ...eligibility, criteria } }).error
        ?.issues[0]?.path,
    ).toEqual(['eligibility', 'criteria', 0, 'code']);
  });
});

describe('SessionCompositionSchema', () => {
  const example = SessionCompositionSchema.meta()?.example as Record<string, unknown>;

  it('validates its documented example', () => {
    expect(SessionCompositionSchema.parse(example)).toEqual(example);
  });

  it('accepts any_priority as a criterion and a null share when nobody is counted', () => {
    const empty = { count: 0, unknown: 0, size: 0, share: null };
    const composition = {
      sessionId: ID,
      capacity: 12,
      cohortSize: 0,
      projectedSize: 0,
      criteria: [{ criterion: 'any_priority', current: empty, projected: empty }],
      targets: [
        { criterion: 'any_priority', minShare: 0.5, current: empty, projected: empty, status: 'missed' },
      ],
    };
    expect(SessionCompositionSchema.parse(composition)).toEqual(composition);
  });

  it('refuses a share outside 0–1, an unknown criterion and an unknown target status', () => {
    expect(CriterionCountSchema.safeParse({ count: 3, unknown: 0, size: 2, share: 1.5 }).success).toBe(false);
    expect(CriterionCountSchema.safeParse({ count: 0, unknown: 0, size: 2, share: -0.1 }).success).toBe(
      false,
    );
    const targets = example.targets as Record<string, unknown>[];
    for (const change of [{ criterion: 'tall' }, { status: 'close' }, { minShare: 2 }]) {
      const result = SessionCompositionSchema.safeParse({
        ...example,
        targets: [{ ...targets[0], ...change }],
      });
      expect(result.error?.issues[0]?.path).toEqual(['targets', 0, Object.keys(change)[0]]);
    }
  });
});
