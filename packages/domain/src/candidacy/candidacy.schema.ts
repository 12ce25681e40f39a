import { z } from 'zod';
import { CandidateFactsSchema } from '../candidate/candidate.schema.ts';
import { EligibilityDecisionSchema, EligibilityEvaluationSchema } from '../eligibility/eligibility.schema.ts';
import { CalendarDateSchema, IdSchema, InstantSchema, VersionSchema } from '../shared/common.schema.ts';

export const CANDIDACY_STAGES = [
  'submitted',
  'screening',
  'info_session',
  'assessment',
  'interview',
  'waitlisted',
  'admitted',
  'enrolled',
  'completed',
  'dropped_out',
  'rejected',
  'withdrawn',
] as const;
export const CandidacyStageSchema = z.enum(CANDIDACY_STAGES).meta({ id: 'CandidacyStage' });
export type CandidacyStage = z.infer<typeof CandidacyStageSchema>;

export const REJECTION_REASONS = [
  'not_eligible',
  'lacking_prerequisites',
  'no_show',
  'assessment_failed',
  'motivation',
  'session_full',
  'unreachable',
  'duplicate',
  'auto_closed',
  'other',
] as const;
export const RejectionReasonSchema = z
  .enum(REJECTION_REASONS)
  .describe('`other` needs a comment')
  .meta({ id: 'RejectionReason' });
export type RejectionReason = z.infer<typeof RejectionReasonSchema>;

export const WITHDRAWAL_REASONS = [
  'found_job',
  'found_training',
  'not_interested',
  'personal',
  'other',
] as const;
export const WithdrawalReasonSchema = z
  .enum(WITHDRAWAL_REASONS)
  .describe('found_job and found_training count as positive for funders')
  .meta({ id: 'WithdrawalReason' });
export type WithdrawalReason = z.infer<typeof WithdrawalReasonSchema>;

export const RejectionSchema = z
  .object({
    reason: RejectionReasonSchema,
    comment: z.string().trim().max(1000).optional(),
    isSharedWithCandidate: z
      .boolean()
      .default(false)
      .describe('Whether the reason is shared with the candidate'),
    messageSent: z.string().max(5000).optional().describe('The message sent to the candidate, as sent'),
  })
  .superRefine((rejection, ctx) => {
    if (rejection.reason === 'other' && !rejection.comment) {
      ctx.addIssue({ code: 'custom', path: ['comment'], message: 'candidacy.comment_required' });
    }
  });
export type Rejection = z.infer<typeof RejectionSchema>;

export const AnswerSchema = z.object({
  questionId: z.string().min(1).max(100),
  answer: z.union([z.string().max(5000), z.number(), z.boolean(), z.array(z.string().max(500)).max(50)]),
});

export const CreateCandidacySchema = z
  .object({
    sessionId: IdSchema,
    candidateId: IdSchema,
    applicationDate: CalendarDateSchema,
    answers: z
      .array(AnswerSchema)
      .max(100)
      .default([])
      .describe('Answers to the session’s application questions'),
    referrerPartnerId: IdSchema.optional(),
  })
  .meta({ id: 'CreateCandidacy' });
export type CreateCandidacy = z.infer<typeof CreateCandidacySchema>;

export const CandidacyMoveSchema = z
  .object({
    to: CandidacyStageSchema,
    version: VersionSchema,
    rejection: RejectionSchema.optional().describe('Required to reject'),
    withdrawalReason: WithdrawalReasonSchema.optional().describe('Required to withdraw'),
    comment: z
      .string()
      .trim()
      .max(1000)
      .optional()
      .describe('Why; required to reopen a rejected or withdrawn candidacy'),
  })
  .meta({ id: 'CandidacyMove', description: 'Moves a candidacy to another stage' });
export type CandidacyMove = z.infer<typeof CandidacyMoveSchema>;

export const StageChangeSchema = z
  .object({
    from: CandidacyStageSchema.nullable(),
    to: CandidacyStageSchema,
    at: InstantSchema,
    by: IdSchema.nullable().describe('null when the system moved it (auto-close)'),
    comment: z.string().nullable(),
    rejection: RejectionSchema.nullable(),
    withdrawalReason: WithdrawalReasonSchema.nullable(),
  })
  .meta({ id: 'StageChange' });
export type StageChange = z.infer<typeof StageChangeSchema>;

export const CandidacySchema = z
  .object({
    id: IdSchema,
    sessionId: IdSchema,
    candidateId: IdSchema,
    stage: CandidacyStageSchema,
    applicationDate: CalendarDateSchema,
    answers: z.array(AnswerSchema),
    referrerPartnerId: IdSchema.nullable(),
    rejection: RejectionSchema.nullable(),
    withdrawalReason: WithdrawalReasonSchema.nullable(),
    eligibility: EligibilityEvaluationSchema.nullable().describe(
      'Latest evaluation; frozen once admitted or rejected',
    ),
    eligibilityInputs: CandidateFactsSchema.nullable().describe('Facts the evaluation used'),
    eligibilityDecision: EligibilityDecisionSchema.nullable(),
    isFlaggedEnrolledElsewhere: z.boolean().describe('The candidate enrolled in another session'),
    history: z.array(StageChangeSchema),
    version: VersionSchema,
    createdAt: InstantSchema,
    updatedAt: InstantSchema,
  })
  .meta({ id: 'Candidacy', description: 'One candidate applying to one session' });
export type Candidacy = z.infer<typeof CandidacySchema>;
