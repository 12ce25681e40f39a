import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  computeRetryDelayMs,
  shouldDisableSubscription,
  totalRetryWindowMs,
  WEBHOOK_RETRY_POLICY,
} from './webhook-delivery.ts';

describe('webhook retry policy', () => {
  it('spreads the attempts over about a day', () => {
    const hours = totalRetryWindowMs() / 3_600_000;
    expect(hours).toBeGreaterThan(20);
    expect(hours).toBeLessThan(28);
  });

  it('doubles from five minutes, and stops after the last attempt', () => {
    expect(computeRetryDelayMs(1)).toBe(5 * 60_000);
    expect(computeRetryDelayMs(2)).toBe(10 * 60_000);
    expect(computeRetryDelayMs(WEBHOOK_RETRY_POLICY.maxAttempts)).toBeNull();
  });

  it('never shrinks and never exceeds the cap (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: WEBHOOK_RETRY_POLICY.maxAttempts - 2 }), (attempt) => {
        const delay = computeRetryDelayMs(attempt) ?? 0;
        const next = computeRetryDelayMs(attempt + 1) ?? 0;
        expect(next).toBeGreaterThanOrEqual(delay);
        expect(next).toBeLessThanOrEqual(WEBHOOK_RETRY_POLICY.maxDelayMs);
      }),
    );
  });

  it('disables a subscription after enough failed events in a row', () => {
    expect(shouldDisableSubscription(WEBHOOK_RETRY_POLICY.maxConsecutiveFailedEvents - 1)).toBe(false);
    expect(shouldDisableSubscription(WEBHOOK_RETRY_POLICY.maxConsecutiveFailedEvents)).toBe(true);
  });
});
