import { describe, expect, it } from 'vitest';
import { EligibilityRulesSchema } from '../eligibility/eligibility.schema.ts';
import { evaluateEligibility } from '../eligibility/eligibility.ts';
import { createQpvLookup, toQpvFact } from './qpv.ts';
import { createRuralLookup, toRuralFact } from './rural.ts';

// A hand-made QPV spanning two communes, with a hole (a park excluded from the neighbourhood).
const lookup = createQpvLookup({
  vintage: '2024',
  features: [
    {
      code: 'QN05901M',
      name: 'Quartier de test',
      communeCodes: ['59512', '59599'],
      geometry: {
        type: 'MultiPolygon',
        coordinates: [
          [
            [
              [3.17, 50.68],
              [3.19, 50.68],
              [3.19, 50.7],
              [3.17, 50.7],
              [3.17, 50.68],
            ],
            [
              [3.175, 50.685],
              [3.18, 50.685],
              [3.18, 50.69],
              [3.175, 50.69],
              [3.175, 50.685],
            ],
          ],
          [
            [
              [3.2, 50.68],
              [3.21, 50.68],
              [3.21, 50.69],
              [3.2, 50.68],
            ],
          ],
        ],
      },
    },
  ],
});

const geocoded = (longitude: number, latitude: number, overrides: object = {}) => ({
  inseeCode: '59512',
  isDomiciliation: false,
  geocoding: {
    longitude,
    latitude,
    label: '1 rue de Test 59100 Roubaix',
    score: 0.93,
    matchType: 'housenumber' as const,
    ...overrides,
  },
});

describe('QPV lookup', () => {
  it('finds an address inside, outside, in the hole and in another commune of the QPV', () => {
    expect(lookup.lookup(geocoded(3.185, 50.695))).toEqual({
      outcome: 'in',
      qpvCode: 'QN05901M',
      vintage: '2024',
    });
    expect(lookup.lookup(geocoded(3.1775, 50.6875))).toEqual({ outcome: 'out', vintage: '2024' });
    expect(lookup.lookup({ ...geocoded(3.208, 50.682), inseeCode: '59599' }).outcome).toBe('in');
    expect(lookup.lookup({ ...geocoded(3.185, 50.695), inseeCode: '93048' }).outcome).toBe('out');
    expect(lookup.lookup(geocoded(3.3, 50.695)).outcome).toBe('out');
  });

  it('refuses what it cannot trust', () => {
    expect(lookup.lookup({ inseeCode: '59512', isDomiciliation: false })).toEqual({
      outcome: 'not_geocoded',
    });
    expect(lookup.lookup({ ...geocoded(3.185, 50.695), isDomiciliation: true })).toEqual({
      outcome: 'imprecise',
      cause: 'domiciliation',
    });
    expect(lookup.lookup(geocoded(3.185, 50.695, { matchType: 'street' }))).toEqual({
      outcome: 'imprecise',
      cause: 'match_type',
    });
    expect(lookup.lookup(geocoded(3.185, 50.695, { score: 0.79 }))).toEqual({
      outcome: 'imprecise',
      cause: 'score',
    });
    expect(lookup.lookup(geocoded(3.185, 50.695, { score: 0.8 })).outcome).toBe('in');
  });

  it('feeds the engine with a computed fact, or leaves it unknown', () => {
    const policy = EligibilityRulesSchema.parse({});
    const fact = toQpvFact(lookup.lookup(geocoded(3.185, 50.695)));
    expect(fact).toMatchObject({ origin: 'computed', value: { isResident: true, qpvCode: 'QN05901M' } });
    const evaluation = evaluateEligibility({
      policy,
      facts: fact ? { qpv: fact } : {},
      referenceDate: '2026-09-07',
    });
    expect(evaluation.criteria.find((c) => c.code === 'qpv_resident')).toMatchObject({
      status: 'met',
      origin: 'computed',
    });
    expect(toQpvFact(lookup.lookup(geocoded(3.3, 50.695)))?.value.isResident).toBe(false);
    expect(toQpvFact({ outcome: 'imprecise', cause: 'score' })).toBeUndefined();
    expect(toQpvFact({ outcome: 'not_geocoded' })).toBeUndefined();
  });
});

describe('rural lookup', () => {
  const rural = createRuralLookup({
    vintage: '2025',
    communes: [
      { inseeCode: '23096', frr: 'classified', densityLevel: 7 },
      { inseeCode: '59512', frr: 'not_classified', densityLevel: 1 },
      { inseeCode: '05061', frr: 'partially_classified' },
    ],
  });

  it('turns the dated list into computed facts; a partial classification stays unknown', () => {
    expect(toRuralFact(rural.lookup('23096'), rural.vintage)).toMatchObject({
      origin: 'computed',
      value: { frr: 'classified' },
    });
    expect(toRuralFact(rural.lookup('00000'), rural.vintage)).toBeUndefined();
    const policy = EligibilityRulesSchema.parse({});
    const fact = toRuralFact(rural.lookup('05061'), rural.vintage);
    const evaluation = evaluateEligibility({
      policy,
      facts: fact ? { rural: fact } : {},
      referenceDate: '2026-09-07',
    });
    expect(evaluation.criteria.find((c) => c.code === 'rural_resident')?.status).toBe('unknown');
  });
});
