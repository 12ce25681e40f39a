import { describe, expect, it } from 'vitest';
import { calendarDateInParis } from './paris-date.ts';

describe('calendarDateInParis', () => {
  it('turns the day at midnight in Paris, not in UTC', () => {
    expect(calendarDateInParis(new Date('2026-01-01T22:59:59Z'))).toBe('2026-01-01');
    expect(calendarDateInParis(new Date('2026-01-01T23:00:00Z'))).toBe('2026-01-02');
    // Summer time: UTC+2.
    expect(calendarDateInParis(new Date('2026-07-14T21:59:59Z'))).toBe('2026-07-14');
    expect(calendarDateInParis(new Date('2026-07-14T22:00:00Z'))).toBe('2026-07-15');
  });
});
