import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OFFER_KINDS } from '../offer/offer.schema.ts';
import { CreatePlacementSchema, PLACEMENT_KINDS } from './placement.schema.ts';
import { checkPlacementFields, placementKindForOffer } from './placement.ts';

const base = { candidacyId: '019ac1f2-7b3e-7c41-9a55-2f1e8d0c4b7a', startDate: '2027-01-04' };

describe('placement rules', () => {
  it('needs a duration for internships, CDD and interim', () => {
    for (const kind of ['internship', 'cdd', 'interim'] as const) {
      expect(checkPlacementFields({ kind, employerName: 'ACME' })).toEqual([
        { path: 'durationMonths', message: 'placement.duration_required' },
      ]);
      expect(checkPlacementFields({ kind, employerName: 'ACME', durationMonths: 6 })).toEqual([]);
    }
  });

  it('needs the incubator for an incubation, even with a free-text employer', () => {
    expect(checkPlacementFields({ kind: 'incubation', employerName: 'Euratech' })).toEqual([
      { path: 'partnerId', message: 'placement.incubator_required' },
    ]);
    expect(checkPlacementFields({ kind: 'incubation', partnerId: base.candidacyId })).toEqual([]);
  });

  it('needs the qualifying flag for further training, and keeps hiring promises to internships', () => {
    expect(checkPlacementFields({ kind: 'further_training' })).toEqual([
      { path: 'isQualifyingTraining', message: 'placement.qualifying_required' },
    ]);
    expect(checkPlacementFields({ kind: 'further_training', isQualifyingTraining: false })).toEqual([]);
    expect(checkPlacementFields({ kind: 'cdi', employerName: 'ACME', hasHiringPromise: true })).toEqual([
      { path: 'hasHiringPromise', message: 'placement.hiring_promise_internship_only' },
    ]);
  });

  it('refuses an end before the start, and reports through the create schema', () => {
    const result = CreatePlacementSchema.safeParse({
      ...base,
      kind: 'cdd',
      employerName: 'ACME',
      durationMonths: 3,
      endDate: '2026-12-31',
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['endDate']);
  });

  it('accepts every kind once its own fields are given (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PLACEMENT_KINDS), fc.integer({ min: 1, max: 120 }), (kind, months) => {
        const issues = checkPlacementFields({
          kind,
          durationMonths: months,
          partnerId: base.candidacyId,
          isQualifyingTraining: true,
          hasHiringPromise: kind === 'internship',
        });
        expect(issues).toEqual([]);
      }),
    );
  });

  it('maps every offer kind to a placement kind', () => {
    for (const kind of OFFER_KINDS) {
      expect(PLACEMENT_KINDS).toContain(placementKindForOffer(kind));
    }
    expect(placementKindForOffer('freelance_mission')).toBe('freelance');
    expect(placementKindForOffer('cdi')).toBe('cdi');
  });
});
