import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calendarDateArb } from '../testing/arbitraries.ts';
import {
  addDays,
  addMonths,
  addYears,
  ageOn,
  compareCalendarDates,
  daysInMonth,
  formatCalendarDate,
  isCalendarDate,
  isLeapYear,
  monthsBetween,
  parseCalendarDate,
} from './calendar.ts';

describe('calendar dates', () => {
  it('knows leap years and month lengths', () => {
    expect([2000, 2024, 2028].map(isLeapYear)).toEqual([true, true, true]);
    expect([1900, 2025, 2100].map(isLeapYear)).toEqual([false, false, false]);
    expect([daysInMonth(2024, 2), daysInMonth(2025, 2), daysInMonth(2025, 4), daysInMonth(2025, 12)]).toEqual(
      [29, 28, 30, 31],
    );
  });

  it('accepts only real calendar dates', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2025-02-29')).toBe(false);
    expect(isCalendarDate('2025-13-01')).toBe(false);
    expect(isCalendarDate('2025-00-10')).toBe(false);
    expect(isCalendarDate('2025-1-01')).toBe(false);
    expect(() => parseCalendarDate('2025-02-30')).toThrow(RangeError);
  });

  it('parses and formats back', () => {
    fc.assert(
      fc.property(calendarDateArb, (date) => {
        expect(formatCalendarDate(parseCalendarDate(date))).toBe(date);
      }),
    );
  });

  it('compares as calendar order', () => {
    expect(compareCalendarDates('2025-01-31', '2025-02-01')).toBe(-1);
    expect(compareCalendarDates('2025-02-01', '2025-02-01')).toBe(0);
    expect(compareCalendarDates('2025-02-02', '2025-02-01')).toBe(1);
  });
});

describe('addMonths and addYears', () => {
  it('rolls a missing day over to the 1st of the next month (29 February rule)', () => {
    expect(addYears('2004-02-29', 1)).toBe('2005-03-01');
    expect(addYears('2004-02-29', 4)).toBe('2008-02-29');
    expect(addMonths('2025-01-31', 1)).toBe('2025-03-01');
    expect(addMonths('2025-10-31', 1)).toBe('2025-12-01');
    expect(addMonths('2025-12-31', 11)).toBe('2026-12-01');
    expect(addMonths('2025-08-31', 3)).toBe('2025-12-01');
    expect(addMonths('2025-11-15', 2)).toBe('2026-01-15');
    expect(addMonths('2025-03-15', -3)).toBe('2024-12-15');
  });

  it('adds days across months and years', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('is strictly increasing in the number of months', () => {
    fc.assert(
      fc.property(calendarDateArb, fc.integer({ min: -600, max: 600 }), (date, months) => {
        expect(compareCalendarDates(addMonths(date, months), addMonths(date, months + 1))).toBe(-1);
      }),
    );
  });
});

describe('monthsBetween and ageOn', () => {
  it('counts whole calendar months', () => {
    expect(monthsBetween('2025-09-07', '2026-09-06')).toBe(11);
    expect(monthsBetween('2025-09-07', '2026-09-07')).toBe(12);
    expect(monthsBetween('2025-01-31', '2025-02-28')).toBe(0);
    expect(monthsBetween('2025-01-31', '2025-03-01')).toBe(1);
    expect(monthsBetween('2026-09-07', '2026-08-07')).toBe(-1);
    expect(monthsBetween('2026-09-07', '2026-09-01')).toBe(-1);
  });

  it('turns a person born on 29 February a year older on 1 March in non-leap years', () => {
    expect(ageOn('2004-02-29', '2026-02-28')).toBe(21);
    expect(ageOn('2004-02-29', '2026-03-01')).toBe(22);
    expect(ageOn('2004-02-29', '2028-02-28')).toBe(23);
    expect(ageOn('2004-02-29', '2028-02-29')).toBe(24);
  });

  it('counts birthdays the day before, of and after', () => {
    expect(ageOn('2001-09-07', '2026-09-06')).toBe(24);
    expect(ageOn('2001-09-07', '2026-09-07')).toBe(25);
    expect(ageOn('2001-09-07', '2026-09-08')).toBe(25);
  });

  it('is the largest k with from + k months ≤ to', () => {
    fc.assert(
      fc.property(calendarDateArb, calendarDateArb, (from, to) => {
        const months = monthsBetween(from, to);
        expect(compareCalendarDates(addMonths(from, months), to)).toBeLessThanOrEqual(0);
        expect(compareCalendarDates(addMonths(from, months + 1), to)).toBe(1);
      }),
    );
  });

  it('gives age n on the n-th birthday and n − 1 the day before', () => {
    fc.assert(
      fc.property(calendarDateArb, fc.integer({ min: 1, max: 120 }), (birth, years) => {
        const birthday = addYears(birth, years);
        expect(ageOn(birth, birthday)).toBe(years);
        expect(ageOn(birth, addDays(birthday, -1))).toBe(years - 1);
      }),
    );
  });
});
