import { describe, expect, it } from 'vitest';
import { formatMessage, isMessageKey, localizeIssues, MESSAGES } from './messages.ts';

describe('message catalogues', () => {
  it('have the same keys in French and English, none empty', () => {
    expect(Object.keys(MESSAGES.en).sort()).toEqual(Object.keys(MESSAGES.fr).sort());
    for (const locale of ['fr', 'en'] as const) {
      for (const text of Object.values(MESSAGES[locale])) expect(text.trim()).not.toBe('');
    }
  });

  it('fills parameters, translates codes and keeps what it does not know', () => {
    expect(
      formatMessage({ key: 'eligibility.incomplete', params: { facts: 'birthDate,gender' } }, 'en'),
    ).toBe('to complete: birth date, gender');
    expect(formatMessage({ key: 'limit.min_age.met', params: { age: 17 } }, 'fr')).toBe(
      '17 ans au {referenceDate} ≥ {minAge}',
    );
    expect(formatMessage({ key: 'no.such.key' }, 'fr')).toBe('no.such.key');
    expect(isMessageKey('email.invalid')).toBe(true);
  });

  it('localises zod issues carrying a key and leaves the others', () => {
    const issues = [
      { message: 'email.invalid' },
      { message: 'Too small', params: { min: 3 } },
      { message: 'policy.unsatisfiable', params: null },
    ];
    expect(localizeIssues(issues, 'fr').map((issue) => issue.message)).toEqual([
      'adresse e-mail invalide',
      'Too small',
      'aucun·e candidat·e ne peut être éligible avec ces règles',
    ]);
  });
});
