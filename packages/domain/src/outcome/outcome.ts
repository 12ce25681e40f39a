import type { CandidacyStage } from '../candidacy/candidacy.schema.ts';
import type { Milestone, Situation } from '../follow-up/follow-up.schema.ts';
import {
  OUTCOME_CATEGORIES,
  type OutcomeCategory,
  type OutcomeMapping,
  type OutcomeRule,
  POSITIVE_CATEGORIES,
  type PositiveExitRate,
} from './outcome.schema.ts';

/**
 * domain.md's default. A cdd or interim of unknown length is a transition: nothing proves it durable.
 * A non-qualifying further training falls through to `not_positive`.
 */
export const DEFAULT_OUTCOME_MAPPING: OutcomeMapping = {
  rules: [
    { situation: 'cdi', category: 'durable_employment' },
    { situation: 'cdd', minDurationMonths: 6, category: 'durable_employment' },
    { situation: 'interim', minDurationMonths: 6, category: 'durable_employment' },
    { situation: 'business_creation', category: 'durable_employment' },
    { situation: 'incubation', category: 'durable_employment' },
    { situation: 'freelance', category: 'durable_employment' },
    { situation: 'cdd', category: 'transition' },
    { situation: 'interim', category: 'transition' },
    { situation: 'apprenticeship', category: 'transition' },
    { situation: 'internship', hasHiringPromise: true, category: 'transition' },
    { situation: 'further_training', isQualifyingTraining: true, category: 'positive_other' },
    { situation: 'civic_service', category: 'positive_other' },
    { situation: 'unknown', category: 'unknown' },
  ],
  fallback: 'not_positive',
  denominator: 'leavers',
};

function matchesRule(rule: OutcomeRule, situation: Situation): boolean {
  if (rule.situation !== situation.kind) return false;
  const duration = situation.durationMonths;
  if (rule.minDurationMonths !== undefined && (duration === null || duration < rule.minDurationMonths))
    return false;
  if (
    rule.maxDurationMonthsExclusive !== undefined &&
    (duration === null || duration >= rule.maxDurationMonthsExclusive)
  ) {
    return false;
  }
  if (rule.hasHiringPromise !== undefined && rule.hasHiringPromise !== situation.hasHiringPromise)
    return false;
  if (rule.isQualifyingTraining !== undefined && rule.isQualifyingTraining !== situation.isQualifyingTraining)
    return false;
  return true;
}

/** The category of a situation; no follow-up at all is `unknown`, whatever the mapping. */
export function categoriseSituation(
  situation: Situation | null | undefined,
  mapping: OutcomeMapping = DEFAULT_OUTCOME_MAPPING,
): OutcomeCategory {
  if (!situation || situation.kind === 'unknown') return 'unknown';
  return mapping.rules.find((rule) => matchesRule(rule, situation))?.category ?? mapping.fallback;
}

export function isPositiveCategory(category: OutcomeCategory): boolean {
  return POSITIVE_CATEGORIES.includes(category);
}

export interface LearnerOutcome {
  stage: CandidacyStage;
  /** The situation at the milestone; null or undefined when no follow-up was recorded. */
  situation?: Situation | null | undefined;
  /** How many learners this stands for (a group of an SQL aggregate); 1 by default. */
  count?: number;
}

/**
 * Positive-exit rate at a milestone over the learners who left the training (or the completers),
 * unknowns kept in the denominator and counted apart.
 */
export function computePositiveExitRate(
  learners: readonly LearnerOutcome[],
  milestone: Milestone,
  mapping: OutcomeMapping = DEFAULT_OUTCOME_MAPPING,
): PositiveExitRate {
  const leftStages: CandidacyStage[] =
    mapping.denominator === 'completers' ? ['completed'] : ['completed', 'dropped_out'];
  const counts = Object.fromEntries(OUTCOME_CATEGORIES.map((category) => [category, 0])) as Record<
    OutcomeCategory,
    number
  >;
  let denominator = 0;
  let notRecorded = 0;
  for (const learner of learners) {
    if (!leftStages.includes(learner.stage)) continue;
    const count = learner.count ?? 1;
    denominator += count;
    counts[categoriseSituation(learner.situation, mapping)] += count;
    if (!learner.situation) notRecorded += count;
  }
  const positive = POSITIVE_CATEGORIES.reduce((sum, category) => sum + counts[category], 0);
  return {
    milestone,
    denominator,
    counts,
    positive,
    notRecorded,
    rate: denominator === 0 ? null : positive / denominator,
    unknownShare: denominator === 0 ? null : counts.unknown / denominator,
  };
}
