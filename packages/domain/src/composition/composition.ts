import type { CandidacyStage } from '../candidacy/candidacy.schema.ts';
import type { CriterionCode, CriterionStatus } from '../eligibility/eligibility.schema.ts';
import type { SessionTarget, TargetCriterion } from '../session/session.schema.ts';

export const COHORT_STAGES: readonly CandidacyStage[] = ['admitted', 'enrolled', 'completed', 'dropped_out'];
/** "Interview and beyond" not yet admitted: counted in the projection. */
export const SHORTLIST_STAGES: readonly CandidacyStage[] = ['interview', 'waitlisted'];

export interface CompositionMember {
  stage: CandidacyStage;
  /** Status of each criterion for this candidacy (from its evaluation or a verified decision). */
  criteria: Partial<Record<CriterionCode, CriterionStatus>>;
}

export interface CriterionCount {
  count: number;
  unknown: number;
  size: number;
  share: number | null;
}

export type TargetStatus = 'met' | 'at_risk' | 'missed';

export interface TargetProgress {
  target: SessionTarget;
  current: CriterionCount;
  projected: CriterionCount;
  status: TargetStatus;
}

export interface Composition {
  current: Record<TargetCriterion, CriterionCount>;
  projected: Record<TargetCriterion, CriterionCount>;
  targets: TargetProgress[];
}

function meets(member: CompositionMember, criterion: TargetCriterion): CriterionStatus {
  if (criterion !== 'any_priority') return member.criteria[criterion] ?? 'unknown';
  const statuses = Object.values(member.criteria);
  if (statuses.includes('met')) return 'met';
  return statuses.includes('unknown') || statuses.length === 0 ? 'unknown' : 'not_met';
}

export function countCriterion(
  members: readonly CompositionMember[],
  criterion: TargetCriterion,
): CriterionCount {
  let count = 0;
  let unknown = 0;
  for (const member of members) {
    const status = meets(member, criterion);
    if (status === 'met') count += 1;
    else if (status === 'unknown') unknown += 1;
  }
  return {
    count,
    unknown,
    size: members.length,
    share: members.length === 0 ? null : count / members.length,
  };
}

/**
 * A target is met when both the cohort and the projection (shortlisted admitted too) reach it, missed
 * when neither does, at risk otherwise or while the cohort is empty. An unknown criterion never
 * counts as met.
 */
export function computeComposition(
  members: readonly CompositionMember[],
  targets: readonly SessionTarget[],
  criteria: readonly TargetCriterion[],
): Composition {
  const cohort = members.filter((member) => COHORT_STAGES.includes(member.stage));
  const projection = members.filter(
    (member) => COHORT_STAGES.includes(member.stage) || SHORTLIST_STAGES.includes(member.stage),
  );
  const all = [...new Set([...criteria, ...targets.map((target) => target.criterion)])];
  const current = Object.fromEntries(
    all.map((criterion) => [criterion, countCriterion(cohort, criterion)]),
  ) as Composition['current'];
  const projected = Object.fromEntries(
    all.map((criterion) => [criterion, countCriterion(projection, criterion)]),
  ) as Composition['projected'];
  return {
    current,
    projected,
    targets: targets.map((target) => {
      const now = current[target.criterion] as CriterionCount;
      const then = projected[target.criterion] as CriterionCount;
      const isMetNow = now.share !== null && now.share >= target.minShare;
      const isMetThen = then.share !== null && then.share >= target.minShare;
      const status: TargetStatus =
        isMetNow && isMetThen ? 'met' : !isMetNow && !isMetThen && now.size > 0 ? 'missed' : 'at_risk';
      return { target, current: now, projected: then, status };
    }),
  };
}
