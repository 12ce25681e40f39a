import type { SituationKind } from '@passerelle/domain/follow-up/follow-up.schema';
import { KINDS_WITH_DURATION, KINDS_WITHOUT_EMPLOYER } from '@passerelle/domain/placement/placement';
import {
  type CreatePlacement,
  CreatePlacementSchema,
  type PlacementKind,
} from '@passerelle/domain/placement/placement.schema';

/** What the placement form holds: strings as typed, turned into a request body on submit. */
export interface PlacementDraft {
  kind: PlacementKind | '';
  partnerId: string;
  employerName: string;
  jobTitle: string;
  startDate: string;
  endDate: string;
  durationMonths: string;
  hasHiringPromise: boolean;
  isQualifyingTraining: '' | 'yes' | 'no';
  previousPlacementId: string;
}

export const EMPTY_PLACEMENT_DRAFT: PlacementDraft = {
  kind: '',
  partnerId: '',
  employerName: '',
  jobTitle: '',
  startDate: '',
  endDate: '',
  durationMonths: '',
  hasHiringPromise: false,
  isQualifyingTraining: '',
  previousPlacementId: '',
};

/** Which fields the form shows for a kind (domain.md). */
export function placementFieldsFor(kind: PlacementKind | '') {
  return {
    duration: kind !== '' && KINDS_WITH_DURATION.includes(kind),
    hiringPromise: kind === 'internship',
    employer: kind !== '' && !KINDS_WITHOUT_EMPLOYER.includes(kind) && kind !== 'incubation',
    incubator: kind === 'incubation',
    qualifying: kind === 'further_training',
  };
}

export function draftOfPlacement(placement: {
  kind: PlacementKind;
  partnerId: string | null;
  employerName: string | null;
  jobTitle: string | null;
  startDate: string;
  endDate: string | null;
  durationMonths: number | null;
  hasHiringPromise: boolean;
  isQualifyingTraining: boolean | null;
  previousPlacementId: string | null;
}): PlacementDraft {
  return {
    kind: placement.kind,
    partnerId: placement.partnerId ?? '',
    employerName: placement.employerName ?? '',
    jobTitle: placement.jobTitle ?? '',
    startDate: placement.startDate,
    endDate: placement.endDate ?? '',
    durationMonths: placement.durationMonths === null ? '' : String(placement.durationMonths),
    hasHiringPromise: placement.hasHiringPromise,
    isQualifyingTraining:
      placement.isQualifyingTraining === null ? '' : placement.isQualifyingTraining ? 'yes' : 'no',
    previousPlacementId: placement.previousPlacementId ?? '',
  };
}

export type PlacementDraftResult =
  | { ok: true; body: CreatePlacement }
  | { ok: false; errors: Partial<Record<keyof PlacementDraft, string>> };

/** The request body for a draft, checked by the same schema as the API (fields hidden for the kind are dropped). */
export function buildPlacementBody(candidacyId: string, draft: PlacementDraft): PlacementDraftResult {
  const fields = placementFieldsFor(draft.kind);
  const text = (value: string) => (value.trim() === '' ? null : value.trim());
  const parsed = CreatePlacementSchema.safeParse({
    candidacyId,
    kind: draft.kind || undefined,
    partnerId: fields.employer || fields.incubator ? text(draft.partnerId) : null,
    employerName: fields.employer && !draft.partnerId ? text(draft.employerName) : null,
    jobTitle: text(draft.jobTitle),
    startDate: draft.startDate || undefined,
    endDate: text(draft.endDate),
    durationMonths: fields.duration && draft.durationMonths ? Number(draft.durationMonths) : null,
    hasHiringPromise: fields.hiringPromise && draft.hasHiringPromise,
    isQualifyingTraining:
      fields.qualifying && draft.isQualifyingTraining ? draft.isQualifyingTraining === 'yes' : null,
    previousPlacementId: text(draft.previousPlacementId),
  });
  if (parsed.success) return { ok: true, body: parsed.data };
  const errors: Partial<Record<keyof PlacementDraft, string>> = {};
  for (const issue of parsed.error.issues) {
    const key = String(issue.path[0] ?? 'kind') as keyof PlacementDraft;
    errors[key] ??= issue.code === 'custom' ? issue.message : 'validation.invalid';
  }
  return { ok: false, errors };
}

/** What a follow-up records: a placement held then, a new one, or a situation without one. */
export type FollowUpChoice =
  | { kind: 'placement'; placementId: string }
  | { kind: 'new_placement' }
  | { kind: 'situation'; situation: Extract<SituationKind, 'job_seeking' | 'inactive' | 'unknown'> }
  | { kind: 'none' };

/** The learner's placements held on a date: the likely answer of a follow-up due then. */
export function placementsHeldOn<T extends { startDate: string; endDate: string | null }>(
  placements: readonly T[],
  date: string,
): T[] {
  return placements.filter(
    (placement) => placement.startDate <= date && (placement.endDate === null || placement.endDate >= date),
  );
}

/** The choice a dialog opens with: the placement held at the due date if there is exactly one. */
export function initialFollowUpChoice(
  placements: readonly { id: string; startDate: string; endDate: string | null }[],
  dueOn: string,
): FollowUpChoice {
  const held = placementsHeldOn(placements, dueOn);
  return held.length === 1 && held[0] ? { kind: 'placement', placementId: held[0].id } : { kind: 'none' };
}
