import { isCalendarDate } from '@passerelle/domain/calendar/calendar';

/**
 * People type a birth date the French way (26/11/2004, 26-11-2004, 26 11 2004); the API wants
 * YYYY-MM-DD. What cannot be read is passed through, so the shared schema reports it as invalid.
 */
export function toIsoBirthDate(typed: string): string {
  const value = typed.trim();
  const match = /^(\d{1,2})[\s./-]+(\d{1,2})[\s./-]+(\d{4})$/.exec(value);
  if (!match) return value;
  const [, day = '', month = '', year = ''] = match;
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  return isCalendarDate(iso) ? iso : value;
}
