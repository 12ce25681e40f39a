import type { TFunction } from 'i18next';
import { isApiError } from '../../../lib/api-client';
import { describeError } from '../../../lib/problem-message';

/** A refusal's reason as the server phrased it (in the user's language) when it says more than the code. */
export function describeSaveError(error: unknown, t: TFunction): string {
  if (
    isApiError(error) &&
    (error.code === 'rule_violated' || error.code === 'conflict') &&
    error.problem.detail
  ) {
    return error.problem.detail;
  }
  return describeError(error, t);
}

export function isStaleError(error: unknown): boolean {
  return isApiError(error) && (error.code === 'stale_version' || error.status === 412);
}
