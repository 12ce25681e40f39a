import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CreateCandidateSchema } from './candidate.schema.ts';
import {
  computeDuplicateKeys,
  isFranceTravailIdentifier,
  normaliseEmail,
  normaliseName,
  normalisePhoneNumber,
} from './candidate-identity.ts';

describe('normaliseEmail', () => {
  it('trims and lower-cases, or refuses', () => {
    expect(normaliseEmail('  Awa.Diallo@Example.FR ')).toBe('awa.diallo@example.fr');
    expect(normaliseEmail('not an e-mail')).toBeNull();
    expect(normaliseEmail('a@b')).toBeNull();
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.emailAddress(), (email) => {
        const once = normaliseEmail(email);
        if (once !== null) expect(normaliseEmail(once)).toBe(once);
      }),
    );
  });
});

describe('normalisePhoneNumber', () => {
  it.each([
    ['06 12 34 56 78', '+33612345678'],
    ['06.12.34.56.78', '+33612345678'],
    ['01-23-45-67-89', '+33123456789'],
    ['+33 6 12 34 56 78', '+33612345678'],
    ['+33 (0)6 12 34 56 78', '+33612345678'],
    ['0033612345678', '+33612345678'],
    ['0690 12 34 56', '+590690123456'],
    ['0692 12 34 56', '+262692123456'],
    ['0696 12 34 56', '+596696123456'],
    ['0694 12 34 56', '+594694123456'],
    ['0639 12 34 56', '+262639123456'],
    ['+32 470 12 34 56', '+32470123456'],
  ])('%s → %s', (input, expected) => {
    expect(normalisePhoneNumber(input)).toBe(expected);
  });

  it.each(['12345', '06 12 34 56', '+33 06 12 34 56 78', '+0 123', 'phone'])('refuses %s', (input) => {
    expect(normalisePhoneNumber(input)).toBeNull();
  });

  it('always yields E.164 for ten-digit French numbers', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^0[1-9]\d{8}$/), (number) => {
        expect(normalisePhoneNumber(number)).toMatch(/^\+(33|590|594|596|262)\d{9}$/);
      }),
    );
  });
});

describe('isFranceTravailIdentifier', () => {
  it.each([
    ['1234567A', true],
    ['1234567a', true],
    ['12345678', true],
    ['123 4567 B', true],
    ['12345678901', true],
    ['1234567', false],
    ['123456AB', false],
    ['1234567890', false],
  ])('%s: %s', (value, expected) => {
    expect(isFranceTravailIdentifier(value)).toBe(expected);
  });
});

describe('computeDuplicateKeys', () => {
  it('matches the same person written differently', () => {
    const a = computeDuplicateKeys({
      firstName: 'Élodie-Marie',
      lastName: "N'Diaye",
      birthDate: '2001-05-04',
      email: 'E.Ndiaye@x.fr',
      phone: '06 12 34 56 78',
    });
    const b = computeDuplicateKeys({
      firstName: 'NDIAYE',
      lastName: 'elodie marie',
      birthDate: '2001-05-04',
      email: 'e.ndiaye@x.fr ',
      phone: '+33612345678',
    });
    expect(a).toEqual(b);
    expect(a).toEqual([
      'email:e.ndiaye@x.fr',
      'phone:+33612345678',
      'name_birth:elodie marie ndiaye|2001-05-04',
    ]);
  });

  it('yields no key from missing data', () => {
    expect(
      computeDuplicateKeys({
        firstName: '',
        lastName: '',
        birthDate: '2001-05-04',
        email: 'bad',
        phone: null,
      }),
    ).toEqual([]);
    expect(normaliseName(' Zoë  ANDRÉ ')).toBe('andre zoe');
  });
});

describe('CreateCandidateSchema', () => {
  const base = {
    firstName: 'Awa',
    lastName: 'Diallo',
    facts: { birthDate: { value: '2003-02-01', origin: 'declared' } },
    consent: { acceptedAt: '2026-05-02T10:00:00.000Z', privacyNoticeVersion: '2026-01' },
  };

  it('normalises the e-mail and needs a way to reach the person', () => {
    expect(CreateCandidateSchema.parse({ ...base, email: ' Awa@Example.FR ' }).email).toBe('awa@example.fr');
    expect(CreateCandidateSchema.parse({ ...base, phone: '+33612345678' }).consent.futureContact).toBe(false);
    expect(CreateCandidateSchema.safeParse(base).error?.issues[0]?.message).toBe('contact.required');
  });

  it('requires the proof of a verified fact and the source of a computed one', () => {
    const messages = (facts: object) =>
      CreateCandidateSchema.safeParse({ ...base, phone: '+33612345678', facts }).error?.issues.map(
        (i) => i.message,
      );
    expect(messages({ gender: { value: 'female', origin: 'verified' } })).toEqual(['fact.proof_required']);
    expect(messages({ qpv: { value: { isResident: true }, origin: 'computed' } })).toEqual([
      'fact.computation_required',
    ]);
    expect(
      messages({ jobSeeker: { value: { registered: true, identifier: '1234567' }, origin: 'declared' } }),
    ).toEqual(['france_travail_id.invalid']);
  });

  it('needs the partner of a partner referral', () => {
    const result = CreateCandidateSchema.safeParse({
      ...base,
      phone: '+33612345678',
      source: { kind: 'partner' },
    });
    expect(result.error?.issues[0]?.message).toBe('source.partner_required');
  });
});
