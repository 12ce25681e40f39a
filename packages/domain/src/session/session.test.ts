import { describe, expect, it } from 'vitest';
import { CreateSessionSchema, SESSION_STATUSES, type SessionStatus } from './session.schema.ts';
import { checkSessionStatusMove, isAcceptingApplications } from './session.ts';

const ORDER: SessionStatus[] = ['draft', 'recruiting', 'selection', 'in_progress', 'completed', 'archived'];

function isAllowedBySpec(from: SessionStatus, to: SessionStatus): boolean {
  if (to === 'cancelled') return ['draft', 'recruiting', 'selection'].includes(from);
  return ORDER.includes(from) && ORDER.indexOf(to) === ORDER.indexOf(from) + 1;
}

const PAIRS = SESSION_STATUSES.flatMap((from) => SESSION_STATUSES.map((to) => [from, to] as const));

describe('session status machine', () => {
  it.each(PAIRS.filter(([from, to]) => isAllowedBySpec(from, to)))('allows %s → %s', (from, to) => {
    expect(checkSessionStatusMove(from, to)).toEqual({ allowed: true });
  });

  it.each(PAIRS.filter(([from, to]) => !isAllowedBySpec(from, to)))('refuses %s → %s', (from, to) => {
    const refusal =
      from === to
        ? 'same_status'
        : from === 'archived' || from === 'cancelled'
          ? 'final_status'
          : 'move_not_allowed';
    expect(checkSessionStatusMove(from, to)).toEqual({ allowed: false, refusal });
  });
});

describe('isAcceptingApplications', () => {
  const session = {
    status: 'recruiting' as const,
    applicationOpensOn: '2026-05-01',
    applicationClosesOn: '2026-06-30',
  };

  it('accepts inside the window, both ends included, only while recruiting', () => {
    expect(isAcceptingApplications(session, '2026-04-30')).toBe(false);
    expect(isAcceptingApplications(session, '2026-05-01')).toBe(true);
    expect(isAcceptingApplications(session, '2026-06-30')).toBe(true);
    expect(isAcceptingApplications(session, '2026-07-01')).toBe(false);
    expect(isAcceptingApplications({ ...session, status: 'selection' }, '2026-06-01')).toBe(false);
  });
});

describe('CreateSessionSchema', () => {
  const base = {
    fabriqueId: '019ac1f2-7b3e-7c41-9a55-2f1e8d0c4b7a',
    programId: '019ac1f2-7b3e-7c41-9a55-2f1e8d0c4b7b',
    eligibilityPolicyId: '019ac1f2-7b3e-7c41-9a55-2f1e8d0c4b7c',
    name: 'Roubaix 2026',
    applicationOpensOn: '2026-05-01',
    applicationClosesOn: '2026-06-30',
    startDate: '2026-09-07',
    endDate: '2027-03-05',
    capacity: 24,
    targets: [
      { criterion: 'woman', minShare: 0.3 },
      { criterion: 'any_priority', minShare: 0.8 },
    ],
  };

  it('accepts consistent dates and fills defaults', () => {
    const parsed = CreateSessionSchema.parse(base);
    expect(parsed.autoCloseAfterDays).toBe(30);
    expect(parsed.trainerIds).toEqual([]);
  });

  it('refuses inverted dates and windows', () => {
    const messages = (input: object) =>
      CreateSessionSchema.safeParse({ ...base, ...input }).error?.issues.map((i) => i.message);
    expect(messages({ endDate: '2026-09-01' })).toEqual(['session.dates_inverted']);
    expect(messages({ applicationClosesOn: '2026-04-01' })).toEqual(['session.window_inverted']);
    expect(messages({ applicationOpensOn: '2026-10-01', applicationClosesOn: '2026-10-02' })).toEqual([
      'session.window_after_start',
    ]);
  });
});
