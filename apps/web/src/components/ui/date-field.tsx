import { TextInput, type TextInputProps } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** "14/03/2025" → "2025-03-14"; a real calendar day only (no 31/02). ISO input is accepted too. */
export function parseDayMonthYear(text: string): string | null {
  const trimmed = text.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(trimmed);
  const french = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(trimmed);
  const [year, month, day] = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : french
      ? [Number(french[3]), Number(french[2]), Number(french[1])]
      : [Number.NaN, Number.NaN, Number.NaN];
  if (!Number.isInteger(year) || year < 1900 || year > 2200) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return null;
  return date.toISOString().slice(0, 10);
}

/** "2025-03-14" → "14/03/2025". */
export function formatDayMonthYear(isoDate: string): string {
  const [year, month, day] = isoDate.split('-');
  return year && month && day ? `${day}/${month}/${year}` : isoDate;
}

interface DateFieldProps extends Omit<TextInputProps, 'value' | 'onChange' | 'type'> {
  /** A calendar date (YYYY-MM-DD), or '' when empty. */
  value: string;
  /** Called with a calendar date once the text is a full valid date, or '' once emptied. */
  onChange: (isoDate: string) => void;
}

/**
 * A calendar date typed as jj/mm/aaaa. A native date input shows the browser's own format
 * (mm/dd/yyyy on an English system), which misleads French users; this one is the same everywhere.
 */
export function DateField({ value, onChange, error, onBlur, ...props }: DateFieldProps) {
  const { t } = useTranslation();
  const [text, setText] = useState(value ? formatDayMonthYear(value) : '');
  const [isInvalid, setIsInvalid] = useState(false);

  // The value may change from outside (a reset, the URL): show it unless it is what is typed.
  useEffect(() => {
    setText((current) =>
      parseDayMonthYear(current) === (value || null) ? current : value ? formatDayMonthYear(value) : '',
    );
    setIsInvalid(false);
  }, [value]);

  return (
    <TextInput
      {...props}
      inputMode="numeric"
      autoComplete="off"
      placeholder={t('dateField.placeholder')}
      value={text}
      error={error ?? (isInvalid ? t('dateField.invalid') : undefined)}
      onChange={(event) => {
        const next = event.currentTarget.value;
        setText(next);
        if (next.trim() === '') {
          setIsInvalid(false);
          if (value !== '') onChange('');
          return;
        }
        const parsed = parseDayMonthYear(next);
        if (parsed) {
          setIsInvalid(false);
          if (parsed !== value) onChange(parsed);
        }
      }}
      onBlur={(event) => {
        setIsInvalid(text.trim() !== '' && parseDayMonthYear(text) === null);
        onBlur?.(event);
      }}
    />
  );
}
