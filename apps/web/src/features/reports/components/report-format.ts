import { useTranslation } from 'react-i18next';
import { isLocale } from '../../../lib/i18n';

/** Percent and number formatting in the page's language ("85 %" in French). */
export function useReportFormat() {
  const { i18n } = useTranslation();
  const locale = isLocale(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'fr';
  const percentFormat = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const numberFormat = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  return {
    locale,
    percent: (share: number | null | undefined) =>
      share === null || share === undefined ? '—' : percentFormat.format(share),
    number: (value: number | null | undefined) =>
      value === null || value === undefined ? '—' : numberFormat.format(value),
  };
}

export const CATEGORY_COLORS = {
  durable_employment: 'var(--mantine-color-teal-9)',
  transition: 'var(--mantine-color-teal-5)',
  positive_other: 'var(--mantine-color-cyan-3)',
  not_positive: 'var(--mantine-color-orange-4)',
  unknown: 'var(--mantine-color-gray-4)',
} as const;
