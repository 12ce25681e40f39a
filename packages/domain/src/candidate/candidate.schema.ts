import { z } from 'zod';
import { CalendarDateSchema, IdSchema, InstantSchema, VersionSchema } from '../shared/common.schema.ts';

export const FACT_ORIGINS = ['declared', 'verified', 'computed'] as const;
export const FactOriginSchema = z
  .enum(FACT_ORIGINS)
  .describe(
    'declared: by the applicant; verified: a coordinator saw a proof; computed: derived by the system (an indication, not a proof)',
  )
  .meta({ id: 'FactOrigin' });
export type FactOrigin = z.infer<typeof FactOriginSchema>;

export const PROOF_TYPES = [
  'identity_document',
  'france_travail_certificate',
  'caf_certificate',
  'diploma',
  'proof_of_address',
  'address_check_printout',
  'other',
] as const;
export const ProofTypeSchema = z.enum(PROOF_TYPES).describe('Kind of document a coordinator saw');

export const ProofSchema = z
  .object({
    type: ProofTypeSchema,
    documentDate: CalendarDateSchema.describe('Date on the document; proof validity runs from it'),
    verifiedBy: IdSchema.describe('User who saw the document'),
    verifiedAt: InstantSchema,
    note: z.string().trim().max(500).optional(),
  })
  .describe('The proof a coordinator saw; the document itself is not stored by default');
export type Proof = z.infer<typeof ProofSchema>;

export const ComputationSchema = z
  .object({
    source: z.string().max(100).describe('Dataset or service used, e.g. "anct-qpv-2024" or "frr"'),
    vintage: z.string().max(40).describe('Dataset vintage, e.g. "2024"'),
    detail: z.string().max(200).optional().describe('e.g. the QPV code or commune classification found'),
  })
  .describe('How a computed fact was derived, kept for the audit trail');
export type Computation = z.infer<typeof ComputationSchema>;

/** A fact with its origin; a verified fact carries its proof, a computed one its computation. */
export function createFactSchema<T extends z.ZodType>(value: T) {
  return z
    .object({
      value,
      origin: FactOriginSchema,
      proof: ProofSchema.optional(),
      computation: ComputationSchema.optional(),
    })
    .superRefine((fact, ctx) => {
      if (fact.origin === 'verified' && !fact.proof) {
        ctx.addIssue({ code: 'custom', path: ['proof'], message: 'fact.proof_required' });
      }
      if (fact.origin === 'computed' && !fact.computation) {
        ctx.addIssue({ code: 'custom', path: ['computation'], message: 'fact.computation_required' });
      }
    });
}

export const GENDERS = ['female', 'male', 'non_binary', 'undisclosed'] as const;
export const GenderSchema = z
  .enum(GENDERS)
  .describe('Used only for the woman criterion and aggregate shares')
  .meta({ id: 'Gender' });
export type Gender = z.infer<typeof GenderSchema>;

/** Decree 2019-14 nomenclature; `none` covers levels 1–2, the brevet included. */
export const DIPLOMA_LEVELS = [
  'never_schooled',
  'none',
  '3',
  '4',
  '5',
  '6',
  '7',
  '8',
  'foreign_unrecognised',
] as const;
export const DiplomaLevelSchema = z
  .enum(DIPLOMA_LEVELS)
  .describe('Level of the national nomenclature (decree 2019-14): 3 CAP/BEP, 4 bac, 5 bac+2 … 8 doctorate')
  .meta({ id: 'DiplomaLevel' });
export type DiplomaLevel = z.infer<typeof DiplomaLevelSchema>;

export const DiplomaSchema = z.object({
  highestLevel: DiplomaLevelSchema.describe('Highest diploma obtained'),
  lastClassLevel: DiplomaLevelSchema.optional().describe(
    'Level of the last class attended without the diploma',
  ),
});
export type Diploma = z.infer<typeof DiplomaSchema>;

export const EMPLOYMENT_SITUATIONS = ['job_seeker', 'employed', 'student', 'inactive', 'other'] as const;
export const EmploymentSituationSchema = z.enum(EMPLOYMENT_SITUATIONS).meta({ id: 'EmploymentSituation' });
export type EmploymentSituation = z.infer<typeof EmploymentSituationSchema>;

export const REGISTRATION_BUCKETS = ['lt_6m', '6_11m', '12_23m', '24m_plus'] as const;
export const RegistrationBucketSchema = z
  .enum(REGISTRATION_BUCKETS)
  .describe('Registration length as the person states it: under 6 months, 6–11, 12–23, 24 or more');
export type RegistrationBucket = z.infer<typeof RegistrationBucketSchema>;

export const JOB_SEEKER_CATEGORIES = ['A', 'B', 'C', 'D', 'E', 'F', 'G'] as const;
export const JobSeekerCategorySchema = z.enum(JOB_SEEKER_CATEGORIES).describe('France Travail category');
export type JobSeekerCategory = z.infer<typeof JobSeekerCategorySchema>;

/** 7 digits + 1 letter or digit, or 11 digits (the older format). */
export const FRANCE_TRAVAIL_ID_PATTERN = /^(?:\d{7}[0-9A-Z]|\d{11})$/;

export const JobSeekerRegistrationSchema = z
  .object({
    registered: z.boolean().describe('Registered with France Travail'),
    since: CalendarDateSchema.optional().describe('Registration date, when known'),
    sinceBucket: z
      .object({
        bucket: RegistrationBucketSchema,
        statedOn: CalendarDateSchema.describe('Date the bucket was stated; the length runs on from it'),
      })
      .optional()
      .describe('Registration length bucket, since people rarely know the date'),
    category: JobSeekerCategorySchema.optional(),
    identifier: z
      .string()
      .trim()
      .toUpperCase()
      .regex(FRANCE_TRAVAIL_ID_PATTERN, 'france_travail_id.invalid')
      .optional()
      .describe('France Travail identifier: 7 digits + 1 letter or digit, or 11 digits'),
  })
  .meta({ id: 'JobSeekerRegistration' });
export type JobSeekerRegistration = z.infer<typeof JobSeekerRegistrationSchema>;

/** `QN` + department on three characters + number + letter, e.g. QN05901M. */
export const QPV_CODE_PATTERN = /^QN[0-9AB]{3}\d{2}[A-Z]$/;

export const QpvResidenceSchema = z.object({
  isResident: z.boolean().describe('The address lies in a priority neighbourhood (QPV)'),
  qpvCode: z
    .string()
    .regex(QPV_CODE_PATTERN, 'qpv_code.invalid')
    .optional()
    .describe('QPV code of the 2024 geography, e.g. QN00101M'),
  vintage: z.string().max(20).optional().describe('QPV geography vintage, e.g. "2024"'),
});
export type QpvResidence = z.infer<typeof QpvResidenceSchema>;

export const RURAL_CLASSIFICATIONS = ['classified', 'not_classified', 'partially_classified'] as const;
export const RuralClassificationSchema = z
  .enum(RURAL_CLASSIFICATIONS)
  .describe('France Ruralités Revitalisation classification of the commune');
export type RuralClassification = z.infer<typeof RuralClassificationSchema>;

export const RuralResidenceSchema = z.object({
  frr: RuralClassificationSchema.optional(),
  densityLevel: z
    .number()
    .int()
    .min(1)
    .max(7)
    .optional()
    .describe('INSEE density grid level (DENS7), 7 the least dense'),
  inseeCode: z
    .string()
    .regex(/^[0-9][0-9AB]\d{3}$/)
    .optional(),
  vintage: z.string().max(20).optional(),
});
export type RuralResidence = z.infer<typeof RuralResidenceSchema>;

/** What the eligibility engine reads; a missing fact is unknown. */
export const CandidateFactsSchema = z
  .object({
    birthDate: createFactSchema(CalendarDateSchema).optional(),
    gender: createFactSchema(GenderSchema).optional(),
    diploma: createFactSchema(DiplomaSchema).optional(),
    employmentSituation: createFactSchema(EmploymentSituationSchema).optional(),
    jobSeeker: createFactSchema(JobSeekerRegistrationSchema).optional(),
    rsaBeneficiary: createFactSchema(z.boolean()).optional().describe('RSA beneficiary'),
    qpv: createFactSchema(QpvResidenceSchema).optional(),
    rural: createFactSchema(RuralResidenceSchema).optional(),
    guardianConsent: createFactSchema(z.boolean())
      .optional()
      .describe("A legal guardian's consent, required under 18"),
  })
  .meta({ id: 'CandidateFacts', description: 'Facts with their origin (declared, verified, computed)' });
export type CandidateFacts = z.infer<typeof CandidateFactsSchema>;
export type FactKey = keyof CandidateFacts;

export const GeocodingSchema = z.object({
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
  label: z.string().max(300).describe("The geocoder's label"),
  score: z.number().min(0).max(1),
  matchType: z
    .enum(['housenumber', 'street', 'locality', 'municipality'])
    .describe('Precision of the match; only a house-number match is trusted for QPV'),
});
export type Geocoding = z.infer<typeof GeocodingSchema>;

export const AddressSchema = z
  .object({
    street: z.string().trim().min(1).max(200),
    postalCode: z.string().regex(/^\d{5}$/, 'postal_code.invalid'),
    inseeCode: z
      .string()
      .regex(/^[0-9][0-9AB]\d{3}$/, 'insee_code.invalid')
      .describe('INSEE code of the commune (an arrondissement maps to its commune)'),
    communeName: z.string().max(100).optional(),
    isDomiciliation: z.boolean().default(false).describe('A mail-holding address; never trusted for QPV'),
    geocoding: GeocodingSchema.optional(),
  })
  .meta({ id: 'Address' });
export type Address = z.infer<typeof AddressSchema>;

export const SOURCES = [
  'france_travail',
  'mission_locale',
  'cap_emploi',
  'partner',
  'social_media',
  'word_of_mouth',
  'website',
  'other',
] as const;
export const CandidateSourceSchema = z
  .object({
    kind: z.enum(SOURCES).describe('How they heard of the session or who referred them'),
    partnerId: IdSchema.optional().describe('The referring partner, for kind `partner`'),
    comment: z.string().trim().max(300).optional(),
  })
  .superRefine((source, ctx) => {
    if (source.kind === 'partner' && !source.partnerId) {
      ctx.addIssue({ code: 'custom', path: ['partnerId'], message: 'source.partner_required' });
    }
  });
export type CandidateSource = z.infer<typeof CandidateSourceSchema>;

export const ConsentSchema = z.object({
  acceptedAt: InstantSchema,
  privacyNoticeVersion: z.string().min(1).max(40),
  futureContact: z.boolean().default(false).describe('Agrees to be contacted for future sessions'),
});

export const E164Schema = z
  .string()
  .regex(/^\+[1-9]\d{6,14}$/, 'phone.invalid')
  .describe('Phone number, E.164');

const NameSchema = z.string().trim().min(1).max(100);

const candidateInputShape = {
  firstName: NameSchema,
  lastName: NameSchema,
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email({ message: 'email.invalid' }).max(254))
    .optional()
    .describe('Optional (a social worker may apply for someone without one); unique when given'),
  phone: E164Schema.optional(),
  address: AddressSchema.optional(),
  facts: CandidateFactsSchema,
  source: CandidateSourceSchema.optional(),
  disabilityRecognition: z
    .boolean()
    .optional()
    .describe(
      'RQTH, health data: declared only, admins and the candidacy’s coordinators only, never exported',
    ),
};

function refineReachable(
  value: { email?: string | undefined; phone?: string | undefined },
  ctx: z.RefinementCtx,
) {
  if (!value.email && !value.phone)
    ctx.addIssue({ code: 'custom', path: ['email'], message: 'contact.required' });
}

export const CreateCandidateSchema = z
  .object({ ...candidateInputShape, consent: ConsentSchema })
  .superRefine(refineReachable)
  .meta({ id: 'CreateCandidate', description: 'At least one way to reach the person (e-mail or phone)' });
export type CreateCandidate = z.infer<typeof CreateCandidateSchema>;

export const UpdateCandidateSchema = z
  .object({ ...candidateInputShape, version: VersionSchema })
  .partial()
  .meta({ id: 'UpdateCandidate', description: 'Partial update; `version` guards against lost updates' });
export type UpdateCandidate = z.infer<typeof UpdateCandidateSchema>;

export const CandidateSchema = z
  .object({
    id: IdSchema,
    firstName: z.string(),
    lastName: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    address: AddressSchema.nullable(),
    facts: CandidateFactsSchema,
    source: CandidateSourceSchema.nullable(),
    consent: ConsentSchema,
    disabilityRecognition: z
      .boolean()
      .nullable()
      .optional()
      .describe('Present only for callers allowed to see it'),
    version: VersionSchema,
    createdAt: InstantSchema,
    updatedAt: InstantSchema,
  })
  .meta({ id: 'Candidate', description: 'A person, once, across all sessions they apply to' });
export type Candidate = z.infer<typeof CandidateSchema>;
