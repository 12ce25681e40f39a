import { describe, expect, it } from 'vitest';
import { computeFollowUpSchedule, listDueFollowUps } from './follow-up.ts';

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
