import type { CandidacyStage } from '../candidacy/candidacy.schema.ts';
import { FUNNEL_STEPS, type FunnelStep, type FunnelStepCode } from './report.schema.ts';

/**
 * How far along the selection path each stage is. `waitlisted` ranks with `interview` (shortlisted,
 * not admitted), `dropped_out` with `enrolled` (enrolled, did not complete); `rejected` and
 * `withdrawn` are off the path: how far such a candidacy went comes from its history.
 */
export const STAGE_RANKS: Readonly<Record<CandidacyStage, number>> = {
  submitted: 0,
  screening: 1,
  info_session: 2,
  assessment: 3,
  interview: 4,
  waitlisted: 4,
  admitted: 5,
  enrolled: 6,
  dropped_out: 6,
  completed: 7,
  rejected: 0,
  withdrawn: 0,
};

const STEP_RANKS: Partial<Record<FunnelStepCode, number>> = {
  screening: STAGE_RANKS.screening,
  info_session: STAGE_RANKS.info_session,
  assessment: STAGE_RANKS.assessment,
  interview: STAGE_RANKS.interview,
  admitted: STAGE_RANKS.admitted,
  enrolled: STAGE_RANKS.enrolled,
  completed: STAGE_RANKS.completed,
};

/** One group of the funnel query: candidacies alike in what the funnel counts. */
export interface FunnelGroup {
  /** The furthest rank the candidacy reached (STAGE_RANKS), from its history and current stage. */
  furthestRank: number;
  isEligible: boolean;
  isPositiveExit: boolean;
  count: number;
}

function ratio(count: number, of: number): number | null {
  return of === 0 ? null : count / of;
}

/**
 * The funnel's steps: each stage counts the candidacies that reached it or went further (a skipped
 * selection step counts as passed), so every step but `eligible` is within the one before.
 */
export function computeFunnel(groups: readonly FunnelGroup[]): FunnelStep[] {
  const counts = FUNNEL_STEPS.map((step) => {
    let count = 0;
    for (const group of groups) {
      const stepRank = STEP_RANKS[step];
      const isIn =
        step === 'applications'
          ? true
          : step === 'eligible'
            ? group.isEligible
            : step === 'positive_exit'
              ? group.isPositiveExit
              : group.furthestRank >= (stepRank ?? Number.POSITIVE_INFINITY);
      if (isIn) count += group.count;
    }
    return { step, count };
  });
  const applications = counts[0]?.count ?? 0;
  return counts.map(({ step, count }, index) => ({
    step,
    count,
    rateFromPrevious: index === 0 ? null : ratio(count, counts[index - 1]?.count ?? 0),
    rateFromApplications: index === 0 ? null : ratio(count, applications),
  }));
}
