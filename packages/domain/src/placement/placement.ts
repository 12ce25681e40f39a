import type { OfferKind } from '../offer/offer.schema.ts';
import type { PlacementKind } from './placement.schema.ts';

export interface PlacementFields {
  kind?: PlacementKind | undefined;
  durationMonths?: number | null | undefined;
  startDate?: string | undefined;
  endDate?: string | null | undefined;
  partnerId?: string | null | undefined;
  employerName?: string | null | undefined;
  hasHiringPromise?: boolean | undefined;
  isQualifyingTraining?: boolean | null | undefined;
}

export interface PlacementIssue {
  path: keyof PlacementFields;
  /** A message-catalogue key. */
  message: string;
}

/** Kinds whose duration decides the positive-exit category (domain.md), so it must be known. */
export const KINDS_WITH_DURATION: readonly PlacementKind[] = ['internship', 'cdd', 'interim'];
/** Kinds held with no employer: the learner works on their own. */
export const KINDS_WITHOUT_EMPLOYER: readonly PlacementKind[] = [
  'business_creation',
  'freelance',
  'further_training',
  'civic_service',
  'other',
];

/**
 * The rules of domain.md a placement must meet whatever the route (create, or a merged update):
 * durations for internships, CDD and interim, an employer for jobs, the incubator for an
 * incubation, the qualifying flag for further training, a hiring promise only on an internship.
 */
export function checkPlacementFields(placement: PlacementFields): PlacementIssue[] {
  const issues: PlacementIssue[] = [];
  const { kind } = placement;
  if (kind && KINDS_WITH_DURATION.includes(kind) && !placement.durationMonths) {
    issues.push({ path: 'durationMonths', message: 'placement.duration_required' });
  }
  if (placement.startDate && placement.endDate && placement.endDate < placement.startDate) {
    issues.push({ path: 'endDate', message: 'placement.dates_inverted' });
  }
  if (kind === 'incubation') {
    if (!placement.partnerId) issues.push({ path: 'partnerId', message: 'placement.incubator_required' });
  } else if (
    kind &&
    !KINDS_WITHOUT_EMPLOYER.includes(kind) &&
    !placement.partnerId &&
    !placement.employerName
  ) {
    issues.push({ path: 'partnerId', message: 'placement.employer_required' });
  }
  if (kind === 'further_training' && (placement.isQualifyingTraining ?? null) === null) {
    issues.push({ path: 'isQualifyingTraining', message: 'placement.qualifying_required' });
  }
  if (kind && kind !== 'internship' && placement.hasHiringPromise) {
    issues.push({ path: 'hasHiringPromise', message: 'placement.hiring_promise_internship_only' });
  }
  return issues;
}

/** The placement an accepted offer leads to: a freelance mission makes a freelancer. */
export function placementKindForOffer(kind: OfferKind): PlacementKind {
  return kind === 'freelance_mission' ? 'freelance' : kind;
}
