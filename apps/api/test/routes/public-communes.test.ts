import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helper.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => t.close());

describe('GET /public/communes', () => {
  it('lists every commune a postal code serves, without a token', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/public/communes?postalCode=59100' });
    expect(response.statusCode).toBe(200);
    expect(response.json().data).toEqual([
      { inseeCode: '59512', name: 'Roubaix', departmentCode: '59', postalCodes: ['59100'] },
    ]);
    expect(response.headers['cache-control']).toContain('max-age');
  });

  it('folds Paris arrondissements into Paris', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/public/communes?postalCode=75020' });
    expect(response.json().data.map((commune: { inseeCode: string }) => commune.inseeCode)).toEqual([
      '75056',
    ]);
  });

  it('answers an empty list for an unknown code and 400 for a malformed one', async () => {
    const unknown = await t.app.inject({ method: 'GET', url: '/api/v1/public/communes?postalCode=00000' });
    expect(unknown.json()).toEqual({ data: [] });
    const malformed = await t.app.inject({ method: 'GET', url: '/api/v1/public/communes?postalCode=591' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().errors[0].path).toBe('query.postalCode');
  });
});
