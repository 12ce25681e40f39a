import type {
  EligibilityCheckResult,
  SessionEligibilityCheck,
} from '@passerelle/domain/application/application.schema';
import type {
  CriterionStatus,
  EligibilityEvaluation,
  EligibilityStatus,
} from '@passerelle/domain/eligibility/eligibility.schema';
import { formatMessage } from '@passerelle/domain/messages/messages';
import type { Locale } from '../../../lib/i18n';

export interface VerdictLine {
  code: string;
  status: CriterionStatus;
  label: string;
  reason: string;
}

/** One session's answer to the self-check, from the browser's preview or the server's check. */
export interface SessionVerdict {
  sessionId: string;
  status: EligibilityStatus;
  reason: string;
  criteria: VerdictLine[];
  limits: VerdictLine[];
}

export function verdictFromEvaluation(
  sessionId: string,
  evaluation: EligibilityEvaluation,
  locale: Locale,
): SessionVerdict {
  return {
    sessionId,
    status: evaluation.status,
    reason: formatMessage(evaluation.reason, locale),
    criteria: evaluation.criteria.map((criterion) => ({
      code: criterion.code,
      status: criterion.status,
      label: formatMessage({ key: `criterion.${criterion.code}` }, locale),
      reason: formatMessage(criterion.reason, locale),
    })),
    limits: evaluation.limits.map((limit) => ({
      code: limit.code,
      status: limit.status,
      label: formatMessage({ key: `limit.${limit.code}` }, locale),
      reason: formatMessage(limit.reason, locale),
    })),
  };
}

function verdictFromCheck(check: SessionEligibilityCheck, locale: Locale): SessionVerdict {
  return {
    sessionId: check.session.id,
    status: check.status,
    reason: check.reason[locale],
    criteria: check.criteria.map((line) => ({
      code: line.code,
      status: line.status,
      label: line.label[locale],
      reason: line.reason[locale],
    })),
    limits: check.limits.map((line) => ({
      code: line.code,
      status: line.status,
      label: line.label[locale],
      reason: line.reason[locale],
    })),
  };
}

export function verdictsFromCheckResult(result: EligibilityCheckResult, locale: Locale): SessionVerdict[] {
  return result.evaluations.map((check) => verdictFromCheck(check, locale));
}

const STATUS_ORDER: Record<EligibilityStatus, number> = { eligible: 0, incomplete: 1, ineligible: 2 };

/** Sessions that fit first, then those that might, then the others. */
export function sortVerdicts(verdicts: SessionVerdict[]): SessionVerdict[] {
  return [...verdicts].sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status]);
}
