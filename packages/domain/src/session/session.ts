import { compareCalendarDates } from '../calendar/calendar.ts';
import type { SessionStatus } from './session.schema.ts';

/** The one table of allowed status changes; cancelling is possible until the training starts. */
export const SESSION_STATUS_MOVES: Readonly<Record<SessionStatus, readonly SessionStatus[]>> = {
  draft: ['recruiting', 'cancelled'],
  recruiting: ['selection', 'cancelled'],
  selection: ['in_progress', 'cancelled'],
  in_progress: ['completed'],
  completed: ['archived'],
  archived: [],
  cancelled: [],
};

export type SessionMoveRefusal = 'same_status' | 'final_status' | 'move_not_allowed';

export type MoveCheck<Refusal extends string> = { allowed: true } | { allowed: false; refusal: Refusal };

export function checkSessionStatusMove(
  from: SessionStatus,
  to: SessionStatus,
): MoveCheck<SessionMoveRefusal> {
  if (from === to) return { allowed: false, refusal: 'same_status' };
  const allowed = SESSION_STATUS_MOVES[from];
  if (allowed.length === 0) return { allowed: false, refusal: 'final_status' };
  return allowed.includes(to) ? { allowed: true } : { allowed: false, refusal: 'move_not_allowed' };
}

/** Public applications: only while recruiting, from the opening day to the closing day included. */
export function isAcceptingApplications(
  session: { status: SessionStatus; applicationOpensOn: string; applicationClosesOn: string },
  today: string,
): boolean {
  return (
    session.status === 'recruiting' &&
    compareCalendarDates(today, session.applicationOpensOn) >= 0 &&
    compareCalendarDates(today, session.applicationClosesOn) <= 0
  );
}
