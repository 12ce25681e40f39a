/**
 * Calendar arithmetic on `YYYY-MM-DD` strings. Integer arithmetic only: no `Date`, so no time zone
 * can shift a birthday by a day.
 */

export interface CalendarParts {
  year: number;
  month: number;
  day: number;
}

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isCalendarDate(value: string): boolean {
  const match = CALENDAR_DATE.exec(value);
  if (!match) return false;
  const month = Number(match[2]);
  const day = Number(match[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(Number(match[1]), month);
}

export function parseCalendarDate(value: string): CalendarParts {
  if (!isCalendarDate(value)) throw new RangeError(`not a calendar date: ${value}`);
  return {
    year: Number(value.slice(0, 4)),
    month: Number(value.slice(5, 7)),
    day: Number(value.slice(8, 10)),
  };
}

export function formatCalendarDate({ year, month, day }: CalendarParts): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Negative when `a` is before `b`; ISO dates with four-digit years compare as strings. */
export function compareCalendarDates(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * `date` plus `months` calendar months. A day the target month lacks rolls over to the 1st of the
 * next month: French practice for ages (born on 29 February, one turns a year older on 1 March in
 * non-leap years), which domain.md extends to durations.
 */
export function addMonths(date: string, months: number): string {
  return formatCalendarDate(addMonthsToParts(parseCalendarDate(date), months));
}

function addMonthsToParts({ year, month, day }: CalendarParts, months: number): CalendarParts {
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  if (day <= daysInMonth(targetYear, targetMonth)) return { year: targetYear, month: targetMonth, day };
  return targetMonth === 12
    ? { year: targetYear + 1, month: 1, day: 1 }
    : { year: targetYear, month: targetMonth + 1, day: 1 };
}

function compareParts(a: CalendarParts, b: CalendarParts): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

export function addYears(date: string, years: number): string {
  return addMonths(date, years * 12);
}

export function addDays(date: string, days: number): string {
  const { year, month, day } = parseCalendarDate(date);
  const utc = new Date(Date.UTC(year, month - 1, day + days));
  return formatCalendarDate({
    year: utc.getUTCFullYear(),
    month: utc.getUTCMonth() + 1,
    day: utc.getUTCDate(),
  });
}

/**
 * The whole calendar months from `from` to `to`: the largest `k` with `from + k months ≤ to`
 * (negative, the smallest in absolute value, when `to` is before `from`).
 */
export function monthsBetween(from: string, to: string): number {
  const a = parseCalendarDate(from);
  const b = parseCalendarDate(to);
  let months = (b.year - a.year) * 12 + (b.month - a.month);
  while (compareParts(addMonthsToParts(a, months), b) > 0) months -= 1;
  while (compareParts(addMonthsToParts(a, months + 1), b) <= 0) months += 1;
  return months;
}

/** Age in whole years on `on`: `age < N` ⇔ `on < birthDate + N years`. */
export function ageOn(birthDate: string, on: string): number {
  return Math.floor(monthsBetween(birthDate, on) / 12);
}
