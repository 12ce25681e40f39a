import type { CandidateFacts } from '@passerelle/domain/candidate/candidate.schema';
import { evaluateEligibility, selectReferenceDate } from '@passerelle/domain/eligibility/eligibility';
import type {
  EligibilityEvaluation,
  EligibilityRules,
  EligibilityStatus,
} from '@passerelle/domain/eligibility/eligibility.schema';
import { DomainError } from '@passerelle/domain/shared/errors';
import { eq } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { sessions } from '../../../db/schema/index.ts';
import { createEligibilityPolicyRepository } from '../eligibility-policies/eligibility-policy-repository.ts';

type SessionRow = typeof sessions.$inferSelect;

/** What the evaluator reads of a session. */
export type EvaluatedSession = Pick<SessionRow, 'id' | 'eligibilityPolicyId' | 'startDate'>;

/** A policy version as the engine takes it. */
export interface EvaluatedPolicy {
  policyId: string;
  version: number;
  rules: EligibilityRules;
}

const policies = createEligibilityPolicyRepository();

/** The candidacy columns an evaluation fills. */
export interface EligibilityColumns {
  eligibility: EligibilityEvaluation;
  eligibilityStatus: EligibilityStatus;
  /** The facts the evaluation used, kept with it. */
  eligibilityInputs: CandidateFacts;
  /** Codes of the criteria met, for the `criterion` filter and the composition. */
  criteriaMet: string[];
}

/** Pure: maps an evaluation and the facts it read to the candidacy columns. */
export function toEligibilityColumns(
  evaluation: EligibilityEvaluation,
  facts: CandidateFacts,
): EligibilityColumns {
  return {
    eligibility: evaluation,
    eligibilityStatus: evaluation.status,
    eligibilityInputs: facts,
    criteriaMet: evaluation.criteria
      .filter((criterion) => criterion.status === 'met')
      .map((criterion) => criterion.code),
  };
}

/** Pure: evaluates facts against a policy version for a session, on the policy's reference date. */
export function evaluateForSession(input: {
  policy: EvaluatedPolicy;
  session: Pick<SessionRow, 'startDate'>;
  facts: CandidateFacts;
  applicationDate: string;
}): EligibilityColumns {
  const { policy, session, facts, applicationDate } = input;
  const referenceDate = selectReferenceDate(policy.rules.referenceDate, {
    sessionStartDate: session.startDate,
    applicationDate,
  });
  const evaluation = evaluateEligibility({
    policy: { ...policy.rules, id: policy.policyId, version: policy.version },
    facts,
    referenceDate,
  });
  return toEligibilityColumns(evaluation, facts);
}

/**
 * Evaluates a candidate's facts with the session's eligibility policy (its current version) and
 * returns the columns to store on the candidacy.
 */
export async function evaluateCandidacyEligibility(
  executor: Executor,
  input: {
    session: EvaluatedSession | string;
    facts: CandidateFacts;
    /** `YYYY-MM-DD`, the candidacy's application date. */
    applicationDate: string;
  },
): Promise<EligibilityColumns> {
  const session =
    typeof input.session === 'string' ? await findSession(executor, input.session) : input.session;
  const policy = await policies.findVersion(executor, session.eligibilityPolicyId);
  if (!policy) throw new Error(`eligibility policy ${session.eligibilityPolicyId} has no current version`);
  return evaluateForSession({ policy, session, facts: input.facts, applicationDate: input.applicationDate });
}

async function findSession(executor: Executor, id: string): Promise<EvaluatedSession> {
  const rows = await executor
    .select({
      id: sessions.id,
      eligibilityPolicyId: sessions.eligibilityPolicyId,
      startDate: sessions.startDate,
    })
    .from(sessions)
    .where(eq(sessions.id, id));
  const row = rows[0];
  if (!row) throw new DomainError('not_found', 'no such session');
  return row;
}
