import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../calendar/calendar.ts';
import {
  computeFollowUpSchedule,
  computeFollowUpStatus,
  listDueFollowUps,
  overdueBefore,
  situationOfPlacement,
  situationWithoutPlacement,
} from './follow-up.ts';

describe('follow-up schedule', () => {
  it('dates the milestones from the session end', () => {
    expect(computeFollowUpSchedule('2027-03-05')).toEqual([
      { milestone: 'exit', dueOn: '2027-03-05' },
      { milestone: 'month_3', dueOn: '2027-06-05' },
      { milestone: 'month_6', dueOn: '2027-09-05' },
      { milestone: 'month_12', dueOn: '2028-03-05' },
    ]);
  });

  it('rolls a missing day over to the 1st', () => {
    expect(computeFollowUpSchedule('2026-08-31').map((due) => due.dueOn)).toEqual([
      '2026-08-31',
      '2026-12-01',
      '2027-03-01',
      '2027-08-31',
    ]);
  });

  it('lists what is due and not yet recorded', () => {
    const due = listDueFollowUps({ sessionEndDate: '2027-03-05', recorded: ['exit'], today: '2027-06-05' });
    expect(due).toEqual([{ milestone: 'month_3', dueOn: '2027-06-05' }]);
    expect(listDueFollowUps({ sessionEndDate: '2027-03-05', recorded: [], today: '2027-03-04' })).toEqual([]);
  });
});

describe('follow-up status and situation', () => {
  it('is upcoming before its date, due for 30 days, overdue after', () => {
    const status = (today: string, isRecorded = false) =>
      computeFollowUpStatus({ dueOn: '2027-03-05', isRecorded, today });
    expect(status('2027-03-04')).toBe('upcoming');
    expect(status('2027-03-05')).toBe('due');
    expect(status('2027-04-04')).toBe('due');
    expect(status('2027-04-05')).toBe('overdue');
    expect(status('2027-04-05', true)).toBe('recorded');
    expect(overdueBefore('2027-04-04')).toBe('2027-03-05');
  });

  it('agrees with overdueBefore on every day (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 800 }), fc.integer({ min: 0, max: 800 }), (a, b) => {
        const dueOn = addDays('2026-01-01', a);
        const today = addDays('2026-01-01', b);
        const status = computeFollowUpStatus({ dueOn, isRecorded: false, today });
        expect(status === 'overdue').toBe(dueOn < overdueBefore(today));
        expect(status === 'upcoming').toBe(dueOn > today);
      }),
    );
  });

  it('dates 29 February and month ends without losing a day', () => {
    expect(computeFollowUpSchedule('2028-02-29').map((due) => due.dueOn)).toEqual([
      '2028-02-29',
      '2028-05-29',
      '2028-08-29',
      '2029-03-01',
    ]);
    expect(computeFollowUpSchedule('2027-11-30').map((due) => due.dueOn)).toEqual([
      '2027-11-30',
      '2028-03-01',
      '2028-05-30',
      '2028-11-30',
    ]);
  });

  it('copies what the positive-exit mapping reads from the placement', () => {
    expect(
      situationOfPlacement({
        kind: 'internship',
        durationMonths: 6,
        hasHiringPromise: true,
        isQualifyingTraining: true,
      }),
    ).toEqual({ kind: 'internship', durationMonths: 6, hasHiringPromise: true, isQualifyingTraining: null });
    expect(situationWithoutPlacement('job_seeking')).toEqual({
      kind: 'job_seeking',
      durationMonths: null,
      hasHiringPromise: false,
      isQualifyingTraining: null,
    });
  });
});
