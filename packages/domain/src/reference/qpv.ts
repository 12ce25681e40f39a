import type { Address, CandidateFacts } from '../candidate/candidate.schema.ts';
import {
  type BoundingBox,
  computeBoundingBox,
  type Geometry,
  isInBoundingBox,
  isPointInGeometry,
} from './geometry.ts';

/** A QPV contour as imported from the ANCT GeoJSON; a QPV may span several communes. */
export interface QpvFeature {
  code: string;
  name: string;
  communeCodes: readonly string[];
  geometry: Geometry;
}

export interface QpvDataset {
  /** e.g. "2024" */
  vintage: string;
  features: readonly QpvFeature[];
}

export type QpvLookupOutcome =
  | { outcome: 'not_geocoded' }
  | { outcome: 'imprecise'; cause: 'domiciliation' | 'match_type' | 'score' }
  | { outcome: 'in'; qpvCode: string; vintage: string }
  | { outcome: 'out'; vintage: string };

export interface QpvLookup {
  readonly vintage: string;
  lookup(address: Pick<Address, 'inseeCode' | 'isDomiciliation' | 'geocoding'>): QpvLookupOutcome;
}

/** Below this geocoder score, or short of a house-number match, the address is too vague for a QPV. */
export const MIN_GEOCODING_SCORE = 0.8;

/**
 * A lookup over imported contours: trusted only for a house-number match scoring ≥ 0.8 and never for a
 * domiciliation; candidates pre-filtered by commune (the address's INSEE code, as the caller normalised
 * it) then by bounding box.
 */
export function createQpvLookup(dataset: QpvDataset): QpvLookup {
  const byCommune = new Map<string, { feature: QpvFeature; box: BoundingBox }[]>();
  for (const feature of dataset.features) {
    const entry = { feature, box: computeBoundingBox(feature.geometry) };
    for (const code of feature.communeCodes) byCommune.set(code, [...(byCommune.get(code) ?? []), entry]);
  }
  return {
    vintage: dataset.vintage,
    lookup(address) {
      const geocoding = address.geocoding;
      if (!geocoding) return { outcome: 'not_geocoded' };
      if (address.isDomiciliation) return { outcome: 'imprecise', cause: 'domiciliation' };
      if (geocoding.matchType !== 'housenumber') return { outcome: 'imprecise', cause: 'match_type' };
      if (geocoding.score < MIN_GEOCODING_SCORE) return { outcome: 'imprecise', cause: 'score' };
      const point = [geocoding.longitude, geocoding.latitude] as const;
      const found = (byCommune.get(address.inseeCode) ?? []).find(
        ({ feature, box }) => isInBoundingBox(point, box) && isPointInGeometry(point, feature.geometry),
      );
      return found
        ? { outcome: 'in', qpvCode: found.feature.code, vintage: dataset.vintage }
        : { outcome: 'out', vintage: dataset.vintage };
    },
  };
}

/** The computed fact for the engine; `not_geocoded` and `imprecise` leave the fact unknown. */
export function toQpvFact(outcome: QpvLookupOutcome): CandidateFacts['qpv'] {
  if (outcome.outcome !== 'in' && outcome.outcome !== 'out') return undefined;
  const isResident = outcome.outcome === 'in';
  return {
    value: { isResident, vintage: outcome.vintage, ...(isResident ? { qpvCode: outcome.qpvCode } : {}) },
    origin: 'computed',
    computation: {
      source: 'anct-qpv',
      vintage: outcome.vintage,
      ...(isResident ? { detail: outcome.qpvCode } : {}),
    },
  };
}
