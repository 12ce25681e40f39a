import { addDays, addMonths, compareCalendarDates } from '../calendar/calendar.ts';
import type { Placement } from '../placement/placement.schema.ts';
import { type FollowUpStatus, MILESTONES, type Milestone, type Situation } from './follow-up.schema.ts';

export const MILESTONE_MONTHS: Readonly<Record<Milestone, number>> = {
  exit: 0,
  month_3: 3,
  month_6: 6,
  month_12: 12,
};

export interface FollowUpDue {
  milestone: Milestone;
  dueOn: string;
}

/** Due dates from the session's end, in calendar months (a missing day rolls over to the 1st). */
export function computeFollowUpSchedule(sessionEndDate: string): FollowUpDue[] {
  return MILESTONES.map((milestone) => ({
    milestone,
    dueOn: addMonths(sessionEndDate, MILESTONE_MONTHS[milestone]),
  }));
}

/** The milestones due on `today` that have no follow-up yet: the coordinators' to-do. */
export function listDueFollowUps(options: {
  sessionEndDate: string;
  recorded: readonly Milestone[];
  today: string;
}): FollowUpDue[] {
  return computeFollowUpSchedule(options.sessionEndDate).filter(
    (due) => !options.recorded.includes(due.milestone) && compareCalendarDates(due.dueOn, options.today) <= 0,
  );
}

/** How long a follow-up stays "due" before it is "overdue". */
export const FOLLOW_UP_GRACE_DAYS = 30;

export function computeFollowUpStatus(followUp: {
  dueOn: string;
  isRecorded: boolean;
  today: string;
}): FollowUpStatus {
  if (followUp.isRecorded) return 'recorded';
  if (compareCalendarDates(followUp.dueOn, followUp.today) > 0) return 'upcoming';
  return compareCalendarDates(addDays(followUp.dueOn, FOLLOW_UP_GRACE_DAYS), followUp.today) < 0
    ? 'overdue'
    : 'due';
}

/** The last due date still "due" today: anything before it is overdue. */
export function overdueBefore(today: string): string {
  return addDays(today, -FOLLOW_UP_GRACE_DAYS);
}

/** The situation a placement makes: its kind and what the positive-exit mapping reads. */
export function situationOfPlacement(
  placement: Pick<Placement, 'kind' | 'durationMonths' | 'hasHiringPromise' | 'isQualifyingTraining'>,
): Situation {
  return {
    kind: placement.kind,
    durationMonths: placement.durationMonths,
    hasHiringPromise: placement.kind === 'internship' && placement.hasHiringPromise,
    isQualifyingTraining: placement.kind === 'further_training' ? placement.isQualifyingTraining : null,
  };
}

export function situationWithoutPlacement(kind: 'job_seeking' | 'inactive' | 'unknown'): Situation {
  return { kind, durationMonths: null, hasHiringPromise: false, isQualifyingTraining: null };
}
