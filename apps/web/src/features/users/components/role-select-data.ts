import { ROLES } from '@passerelle/domain/user/user.schema';
import type { TFunction } from 'i18next';
import { LOCALES } from '../../../lib/i18n';

export function roleOptions(t: TFunction) {
  return ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }));
}

export function localeOptions(t: TFunction) {
  return LOCALES.map((locale) => ({ value: locale, label: t(`locales.${locale}`) }));
}
