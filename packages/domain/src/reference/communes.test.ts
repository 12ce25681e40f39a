import { describe, expect, it } from 'vitest';
import { findCommuneByInseeCode, findCommunesByPostalCode } from './communes.ts';

describe('commune lookups', () => {
  it('finds a commune by INSEE code with its postal codes', () => {
    expect(findCommuneByInseeCode('59512')).toMatchObject({
      name: 'Roubaix',
      departmentCode: '59',
      postalCodes: ['59100'],
    });
    expect(findCommuneByInseeCode('93048')?.name).toBe('Montreuil');
    expect(findCommuneByInseeCode('2A004')?.name).toBe('Ajaccio');
    expect(findCommuneByInseeCode('00000')).toBeNull();
  });

  it('maps Paris, Lyon and Marseille arrondissements to their commune', () => {
    expect(findCommuneByInseeCode('75111')?.inseeCode).toBe('75056');
    expect(findCommuneByInseeCode('69383')?.inseeCode).toBe('69123');
    expect(findCommuneByInseeCode('13201')?.inseeCode).toBe('13055');
  });

  it('lists every commune of a postal code', () => {
    expect(findCommunesByPostalCode('59100').map((c) => c.name)).toEqual(['Roubaix']);
    expect(findCommunesByPostalCode('75011').map((c) => c.inseeCode)).toEqual(['75056']);
    expect(findCommunesByPostalCode('69003').map((c) => c.name)).toEqual(['Lyon']);
    expect(findCommunesByPostalCode('01400').length).toBeGreaterThan(1);
    expect(findCommunesByPostalCode('00000')).toEqual([]);
  });
});
