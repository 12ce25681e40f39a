const PARIS_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar date (YYYY-MM-DD) of an instant in Europe/Paris, where the product's days turn. */
export function calendarDateInParis(instant: Date): string {
  return PARIS_DATE.format(instant);
}
