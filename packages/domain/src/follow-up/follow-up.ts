import { addMonths, compareCalendarDates } from '../calendar/calendar.ts';
import { MILESTONES, type Milestone } from './follow-up.schema.ts';

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
