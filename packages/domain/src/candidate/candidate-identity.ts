import { FRANCE_TRAVAIL_ID_PATTERN } from './candidate.schema.ts';

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;

/** Lower-cased and trimmed, or null when it is not an e-mail address. */
export function normaliseEmail(value: string): string | null {
  const email = value.trim().toLowerCase();
  return EMAIL_PATTERN.test(email) && email.length <= 254 ? email : null;
}

/**
 * Overseas departments have their own country codes although their national numbers start with 0
 * like metropolitan ones; the first digits after the 0 tell them apart (ARCEP numbering plan).
 */
const OVERSEAS_PREFIXES: readonly (readonly [string, string])[] = [
  ['590', '590'],
  ['690', '590'],
  ['691', '590'],
  ['594', '594'],
  ['694', '594'],
  ['596', '596'],
  ['696', '596'],
  ['697', '596'],
  ['262', '262'],
  ['263', '262'],
  ['269', '262'],
  ['692', '262'],
  ['693', '262'],
  ['639', '262'],
];

const E164_PATTERN = /^\+[1-9]\d{6,14}$/;

/**
 * A French phone number as people write it ("06 12 34 56 78", "+33 (0)6 12…", "0033…") in E.164
 * ("+33612345678"); numbers already in another country's E.164 are kept. Null when unusable.
 */
export function normalisePhoneNumber(value: string): string | null {
  let digits = value
    .trim()
    .replace(/\(0\)/g, '')
    .replace(/[\s.\-()/]/g, '');
  if (digits.startsWith('00')) digits = `+${digits.slice(2)}`;
  if (digits.startsWith('+')) {
    if (digits.startsWith('+33')) {
      const national = digits.slice(3);
      return /^[1-9]\d{8}$/.test(national) ? `+33${national}` : null;
    }
    return E164_PATTERN.test(digits) ? digits : null;
  }
  if (!/^0[1-9]\d{8}$/.test(digits)) return null;
  const national = digits.slice(1);
  const overseas = OVERSEAS_PREFIXES.find(([prefix]) => national.startsWith(prefix));
  return overseas ? `+${overseas[1]}${national}` : `+33${national}`;
}

/** 7 digits + 1 letter or digit (current format) or 11 digits; spaces and case are forgiven. */
export function isFranceTravailIdentifier(value: string): boolean {
  return FRANCE_TRAVAIL_ID_PATTERN.test(normaliseFranceTravailIdentifier(value));
}

export function normaliseFranceTravailIdentifier(value: string): string {
  return value.replace(/\s/g, '').toUpperCase();
}

/** Lower case, no accents, letters only, words sorted: "Élodie-Marie  N'Diaye" and "NDIAYE Elodie Marie" agree. */
export function normaliseName(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .split(/[^a-z]+/)
    .filter((word) => word !== '')
    .sort()
    .join(' ');
}

/**
 * Keys under which two records may be the same person: same e-mail, same phone, or same names and
 * birth date (first and last names may be swapped). Any shared key is worth a coordinator's look.
 */
export function computeDuplicateKeys(candidate: {
  firstName: string;
  lastName: string;
  birthDate?: string | null | undefined;
  email?: string | null | undefined;
  phone?: string | null | undefined;
}): string[] {
  const keys: string[] = [];
  const email = candidate.email ? normaliseEmail(candidate.email) : null;
  if (email) keys.push(`email:${email}`);
  const phone = candidate.phone ? normalisePhoneNumber(candidate.phone) : null;
  if (phone) keys.push(`phone:${phone}`);
  const names = normaliseName(`${candidate.firstName} ${candidate.lastName}`);
  if (candidate.birthDate && names) keys.push(`name_birth:${names}|${candidate.birthDate}`);
  return keys;
}
