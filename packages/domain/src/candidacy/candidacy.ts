import { addDays, compareCalendarDates } from '../calendar/calendar.ts';
import type { MoveCheck } from '../session/session.ts';
import { DomainError } from '../shared/errors.ts';
import type { CandidacyStage, Rejection, WithdrawalReason } from './candidacy.schema.ts';

/**
 * The one table of allowed moves. Forward moves may skip selection steps (a session may have no
 * test); from rejected or withdrawn, the only moves are the reopenings.
 */
export const CANDIDACY_MOVES: Readonly<Record<CandidacyStage, readonly CandidacyStage[]>> = {
  submitted: [
    'screening',
    'info_session',
    'assessment',
    'interview',
    'waitlisted',
    'admitted',
    'rejected',
    'withdrawn',
  ],
  screening: ['info_session', 'assessment', 'interview', 'waitlisted', 'admitted', 'rejected', 'withdrawn'],
  info_session: ['assessment', 'interview', 'waitlisted', 'admitted', 'rejected', 'withdrawn'],
  assessment: ['interview', 'waitlisted', 'admitted', 'rejected', 'withdrawn'],
  interview: ['waitlisted', 'admitted', 'rejected', 'withdrawn'],
  waitlisted: ['admitted', 'rejected', 'withdrawn'],
  admitted: ['enrolled', 'rejected', 'withdrawn'],
  enrolled: ['completed', 'dropped_out'],
  completed: [],
  dropped_out: [],
  rejected: ['screening', 'waitlisted'],
  withdrawn: ['screening', 'waitlisted'],
};

export const CANDIDACY_MOVE_REFUSALS = [
  'same_stage',
  'final_stage',
  'move_not_allowed',
  'rejection_reason_required',
  'comment_required',
  'withdrawal_reason_required',
  'reopen_reason_required',
  'session_full',
] as const;
export type CandidacyMoveRefusal = (typeof CANDIDACY_MOVE_REFUSALS)[number];

export interface CandidacyMoveRequest {
  from: CandidacyStage;
  to: CandidacyStage;
  rejection?: Rejection | undefined;
  withdrawalReason?: WithdrawalReason | undefined;
  comment?: string | undefined;
  /** Needed to admit: the session's places and its admitted + enrolled candidacies. */
  places?: { capacity: number; admittedOrEnrolled: number } | undefined;
}

export function isReopening(from: CandidacyStage, to: CandidacyStage): boolean {
  return (from === 'rejected' || from === 'withdrawn') && (to === 'screening' || to === 'waitlisted');
}

/** Whether the move is allowed, and why not. The capacity check must run under a lock in the API. */
export function checkCandidacyMove(request: CandidacyMoveRequest): MoveCheck<CandidacyMoveRefusal> {
  const { from, to } = request;
  if (from === to) return refuse('same_stage');
  const allowed = CANDIDACY_MOVES[from];
  if (allowed.length === 0) return refuse('final_stage');
  if (!allowed.includes(to)) return refuse('move_not_allowed');
  if (to === 'rejected') {
    if (!request.rejection) return refuse('rejection_reason_required');
    if (request.rejection.reason === 'other' && !request.rejection.comment?.trim())
      return refuse('comment_required');
  }
  if (to === 'withdrawn' && !request.withdrawalReason) return refuse('withdrawal_reason_required');
  if (isReopening(from, to) && !request.comment?.trim()) return refuse('reopen_reason_required');
  if (to === 'admitted') {
    const places = request.places;
    if (!places || places.admittedOrEnrolled + 1 > places.capacity) return refuse('session_full');
  }
  return { allowed: true };
}

function refuse(refusal: CandidacyMoveRefusal): MoveCheck<CandidacyMoveRefusal> {
  return { allowed: false, refusal };
}

/** Throws the DomainError the API maps to HTTP: 409 when the session is full, 422 otherwise. */
export function assertCandidacyMove(request: CandidacyMoveRequest): void {
  const check = checkCandidacyMove(request);
  if (check.allowed) return;
  throw new DomainError(check.refusal === 'session_full' ? 'conflict' : 'rule_violated', check.refusal);
}

/** Still in the running: neither decided against nor finished. */
export function isOpenStage(stage: CandidacyStage): boolean {
  return !['enrolled', 'completed', 'dropped_out', 'rejected', 'withdrawn'].includes(stage);
}

/** The evaluation is frozen once a decision is taken (admitted, rejected, and every stage after). */
export function isEligibilityFrozen(stage: CandidacyStage): boolean {
  return ['admitted', 'enrolled', 'completed', 'dropped_out', 'rejected'].includes(stage);
}

export function isPositiveWithdrawal(reason: WithdrawalReason): boolean {
  return reason === 'found_job' || reason === 'found_training';
}

/** Candidacies left in submitted or screening are closed `autoCloseAfterDays` after the window closes. */
export function isDueForAutoClose(
  stage: CandidacyStage,
  session: { applicationClosesOn: string; autoCloseAfterDays: number },
  today: string,
): boolean {
  if (stage !== 'submitted' && stage !== 'screening') return false;
  return compareCalendarDates(today, addDays(session.applicationClosesOn, session.autoCloseAfterDays)) > 0;
}

/** When a candidate enrols, their other open candidacies are flagged to their coordinators, not rejected. */
export function listCandidaciesToFlag<T extends { id: string; stage: CandidacyStage }>(
  candidaciesOfCandidate: readonly T[],
  enrolledCandidacyId: string,
): T[] {
  return candidaciesOfCandidate.filter(
    (candidacy) => candidacy.id !== enrolledCandidacyId && isOpenStage(candidacy.stage),
  );
}
