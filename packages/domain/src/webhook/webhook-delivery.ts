/**
 * Delivery policy, shared by the worker and its tests: exponential backoff over about a day, and
 * when a subscription has failed long enough to be disabled.
 */
export const WEBHOOK_RETRY_POLICY = {
  /** Attempts per event, the first included. */
  maxAttempts: 10,
  /** Delay before the second attempt; doubles each time (5 min … 320 min), capped below. */
  baseDelayMs: 5 * 60_000,
  maxDelayMs: 6 * 3_600_000,
  /** Events in a row whose every attempt failed before the subscription is disabled. */
  maxConsecutiveFailedEvents: 5,
} as const;

export type RetryPolicy = {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  maxConsecutiveFailedEvents: number;
};

/**
 * The delay before attempt `attemptNumber + 1`, after attempt `attemptNumber` failed; null when
 * no attempt is left. Delays double from `baseDelayMs` up to `maxDelayMs`: 5, 10, 20 … 320 min,
 * then 6 h twice, about 22.6 h from the first attempt to the tenth for the default policy.
 */
export function computeRetryDelayMs(attemptNumber: number, policy: RetryPolicy = WEBHOOK_RETRY_POLICY) {
  if (attemptNumber >= policy.maxAttempts) return null;
  const exponent = Math.max(0, attemptNumber - 1);
  return Math.min(policy.baseDelayMs * 2 ** exponent, policy.maxDelayMs);
}

/** The total time between the first and the last attempt of an event that always fails. */
export function totalRetryWindowMs(policy: RetryPolicy = WEBHOOK_RETRY_POLICY): number {
  let total = 0;
  for (let attempt = 1; attempt < policy.maxAttempts; attempt += 1)
    total += computeRetryDelayMs(attempt, policy) ?? 0;
  return total;
}

/** Whether a subscription must be disabled after another event exhausted its attempts. */
export function shouldDisableSubscription(
  consecutiveFailedEvents: number,
  policy: RetryPolicy = WEBHOOK_RETRY_POLICY,
): boolean {
  return consecutiveFailedEvents >= policy.maxConsecutiveFailedEvents;
}
