import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CandidateFacts,
  CandidateFactsSchema,
  DIPLOMA_LEVELS,
  EMPLOYMENT_SITUATIONS,
  GENDERS,
} from '../candidate/candidate.schema.ts';
import { EligibilityRulesSchema } from '../eligibility/eligibility.schema.ts';
import { evaluateEligibility } from '../eligibility/eligibility.ts';
import { calendarDateArb } from '../testing/arbitraries.ts';
import {
  ApplicationReceiptSchema,
  ApplicationSchema,
  CandidacyImportQuerySchema,
  CandidacyImportReportSchema,
  CandidacyIntakeSchema,
  EligibilityCheckResultSchema,
  EligibilityCheckSchema,
  IntakeResultSchema,
  PhoneInputSchema,
  SessionEligibilityCheckSchema,
  toDeclaredFacts,
} from './application.schema.ts';

const SESSION_ID = '019ac1f2-7b3e-7c41-9a55-2f1e8d0c4b7a';
const PARTNER_ID = '019ac1f2-7b3e-7c41-9a55-2f1e8d0c4b7b';
const CANDIDACY_ID = '019ac1f2-7b3e-7c41-9a55-2f1e8d0c4b7c';
const CANDIDATE_ID = '019ac1f2-7b3e-7c41-9a55-2f1e8d0c4b7d';

const application = {
  firstName: 'Awa',
  lastName: 'Diallo',
  email: 'awa@example.fr',
  birthDate: '2001-05-17',
  consent: { privacyNoticeVersion: '2026-01' },
};

function issuesOf(result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) {
  expect(result.success).toBe(false);
  return (result.error?.issues ?? []).map((issue) => ({ path: issue.path, message: issue.message }));
}

describe('PhoneInputSchema', () => {
  it.each([
    ['06 12 34 56 78', '+33612345678'],
    ['  06.12.34.56.78  ', '+33612345678'],
    ['+33 (0)6 12 34 56 78', '+33612345678'],
    ['0033 6 12 34 56 78', '+33612345678'],
    ['0690 12 34 56', '+590690123456'],
    ['0262 12 34 56', '+262262123456'],
    ['+44 20 7946 0958', '+442079460958'],
  ])('stores %j as the E.164 number %s', (input, expected) => {
    expect(PhoneInputSchema.parse(input)).toBe(expected);
  });

  it.each(['', '   ', 'call me', '06 12 34', '+33 0 12 34 56 78', '12345678901234567890'])(
    'refuses %j with phone.invalid',
    (input) => {
      expect(issuesOf(PhoneInputSchema.safeParse(input))).toEqual([{ path: [], message: 'phone.invalid' }]);
    },
  );

  it('refuses an input longer than 40 characters, even one that would normalise', () => {
    const padded = `06${' '.repeat(40)}12345678`;
    expect(PhoneInputSchema.parse(`06${' '.repeat(30)}12345678`)).toBe('+33612345678');
    const result = PhoneInputSchema.safeParse(padded);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.code)).toEqual(['too_big']);
  });
});

describe('ApplicationSchema', () => {
  it('parses a minimal application, trimming names and lower-casing the e-mail', () => {
    const parsed = ApplicationSchema.parse({
      ...application,
      firstName: '  Awa ',
      lastName: ' Diallo  ',
      email: '  Awa@Example.FR ',
    });
    expect(parsed).toEqual({
      firstName: 'Awa',
      lastName: 'Diallo',
      email: 'awa@example.fr',
      birthDate: '2001-05-17',
      answers: [],
      consent: { privacyNoticeVersion: '2026-01', futureContact: false },
    });
  });

  it('accepts a phone number alone and stores it in E.164', () => {
    const { email: _email, ...withoutEmail } = application;
    const parsed = ApplicationSchema.parse({ ...withoutEmail, phone: '06 12 34 56 78' });
    expect(parsed.phone).toBe('+33612345678');
    expect(parsed.email).toBeUndefined();
  });

  it('requires an e-mail address or a phone number, reported on the e-mail', () => {
    const { email: _email, ...withoutEmail } = application;
    expect(issuesOf(ApplicationSchema.safeParse(withoutEmail))).toEqual([
      { path: ['email'], message: 'contact.required' },
    ]);
  });

  it('refuses an unusable phone number with phone.invalid on the phone', () => {
    expect(issuesOf(ApplicationSchema.safeParse({ ...application, phone: '12' }))).toEqual([
      { path: ['phone'], message: 'phone.invalid' },
    ]);
  });

  it('refuses a malformed e-mail address with email.invalid', () => {
    expect(issuesOf(ApplicationSchema.safeParse({ ...application, email: 'awa@' }))).toEqual([
      { path: ['email'], message: 'email.invalid' },
    ]);
  });

  it('rejects the whole application when the hidden honeypot field is filled', () => {
    expect(
      issuesOf(ApplicationSchema.safeParse({ ...application, website: 'https://spam.example' })),
    ).toEqual([{ path: [], message: 'application.rejected' }]);
  });

  it('accepts an empty honeypot field', () => {
    expect(ApplicationSchema.safeParse({ ...application, website: '' }).success).toBe(true);
  });

  it('reports the field errors and the refinements together', () => {
    const { email: _email, ...withoutEmail } = application;
    const issues = issuesOf(ApplicationSchema.safeParse({ ...withoutEmail, firstName: '   ', website: 'x' }));
    expect(issues.map((issue) => issue.path)).toEqual([['firstName'], ['email'], []]);
    expect(issues.slice(1).map((issue) => issue.message)).toEqual([
      'contact.required',
      'application.rejected',
    ]);
  });

  it('requires consent to a privacy notice version and ignores a client-sent acceptance time', () => {
    expect(issuesOf(ApplicationSchema.safeParse({ ...application, consent: {} }))[0]?.path).toEqual([
      'consent',
      'privacyNoticeVersion',
    ]);
    const parsed = ApplicationSchema.parse({
      ...application,
      consent: { privacyNoticeVersion: 'v2', futureContact: true, acceptedAt: '2020-01-01T00:00:00.000Z' },
    });
    expect(parsed.consent).toEqual({ privacyNoticeVersion: 'v2', futureContact: true });
  });

  it('requires the referring partner when the source is a partner', () => {
    expect(issuesOf(ApplicationSchema.safeParse({ ...application, source: { kind: 'partner' } }))).toEqual([
      { path: ['source', 'partnerId'], message: 'source.partner_required' },
    ]);
    expect(
      ApplicationSchema.parse({ ...application, source: { kind: 'partner', partnerId: PARTNER_ID } }).source,
    ).toEqual({ kind: 'partner', partnerId: PARTNER_ID });
  });

  it('refuses an invalid birth date, postal code or declared fact', () => {
    expect(
      issuesOf(ApplicationSchema.safeParse({ ...application, birthDate: '2001-02-30' }))[0]?.path,
    ).toEqual(['birthDate']);
    const address = { street: '1 rue de la Paix', postalCode: '7500', inseeCode: '75056' };
    expect(issuesOf(ApplicationSchema.safeParse({ ...application, address }))).toEqual([
      { path: ['address', 'postalCode'], message: 'postal_code.invalid' },
    ]);
    expect(issuesOf(ApplicationSchema.safeParse({ ...application, gender: 'unknown' }))[0]?.path).toEqual([
      'gender',
    ]);
  });

  it('keeps at most 100 answers', () => {
    const answers = Array.from({ length: 101 }, (_, index) => ({ questionId: `q${index}`, answer: 'yes' }));
    expect(ApplicationSchema.safeParse({ ...application, answers: answers.slice(0, 100) }).success).toBe(
      true,
    );
    expect(issuesOf(ApplicationSchema.safeParse({ ...application, answers }))[0]?.path).toEqual(['answers']);
  });
});

describe('CandidacyIntakeSchema', () => {
  const intake = { ...application, sessionId: SESSION_ID, source: { kind: 'france_travail' } };

  it('parses an intake with its session and source', () => {
    const parsed = CandidacyIntakeSchema.parse({ ...intake, prescriberPartnerId: PARTNER_ID });
    expect(parsed.sessionId).toBe(SESSION_ID);
    expect(parsed.source).toEqual({ kind: 'france_travail' });
    expect(parsed.prescriberPartnerId).toBe(PARTNER_ID);
  });

  it('requires the session and the source, unlike the public application', () => {
    const { sessionId: _sessionId, source: _source, ...rest } = intake;
    const paths = issuesOf(CandidacyIntakeSchema.safeParse(rest)).map((issue) => issue.path);
    expect(paths).toHaveLength(2);
    expect(paths).toEqual(expect.arrayContaining([['sessionId'], ['source']]));
  });

  it('applies the same contact and honeypot refinements', () => {
    const { email: _email, ...withoutEmail } = intake;
    expect(issuesOf(CandidacyIntakeSchema.safeParse({ ...withoutEmail, website: 'bot' }))).toEqual([
      { path: ['email'], message: 'contact.required' },
      { path: [], message: 'application.rejected' },
    ]);
  });
});

describe('toDeclaredFacts', () => {
  it('returns no fact for an empty input', () => {
    expect(toDeclaredFacts({})).toEqual({});
  });

  it('marks every given fact as declared and leaves the others unknown', () => {
    expect(
      toDeclaredFacts({
        birthDate: '2001-05-17',
        gender: 'female',
        diploma: { highestLevel: '4' },
        employmentSituation: 'job_seeker',
        jobSeeker: { registered: true, category: 'A' },
        rsaBeneficiary: false,
        guardianConsent: false,
      }),
    ).toEqual({
      birthDate: { value: '2001-05-17', origin: 'declared' },
      gender: { value: 'female', origin: 'declared' },
      diploma: { value: { highestLevel: '4' }, origin: 'declared' },
      employmentSituation: { value: 'job_seeker', origin: 'declared' },
      jobSeeker: { value: { registered: true, category: 'A' }, origin: 'declared' },
      rsaBeneficiary: { value: false, origin: 'declared' },
      guardianConsent: { value: false, origin: 'declared' },
    });
  });

  it('takes only the facts of a parsed application, not its identity or contact', () => {
    const parsed = ApplicationSchema.parse({ ...application, gender: 'male', rsaBeneficiary: true });
    expect(toDeclaredFacts(parsed)).toEqual({
      birthDate: { value: '2001-05-17', origin: 'declared' },
      gender: { value: 'male', origin: 'declared' },
      rsaBeneficiary: { value: true, origin: 'declared' },
    });
  });

  it('produces valid declared facts, one per given input, each with the value given', () => {
    const inputArb = fc.record(
      {
        birthDate: calendarDateArb,
        gender: fc.constantFrom(...GENDERS),
        diploma: fc.record({ highestLevel: fc.constantFrom(...DIPLOMA_LEVELS) }),
        employmentSituation: fc.constantFrom(...EMPLOYMENT_SITUATIONS),
        jobSeeker: fc.record({ registered: fc.boolean() }),
        rsaBeneficiary: fc.boolean(),
        guardianConsent: fc.boolean(),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(inputArb, (input) => {
        const facts = toDeclaredFacts(input);
        expect(Object.keys(facts).sort()).toEqual(Object.keys(input).sort());
        for (const [key, fact] of Object.entries(facts)) {
          expect(fact.origin).toBe('declared');
          expect(fact.value).toEqual(input[key as keyof typeof input]);
        }
        expect(CandidateFactsSchema.parse(facts)).toEqual(facts satisfies CandidateFacts);
      }),
      { numRuns: 100 },
    );
  });
});

describe('EligibilityCheckSchema', () => {
  it('accepts no answers at all: every fact is then unknown', () => {
    expect(EligibilityCheckSchema.parse({})).toEqual({});
  });

  it('keeps the declared facts and the filters', () => {
    const check = { birthDate: '2005-01-01', gender: 'female', postalCode: '59100', fabriqueId: SESSION_ID };
    expect(EligibilityCheckSchema.parse(check)).toEqual(check);
  });

  it.each(['5910', '591000', '2A004', ' 59100'])(
    'refuses the postal code %j with postal_code.invalid',
    (postalCode) => {
      expect(issuesOf(EligibilityCheckSchema.safeParse({ postalCode }))).toEqual([
        { path: ['postalCode'], message: 'postal_code.invalid' },
      ]);
    },
  );
});

describe('CandidacyImportQuerySchema', () => {
  it('defaults to a real, all-or-nothing import', () => {
    expect(CandidacyImportQuerySchema.parse({})).toEqual({ dryRun: false, mode: 'all_or_nothing' });
  });

  it('reads dryRun from its query-string form', () => {
    expect(CandidacyImportQuerySchema.parse({ dryRun: 'true', mode: 'per_row' })).toEqual({
      dryRun: true,
      mode: 'per_row',
    });
    expect(CandidacyImportQuerySchema.parse({ dryRun: 'false' }).dryRun).toBe(false);
  });

  it.each([{ dryRun: 'yes' }, { dryRun: true }, { mode: 'best_effort' }, { sessionId: 'not-a-uuid' }])(
    'refuses %j',
    (query) => {
      expect(CandidacyImportQuerySchema.safeParse(query).success).toBe(false);
    },
  );
});

describe('response schemas', () => {
  const evaluation = evaluateEligibility({
    policy: EligibilityRulesSchema.parse({}),
    facts: toDeclaredFacts({ birthDate: '2001-05-17', gender: 'female' }),
    referenceDate: '2026-03-02',
  });

  it('describe the receipt and the intake result the engine produces', () => {
    expect(ApplicationReceiptSchema.parse({ candidacyId: CANDIDACY_ID, eligibility: evaluation })).toEqual({
      candidacyId: CANDIDACY_ID,
      eligibility: evaluation,
    });
    const result = {
      candidacyId: CANDIDACY_ID,
      candidateId: CANDIDATE_ID,
      eligibility: evaluation,
      possibleDuplicates: [CANDIDATE_ID],
    };
    expect(IntakeResultSchema.parse(result)).toEqual(result);
    expect(IntakeResultSchema.safeParse({ ...result, possibleDuplicates: ['x'] }).success).toBe(false);
  });

  it('describe a self-check result per session', () => {
    const text = { fr: 'texte', en: 'text' };
    const check = {
      session: {
        id: SESSION_ID,
        name: 'Roubaix',
        fabriqueId: PARTNER_ID,
        programId: CANDIDATE_ID,
        startDate: '2026-03-02',
        endDate: '2026-09-30',
        applicationClosesOn: '2026-02-15',
      },
      status: 'eligible',
      policyVersion: 1,
      referenceDate: '2026-03-02',
      criteria: [{ code: 'woman', status: 'met', label: text, reason: text }],
      limits: [{ code: 'min_age', status: 'met', label: text, reason: text }],
      reason: text,
    };
    expect(SessionEligibilityCheckSchema.parse(check)).toEqual(check);
    expect(
      SessionEligibilityCheckSchema.safeParse({ ...check, reason: { fr: 'texte seulement' } }).success,
    ).toBe(false);
    expect(
      EligibilityCheckResultSchema.parse({ evaluations: [check], matchingSessionIds: [SESSION_ID] }),
    ).toEqual({ evaluations: [check], matchingSessionIds: [SESSION_ID] });
  });

  it('describe an import report and refuse an unknown row status', () => {
    const report = {
      rows: [
        { line: 2, status: 'created', candidacyId: CANDIDACY_ID, candidateId: CANDIDATE_ID },
        { line: 3, status: 'invalid', errors: [{ field: 'email', message: 'email.invalid' }] },
      ],
      created: 1,
      invalid: 1,
      dryRun: false,
    };
    expect(CandidacyImportReportSchema.parse(report)).toEqual(report);
    expect(
      CandidacyImportReportSchema.safeParse({ ...report, rows: [{ line: 2, status: 'imported' }] }).success,
    ).toBe(false);
  });
});
