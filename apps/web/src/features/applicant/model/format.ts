import type { Locale } from '../../../lib/i18n';

const INTL_LOCALES: Record<Locale, string> = { fr: 'fr-FR', en: 'en-GB' };

/** "12 janvier 2027": a calendar date (YYYY-MM-DD) in words, without time zone surprises. */
export function formatCalendarDay(date: string, locale: Locale): string {
  return new Intl.DateTimeFormat(INTL_LOCALES[locale], {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${date}T00:00:00Z`));
}
