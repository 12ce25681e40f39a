import {
  DIPLOMA_LEVELS,
  EMPLOYMENT_SITUATIONS,
  GENDERS,
  REGISTRATION_BUCKETS,
  SOURCES,
} from '@passerelle/domain/candidate/candidate.schema';
import type { TFunction } from 'i18next';

export interface ChoiceOption {
  value: string;
  label: string;
}

/** A first, empty option: nothing is chosen for the person. */
function withPlaceholder(t: TFunction, options: ChoiceOption[]): ChoiceOption[] {
  return [{ value: '', label: t('public.choices.select') }, ...options];
}

export function genderOptions(t: TFunction): ChoiceOption[] {
  return GENDERS.map((gender) => ({ value: gender, label: t(`public.choices.gender.${gender}`) }));
}

export function diplomaOptions(t: TFunction): ChoiceOption[] {
  return withPlaceholder(
    t,
    DIPLOMA_LEVELS.map((level) => ({ value: level, label: t(`public.choices.diploma.${level}`) })),
  );
}

export function situationOptions(t: TFunction): ChoiceOption[] {
  return withPlaceholder(
    t,
    EMPLOYMENT_SITUATIONS.map((situation) => ({
      value: situation,
      label: t(`public.choices.situation.${situation}`),
    })),
  );
}

export function bucketOptions(t: TFunction): ChoiceOption[] {
  return withPlaceholder(
    t,
    REGISTRATION_BUCKETS.map((bucket) => ({ value: bucket, label: t(`public.choices.bucket.${bucket}`) })),
  );
}

export function sourceOptions(t: TFunction): ChoiceOption[] {
  return withPlaceholder(
    t,
    SOURCES.filter((source) => source !== 'partner').map((source) => ({
      value: source,
      label: t(`public.choices.source.${source}`),
    })),
  );
}

export function yesNoOptions(t: TFunction): ChoiceOption[] {
  return [
    { value: 'yes', label: t('public.choices.yes') },
    { value: 'no', label: t('public.choices.no') },
  ];
}
