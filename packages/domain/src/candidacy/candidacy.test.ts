import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors.ts';
import {
  CANDIDACY_STAGES,
  type CandidacyStage,
  RejectionSchema,
  WITHDRAWAL_REASONS,
} from './candidacy.schema.ts';
import {
  assertCandidacyMove,
  type CandidacyMoveRequest,
  checkCandidacyMove,
  isDueForAutoClose,
  isEligibilityFrozen,
  isOpenStage,
  isPositiveWithdrawal,
  listCandidaciesToFlag,
} from './candidacy.ts';

const SELECTION: CandidacyStage[] = ['submitted', 'screening', 'info_session', 'assessment', 'interview'];
const BEFORE_ENROLLED: CandidacyStage[] = [...SELECTION, 'waitlisted', 'admitted'];

/** domain.md's diagram restated independently of the table under test. */
function isAllowedBySpec(from: CandidacyStage, to: CandidacyStage): boolean {
  if (BEFORE_ENROLLED.includes(from) && (to === 'rejected' || to === 'withdrawn')) return true;
  if (SELECTION.includes(from)) {
    return (
      (SELECTION.includes(to) && SELECTION.indexOf(to) > SELECTION.indexOf(from)) ||
      to === 'waitlisted' ||
      to === 'admitted'
    );
  }
  if (from === 'waitlisted') return to === 'admitted';
  if (from === 'admitted') return to === 'enrolled';
  if (from === 'enrolled') return to === 'completed' || to === 'dropped_out';
  if (from === 'rejected' || from === 'withdrawn') return to === 'screening' || to === 'waitlisted';
  return false;
}

/** A request carrying whatever the target stage needs, so that only the table decides. */
function completeRequest(from: CandidacyStage, to: CandidacyStage): CandidacyMoveRequest {
  return {
    from,
    to,
    rejection: { reason: 'motivation', isSharedWithCandidate: false },
    withdrawalReason: 'personal',
    comment: 'changed situation',
    places: { capacity: 10, admittedOrEnrolled: 0 },
  };
}

const PAIRS = CANDIDACY_STAGES.flatMap((from) => CANDIDACY_STAGES.map((to) => [from, to] as const));

describe('candidacy stage machine', () => {
  it.each(PAIRS.filter(([from, to]) => isAllowedBySpec(from, to)))('allows %s → %s', (from, to) => {
    expect(checkCandidacyMove(completeRequest(from, to))).toEqual({ allowed: true });
  });

  it.each(PAIRS.filter(([from, to]) => !isAllowedBySpec(from, to)))('refuses %s → %s', (from, to) => {
    const check = checkCandidacyMove(completeRequest(from, to));
    expect(check.allowed).toBe(false);
    const expected =
      from === to
        ? 'same_stage'
        : ['completed', 'dropped_out'].includes(from)
          ? 'final_stage'
          : 'move_not_allowed';
    expect(check).toEqual({ allowed: false, refusal: expected });
  });

  it('requires a rejection reason, and a comment for `other`', () => {
    expect(checkCandidacyMove({ from: 'screening', to: 'rejected' })).toEqual({
      allowed: false,
      refusal: 'rejection_reason_required',
    });
    expect(
      checkCandidacyMove({
        from: 'screening',
        to: 'rejected',
        rejection: { reason: 'other', comment: '  ', isSharedWithCandidate: false },
      }),
    ).toEqual({ allowed: false, refusal: 'comment_required' });
    expect(
      checkCandidacyMove({
        from: 'screening',
        to: 'rejected',
        rejection: { reason: 'other', comment: 'moved away', isSharedWithCandidate: true },
      }),
    ).toEqual({ allowed: true });
    expect(RejectionSchema.safeParse({ reason: 'other' }).success).toBe(false);
    expect(RejectionSchema.parse({ reason: 'no_show' }).isSharedWithCandidate).toBe(false);
  });

  it('requires a withdrawal reason', () => {
    expect(checkCandidacyMove({ from: 'interview', to: 'withdrawn' })).toEqual({
      allowed: false,
      refusal: 'withdrawal_reason_required',
    });
  });

  it('requires a reason to reopen', () => {
    expect(checkCandidacyMove({ from: 'rejected', to: 'screening' })).toEqual({
      allowed: false,
      refusal: 'reopen_reason_required',
    });
    expect(checkCandidacyMove({ from: 'withdrawn', to: 'waitlisted', comment: ' ' })).toEqual({
      allowed: false,
      refusal: 'reopen_reason_required',
    });
    expect(checkCandidacyMove({ from: 'withdrawn', to: 'waitlisted', comment: 'mistake' })).toEqual({
      allowed: true,
    });
  });

  it('refuses to admit beyond capacity', () => {
    const admit = (admittedOrEnrolled: number) =>
      checkCandidacyMove({
        from: 'waitlisted',
        to: 'admitted',
        places: { capacity: 12, admittedOrEnrolled },
      });
    expect(admit(11)).toEqual({ allowed: true });
    expect(admit(12)).toEqual({ allowed: false, refusal: 'session_full' });
    expect(checkCandidacyMove({ from: 'interview', to: 'admitted' })).toEqual({
      allowed: false,
      refusal: 'session_full',
    });
  });

  it('throws 409 for a full session and 422 for other refusals', () => {
    const full = () =>
      assertCandidacyMove({
        from: 'interview',
        to: 'admitted',
        places: { capacity: 1, admittedOrEnrolled: 1 },
      });
    expect(full).toThrow(DomainError);
    expect(() => full()).toThrowError(expect.objectContaining({ code: 'conflict', detail: 'session_full' }));
    expect(() => assertCandidacyMove({ from: 'completed', to: 'enrolled' })).toThrowError(
      expect.objectContaining({ code: 'rule_violated', detail: 'final_stage' }),
    );
    expect(() => assertCandidacyMove({ from: 'admitted', to: 'enrolled' })).not.toThrow();
  });
});

describe('candidacy helpers', () => {
  it('tells open stages and frozen evaluations', () => {
    expect(CANDIDACY_STAGES.filter(isOpenStage)).toEqual([...SELECTION, 'waitlisted', 'admitted']);
    expect(CANDIDACY_STAGES.filter(isEligibilityFrozen)).toEqual([
      'admitted',
      'enrolled',
      'completed',
      'dropped_out',
      'rejected',
    ]);
  });

  it('counts found_job and found_training as positive withdrawals', () => {
    expect(WITHDRAWAL_REASONS.filter(isPositiveWithdrawal)).toEqual(['found_job', 'found_training']);
  });

  it('auto-closes submitted and screening candidacies after the configured days', () => {
    const session = { applicationClosesOn: '2026-06-30', autoCloseAfterDays: 15 };
    expect(isDueForAutoClose('submitted', session, '2026-07-15')).toBe(false);
    expect(isDueForAutoClose('submitted', session, '2026-07-16')).toBe(true);
    expect(isDueForAutoClose('screening', session, '2026-08-01')).toBe(true);
    expect(isDueForAutoClose('interview', session, '2026-08-01')).toBe(false);
  });

  it('flags the other open candidacies when one is enrolled', () => {
    const candidacies = [
      { id: 'a', stage: 'enrolled' as const },
      { id: 'b', stage: 'interview' as const },
      { id: 'c', stage: 'rejected' as const },
      { id: 'd', stage: 'waitlisted' as const },
    ];
    expect(listCandidaciesToFlag(candidacies, 'a').map((c) => c.id)).toEqual(['b', 'd']);
  });
});
