import { isOpenStage } from '@passerelle/domain/candidacy/candidacy';
import { CANDIDACY_STAGES, type CandidacyStage } from '@passerelle/domain/candidacy/candidacy.schema';

export interface CandidacyFigureInput {
  id: string;
  stage: CandidacyStage;
  submittedAt: string;
  stageChangedAt: string;
  candidate: { firstName: string; lastName: string };
}

export interface SessionFigures {
  total: number;
  thisWeek: number;
  byStage: Record<CandidacyStage, number>;
  /** Admitted and enrolled: the places taken. */
  placesTaken: number;
  /** Still in the running and unchanged for `stuckDays` or more, oldest first. */
  stuck: (CandidacyFigureInput & { days: number })[];
}

const DAY_MS = 86_400_000;

/** The dashboard's figures, computed from the session's candidacies (no figure is stored apart). */
export function computeSessionFigures(
  candidacies: readonly CandidacyFigureInput[],
  { now, stuckDays }: { now: Date; stuckDays: number },
): SessionFigures {
  const byStage = Object.fromEntries(CANDIDACY_STAGES.map((stage) => [stage, 0])) as Record<
    CandidacyStage,
    number
  >;
  const weekAgo = now.getTime() - 7 * DAY_MS;
  let thisWeek = 0;
  const stuck: SessionFigures['stuck'] = [];
  for (const candidacy of candidacies) {
    byStage[candidacy.stage] += 1;
    const submitted = Date.parse(candidacy.submittedAt);
    if (submitted >= weekAgo && submitted <= now.getTime()) thisWeek += 1;
    // Admitted people wait for the start: only the stages a coordinator must act on can be stuck.
    if (isOpenStage(candidacy.stage) && candidacy.stage !== 'admitted' && candidacy.stage !== 'waitlisted') {
      const days = Math.floor((now.getTime() - Date.parse(candidacy.stageChangedAt)) / DAY_MS);
      if (days >= stuckDays) stuck.push({ ...candidacy, days });
    }
  }
  stuck.sort((a, b) => b.days - a.days);
  return {
    total: candidacies.length,
    thisWeek,
    byStage,
    placesTaken: byStage.admitted + byStage.enrolled,
    stuck,
  };
}
