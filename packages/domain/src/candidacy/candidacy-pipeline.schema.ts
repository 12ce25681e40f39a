import { z } from 'zod';
import { CandidateFactsSchema, CandidateSchema, ProofTypeSchema } from '../candidate/candidate.schema.ts';
import {
  CriterionCodeSchema,
  EligibilityDecisionSchema,
  EligibilityEvaluationSchema,
  EligibilityStatusSchema,
} from '../eligibility/eligibility.schema.ts';
import { CreateScorecardSchema, ScorecardSchema } from '../scorecard/scorecard.schema.ts';
import {
  CalendarDateSchema,
  IdSchema,
  InstantSchema,
  PageQuerySchema,
  VersionSchema,
} from '../shared/common.schema.ts';
import {
  AnswerSchema,
  CandidacyStageSchema,
  REJECTION_REASONS,
  RejectionSchema,
  WITHDRAWAL_REASONS,
  WithdrawalReasonSchema,
} from './candidacy.schema.ts';

/** Query values given once, repeated (`stage=a&stage=b`) or comma-separated (`stage=a,b`). */
function listParam<T extends z.ZodType<string, string>>(item: T) {
  return z
    .union([z.string(), z.array(z.string())])
    .transform((value) =>
      (Array.isArray(value) ? value : [value])
        .flatMap((part) => part.split(','))
        .map((part) => part.trim())
        .filter((part) => part !== ''),
    )
    .pipe(z.array(item).min(1).max(20));
}

const InstantOrDateSchema = z
  .union([InstantSchema, CalendarDateSchema])
  .describe('An instant (ISO 8601 UTC) or a calendar date, read as a day in Europe/Paris');

export const CANDIDACY_SORTS = [
  '-submittedAt',
  'submittedAt',
  '-stageChangedAt',
  'stageChangedAt',
  'lastName',
  '-lastName',
] as const;
export const CandidacySortSchema = z
  .enum(CANDIDACY_SORTS)
  .default('-submittedAt')
  .describe('Sort key; `-` for descending. Ties are broken by id, so pages are stable');
export type CandidacySort = (typeof CANDIDACY_SORTS)[number];

export const CandidacyListQuerySchema = PageQuerySchema.extend({
  sessionId: IdSchema.optional(),
  fabriqueId: IdSchema.optional(),
  stage: listParam(CandidacyStageSchema)
    .optional()
    .describe('One or several stages, repeated or comma-separated'),
  eligible: EligibilityStatusSchema.optional().describe(
    'Effective eligibility: the coordinator’s decision when there is one, else the computed status',
  ),
  criterion: CriterionCodeSchema.optional().describe(
    'Only candidacies whose evaluation meets this criterion',
  ),
  source: z.string().trim().min(1).max(60).optional().describe('Intake door, e.g. `public_form`, `import`'),
  q: z
    .string()
    .trim()
    .min(2)
    .max(100)
    .optional()
    .describe('Search in the candidate’s name, e-mail and phone (case and accents ignored)'),
  submittedFrom: InstantOrDateSchema.optional().describe('Submitted at or after'),
  submittedTo: InstantOrDateSchema.optional().describe('Submitted at or before (a date includes that day)'),
  sort: CandidacySortSchema,
});
export type CandidacyListQuery = z.infer<typeof CandidacyListQuerySchema>;

export const CandidateSummarySchema = z
  .object({
    id: IdSchema,
    firstName: z.string(),
    lastName: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
  })
  .meta({ id: 'CandidateSummary' });

export const SessionSummarySchema = z
  .object({ id: IdSchema, name: z.string() })
  .meta({ id: 'SessionSummary' });

export const CandidacyListItemSchema = z
  .object({
    id: IdSchema,
    sessionId: IdSchema,
    candidateId: IdSchema,
    fabriqueId: IdSchema,
    stage: CandidacyStageSchema,
    applicationDate: CalendarDateSchema,
    submittedAt: InstantSchema,
    stageChangedAt: InstantSchema,
    source: z.string().nullable(),
    eligibilityStatus: EligibilityStatusSchema.nullable().describe(
      'Computed status; null if never evaluated',
    ),
    eligibilityDecisionStatus: z
      .enum(['eligible', 'ineligible'])
      .nullable()
      .describe('The coordinator’s derogation, if any'),
    criteriaMet: z.array(CriterionCodeSchema),
    isFlaggedEnrolledElsewhere: z.boolean(),
    version: VersionSchema,
    candidate: CandidateSummarySchema,
    session: SessionSummarySchema,
  })
  .meta({
    id: 'CandidacyListItem',
    description: 'A candidacy as listed: its candidate and session in brief',
  });
export type CandidacyListItem = z.infer<typeof CandidacyListItemSchema>;

export const CANDIDACY_EVENT_ACTOR_TYPES = ['user', 'api_client', 'system', 'anonymous'] as const;

export const CandidacyEventSchema = z
  .object({
    id: IdSchema,
    candidacyId: IdSchema,
    occurredAt: InstantSchema,
    actorType: z.enum(CANDIDACY_EVENT_ACTOR_TYPES),
    actorId: IdSchema.nullable(),
    type: z.string().describe('e.g. `submitted`, `stage_changed`, `eligibility_evaluated`, `fact_verified`'),
    fromStage: CandidacyStageSchema.nullable(),
    toStage: CandidacyStageSchema.nullable(),
    details: z.record(z.string(), z.unknown()).nullable(),
    requestId: z.string().nullable(),
  })
  .meta({ id: 'CandidacyEvent', description: 'One entry of a candidacy’s timeline' });
export type CandidacyEvent = z.infer<typeof CandidacyEventSchema>;

export const CandidacyNoteSchema = z
  .object({
    id: IdSchema,
    candidacyId: IdSchema,
    authorId: IdSchema,
    body: z.string(),
    createdAt: InstantSchema,
  })
  .meta({ id: 'CandidacyNote' });
export type CandidacyNote = z.infer<typeof CandidacyNoteSchema>;

export const CreateCandidacyNoteSchema = z
  .object({ body: z.string().trim().min(1).max(5000) })
  .meta({ id: 'CreateCandidacyNote' });
export type CreateCandidacyNote = z.infer<typeof CreateCandidacyNoteSchema>;

export const CreateCandidacyScorecardSchema = CreateScorecardSchema.omit({ candidacyId: true }).meta({
  id: 'CreateCandidacyScorecard',
  description: 'A scorecard of the candidacy in the path',
});
export type CreateCandidacyScorecard = z.infer<typeof CreateCandidacyScorecardSchema>;

export const CandidacyDuplicateSchema = z
  .object({
    id: IdSchema,
    sessionId: IdSchema,
    sessionName: z.string(),
    fabriqueId: IdSchema,
    stage: CandidacyStageSchema,
    submittedAt: InstantSchema,
  })
  .meta({ id: 'CandidacyDuplicate', description: 'Another candidacy of the same candidate' });

export const CandidacyDetailSchema = z
  .object({
    id: IdSchema,
    sessionId: IdSchema,
    candidateId: IdSchema,
    fabriqueId: IdSchema,
    stage: CandidacyStageSchema,
    applicationDate: CalendarDateSchema,
    submittedAt: InstantSchema,
    stageChangedAt: InstantSchema,
    source: z.string().nullable(),
    referrerPartnerId: IdSchema.nullable(),
    answers: z.array(AnswerSchema),
    rejection: RejectionSchema.nullable(),
    withdrawalReason: WithdrawalReasonSchema.nullable(),
    eligibility: EligibilityEvaluationSchema.nullable().describe(
      'Latest evaluation; frozen once admitted or rejected',
    ),
    eligibilityStatus: EligibilityStatusSchema.nullable(),
    eligibilityInputs: CandidateFactsSchema.nullable().describe('Facts the evaluation used'),
    eligibilityDecision: EligibilityDecisionSchema.nullable(),
    isEligibilityFrozen: z.boolean().describe('No longer re-evaluated: a decision was taken'),
    criteriaMet: z.array(CriterionCodeSchema),
    isFlaggedEnrolledElsewhere: z.boolean().describe('The candidate enrolled in another session'),
    version: VersionSchema,
    createdAt: InstantSchema,
    updatedAt: InstantSchema,
    candidate: CandidateSchema,
    session: SessionSummarySchema.extend({ fabriqueId: IdSchema, capacity: z.number().int() }),
    scorecards: z.array(ScorecardSchema),
    latestEvents: z.array(CandidacyEventSchema).describe('The 20 latest events, newest first'),
    duplicates: z
      .array(CandidacyDuplicateSchema)
      .describe('Other candidacies of the same candidate within the caller’s fabriques'),
  })
  .meta({ id: 'CandidacyDetail', description: 'A candidacy with its candidate, evaluations and timeline' });
export type CandidacyDetail = z.infer<typeof CandidacyDetailSchema>;

export const UpdateCandidacySchema = z
  .object({
    version: VersionSchema.optional(),
    answers: z.array(AnswerSchema).max(100).optional(),
    facts: CandidateFactsSchema.optional().describe(
      'Candidate facts to set (merged by key); the eligibility is re-evaluated unless frozen',
    ),
    source: z.string().trim().min(1).max(60).optional(),
    referrerPartnerId: IdSchema.nullable().optional(),
  })
  .meta({
    id: 'UpdateCandidacy',
    description: 'Partial update; `version` or If-Match guards against lost updates',
  });
export type UpdateCandidacy = z.infer<typeof UpdateCandidacySchema>;

const MoveReasonSchema = z
  .enum([...new Set([...REJECTION_REASONS, ...WITHDRAWAL_REASONS])] as [string, ...string[]])
  .describe('Shortcut: the rejection reason to reject, the withdrawal reason to withdraw');

const moveShape = {
  to: CandidacyStageSchema,
  reason: MoveReasonSchema.optional(),
  rejection: RejectionSchema.optional().describe('To reject: the reason code (or use `reason`)'),
  withdrawalReason: WithdrawalReasonSchema.optional().describe('To withdraw (or use `reason`)'),
  comment: z
    .string()
    .trim()
    .max(1000)
    .optional()
    .describe('Why; required to reopen a rejected or withdrawn candidacy, and for reason `other`'),
  shareReasonWithCandidate: z
    .boolean()
    .optional()
    .describe('Whether the rejection reason is shared with the candidate'),
};

export const CandidacyTransitionSchema = z
  .object({ ...moveShape, version: VersionSchema.optional().describe('Or If-Match') })
  .meta({
    id: 'CandidacyTransition',
    description: 'Moves a candidacy to another stage (reopening included)',
  });
export type CandidacyTransition = z.infer<typeof CandidacyTransitionSchema>;

export const BULK_TRANSITION_MAX = 200;

export const CandidacyBulkTransitionSchema = z
  .object({
    ...moveShape,
    ids: z
      .array(IdSchema)
      .min(1)
      .max(BULK_TRANSITION_MAX)
      .refine((ids) => new Set(ids).size === ids.length, 'ids.duplicated'),
  })
  .meta({ id: 'CandidacyBulkTransition', description: 'The same move for several candidacies' });
export type CandidacyBulkTransition = z.infer<typeof CandidacyBulkTransitionSchema>;

export const BulkTransitionResultSchema = z
  .object({
    results: z.array(
      z.object({
        id: IdSchema,
        status: z.enum(['moved', 'refused']),
        version: VersionSchema.optional().describe('The new version, when moved'),
        problem: z
          .object({
            code: z.string().describe('Error code, e.g. `not_found`, `conflict`, `rule_violated`'),
            detail: z.string(),
          })
          .optional(),
      }),
    ),
  })
  .meta({
    id: 'BulkTransitionResult',
    description: 'One result per id; each id moves in its own transaction',
  });
export type BulkTransitionResult = z.infer<typeof BulkTransitionResultSchema>;

export const PutEligibilityDecisionSchema = z
  .object({
    status: z.enum(['eligible', 'ineligible']),
    reason: z.string().trim().min(3).max(1000),
    version: VersionSchema.optional(),
  })
  .meta({ id: 'PutEligibilityDecision', description: 'A coordinator’s derogation, with the reason' });
export type PutEligibilityDecision = z.infer<typeof PutEligibilityDecisionSchema>;

export const VERIFIABLE_FACTS = Object.keys(CandidateFactsSchema.shape) as [
  keyof typeof CandidateFactsSchema.shape,
  ...(keyof typeof CandidateFactsSchema.shape)[],
];
export const FactParamsSchema = z.object({ id: IdSchema, fact: z.enum(VERIFIABLE_FACTS) });

export const FactVerificationSchema = z
  .object({
    proofType: ProofTypeSchema,
    documentDate: CalendarDateSchema.describe('Date on the document; proof validity runs from it'),
    note: z.string().trim().max(500).optional(),
  })
  .meta({ id: 'FactVerification', description: 'A coordinator saw a proof of the fact' });
export type FactVerification = z.infer<typeof FactVerificationSchema>;
