import { z } from 'zod';
import { AnswerSchema } from '../candidacy/candidacy.schema.ts';
import {
  AddressSchema,
  type CandidateFacts,
  CandidateSourceSchema,
  ConsentSchema,
  DiplomaSchema,
  EmploymentSituationSchema,
  GenderSchema,
  JobSeekerRegistrationSchema,
} from '../candidate/candidate.schema.ts';
import { normalisePhoneNumber } from '../candidate/candidate-identity.ts';
import {
  CriterionCodeSchema,
  CriterionStatusSchema,
  EligibilityEvaluationSchema,
  EligibilityStatusSchema,
  LimitCodeSchema,
} from '../eligibility/eligibility.schema.ts';
import { CalendarDateSchema, EmailSchema, IdSchema } from '../shared/common.schema.ts';

const NameSchema = z.string().trim().min(1).max(100);

/** People write phone numbers as they like; the API stores E.164. */
export const PhoneInputSchema = z
  .string()
  .trim()
  .max(40)
  .transform((value, ctx) => {
    const phone = normalisePhoneNumber(value);
    if (phone) return phone;
    ctx.issues.push({ code: 'custom', message: 'phone.invalid', input: value });
    return z.NEVER;
  })
  .describe('Phone number, French national format or E.164; stored in E.164')
  .meta({ example: '06 12 34 56 78' });

/** The eligibility facts an applicant declares (all optional: a missing fact is unknown). */
const declaredFactsShape = {
  gender: GenderSchema.optional(),
  diploma: DiplomaSchema.optional(),
  employmentSituation: EmploymentSituationSchema.optional(),
  jobSeeker: JobSeekerRegistrationSchema.optional().describe('Registration with France Travail'),
  rsaBeneficiary: z.boolean().optional().describe('RSA beneficiary'),
  guardianConsent: z
    .boolean()
    .optional()
    .describe("A legal guardian's consent; needed under 18 (the eligibility evaluation says so)"),
};

export const ApplicationConsentSchema = ConsentSchema.pick({
  privacyNoticeVersion: true,
  futureContact: true,
}).describe('Consent to the privacy notice (required); the server records when it was given');

const applicationShape = {
  firstName: NameSchema,
  lastName: NameSchema,
  email: EmailSchema.optional().describe('Optional (a social worker may apply for someone without one)'),
  phone: PhoneInputSchema.optional(),
  birthDate: CalendarDateSchema.describe('Birth date'),
  address: AddressSchema.optional(),
  ...declaredFactsShape,
  disabilityRecognition: z
    .boolean()
    .optional()
    .describe('RQTH, health data: optional, seen only by admins and the candidacy’s coordinators'),
  answers: z
    .array(AnswerSchema)
    .max(100)
    .default([])
    .describe('Answers to the application questions (motivation …)'),
  source: CandidateSourceSchema.optional().describe('How they heard of the session, or who referred them'),
  consent: ApplicationConsentSchema,
  website: z
    .string()
    .max(200)
    .optional()
    .describe('Leave empty: a field hidden from people, filled only by bots'),
};

function refineApplication(
  value: { email?: string | undefined; phone?: string | undefined; website?: string | undefined },
  ctx: z.RefinementCtx,
) {
  if (!value.email && !value.phone)
    ctx.addIssue({ code: 'custom', path: ['email'], message: 'contact.required' });
  if (value.website) ctx.addIssue({ code: 'custom', path: [], message: 'application.rejected' });
}

export const ApplicationSchema = z.object(applicationShape).superRefine(refineApplication).meta({
  id: 'Application',
  description: 'An application to a session: identity, declared facts, answers and consent',
});
export type Application = z.infer<typeof ApplicationSchema>;

export const CandidacyIntakeSchema = z
  .object({
    ...applicationShape,
    sessionId: IdSchema.describe('The session applied to'),
    source: CandidateSourceSchema.describe('How the candidate came: the referrer or the channel'),
    prescriberPartnerId: IdSchema.optional().describe('The partner who referred the candidate'),
  })
  .superRefine(refineApplication)
  .meta({
    id: 'CandidacyIntake',
    description: 'An application entered by a coordinator or an integration, for a session',
  });
export type CandidacyIntake = z.infer<typeof CandidacyIntakeSchema>;

/** Facts the applicant declared, in the shape the eligibility engine reads. */
export function toDeclaredFacts(input: {
  birthDate?: string | undefined;
  gender?: Application['gender'];
  diploma?: Application['diploma'];
  employmentSituation?: Application['employmentSituation'];
  jobSeeker?: Application['jobSeeker'];
  rsaBeneficiary?: boolean | undefined;
  guardianConsent?: boolean | undefined;
}): CandidateFacts {
  const facts: CandidateFacts = {};
  const origin = 'declared' as const;
  if (input.birthDate !== undefined) facts.birthDate = { value: input.birthDate, origin };
  if (input.gender !== undefined) facts.gender = { value: input.gender, origin };
  if (input.diploma !== undefined) facts.diploma = { value: input.diploma, origin };
  if (input.employmentSituation !== undefined)
    facts.employmentSituation = { value: input.employmentSituation, origin };
  if (input.jobSeeker !== undefined) facts.jobSeeker = { value: input.jobSeeker, origin };
  if (input.rsaBeneficiary !== undefined) facts.rsaBeneficiary = { value: input.rsaBeneficiary, origin };
  if (input.guardianConsent !== undefined) facts.guardianConsent = { value: input.guardianConsent, origin };
  return facts;
}

export const ApplicationReceiptSchema = z
  .object({
    candidacyId: IdSchema,
    eligibility: EligibilityEvaluationSchema,
  })
  .meta({ id: 'ApplicationReceipt', description: 'The application was received' });
export type ApplicationReceipt = z.infer<typeof ApplicationReceiptSchema>;

export const IntakeResultSchema = z
  .object({
    candidacyId: IdSchema,
    candidateId: IdSchema,
    eligibility: EligibilityEvaluationSchema,
    possibleDuplicates: z
      .array(IdSchema)
      .describe('Other candidates with the same names and birth date: worth a coordinator’s look'),
  })
  .meta({
    id: 'IntakeResult',
    description: 'The candidacy created, and possible duplicates of its candidate',
  });
export type IntakeResult = z.infer<typeof IntakeResultSchema>;

export const EligibilityCheckSchema = z
  .object({
    birthDate: CalendarDateSchema.optional(),
    ...declaredFactsShape,
    postalCode: z
      .string()
      .regex(/^\d{5}$/, 'postal_code.invalid')
      .optional()
      .describe('Narrows the sessions to those of fabriques in its department'),
    fabriqueId: IdSchema.optional().describe('Only this fabrique’s sessions'),
  })
  .meta({ id: 'EligibilityCheck', description: 'Anonymous answers; nothing is stored' });
export type EligibilityCheck = z.infer<typeof EligibilityCheckSchema>;

export const LocalizedTextSchema = z
  .object({ fr: z.string(), en: z.string() })
  .describe('The same text in French and English');

const CheckedSlotSchema = z.object({
  status: CriterionStatusSchema,
  label: LocalizedTextSchema,
  reason: LocalizedTextSchema,
});

export const SessionEligibilityCheckSchema = z
  .object({
    session: z.object({
      id: IdSchema,
      name: z.string(),
      fabriqueId: IdSchema,
      programId: IdSchema,
      startDate: CalendarDateSchema,
      endDate: CalendarDateSchema,
      applicationClosesOn: CalendarDateSchema,
    }),
    status: EligibilityStatusSchema,
    policyVersion: z.number().int(),
    referenceDate: CalendarDateSchema,
    criteria: z.array(CheckedSlotSchema.extend({ code: CriterionCodeSchema })),
    limits: z.array(CheckedSlotSchema.extend({ code: LimitCodeSchema })),
    reason: LocalizedTextSchema,
  })
  .meta({ id: 'SessionEligibilityCheck', description: 'The answers against one open session’s policy' });
export type SessionEligibilityCheck = z.infer<typeof SessionEligibilityCheckSchema>;

export const EligibilityCheckResultSchema = z
  .object({
    evaluations: z.array(SessionEligibilityCheckSchema).describe('One per open session'),
    matchingSessionIds: z
      .array(IdSchema)
      .describe('Open sessions for which the answers are eligible, or could be once unknown facts are known'),
  })
  .meta({ id: 'EligibilityCheckResult', description: 'An indication, never a decision' });
export type EligibilityCheckResult = z.infer<typeof EligibilityCheckResultSchema>;

/** The columns a candidacy import file may have (header row, any order; unknown columns are ignored). */
export const CANDIDACY_IMPORT_COLUMNS = [
  'sessionId',
  'firstName',
  'lastName',
  'email',
  'phone',
  'birthDate',
  'gender',
  'street',
  'postalCode',
  'inseeCode',
  'communeName',
  'diplomaLevel',
  'employmentSituation',
  'jobSeekerRegistered',
  'jobSeekerSince',
  'jobSeekerCategory',
  'jobSeekerId',
  'rsaBeneficiary',
  'guardianConsent',
  'source',
  'prescriberPartnerId',
  'motivation',
  'privacyNoticeVersion',
  'futureContact',
] as const;

export const IMPORT_MODES = ['all_or_nothing', 'per_row'] as const;

export const CandidacyImportQuerySchema = z.object({
  sessionId: IdSchema.optional().describe('Session of every row without a `sessionId` column'),
  dryRun: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true')
    .describe('Validate and report without writing anything'),
  mode: z
    .enum(IMPORT_MODES)
    .default('all_or_nothing')
    .describe('all_or_nothing: one invalid row stores nothing; per_row: valid rows are stored'),
});
export type CandidacyImportQuery = z.infer<typeof CandidacyImportQuerySchema>;

export const IMPORT_ROW_STATUSES = ['created', 'invalid', 'duplicate', 'skipped'] as const;

export const CandidacyImportReportSchema = z
  .object({
    rows: z.array(
      z.object({
        line: z.number().int().describe('Line in the file (the header is line 1)'),
        status: z
          .enum(IMPORT_ROW_STATUSES)
          .describe(
            'created (or would be, in a dry run); invalid; duplicate: an open candidacy exists; skipped: not stored because another row failed',
          ),
        candidacyId: IdSchema.optional(),
        candidateId: IdSchema.optional(),
        errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
      }),
    ),
    created: z.number().int().describe('Rows stored (or that would be, in a dry run)'),
    invalid: z.number().int().describe('Rows refused: invalid or duplicate'),
    dryRun: z.boolean(),
  })
  .meta({ id: 'CandidacyImportReport', description: 'One entry per data row of the CSV file' });
export type CandidacyImportReport = z.infer<typeof CandidacyImportReportSchema>;
