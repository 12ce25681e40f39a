import { createDefaultRules } from '@passerelle/domain/eligibility/eligibility-policy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFabrique } from '../factories/index.ts';
import { countIntakeRows, nextIp } from '../factories/intake.ts';
import { createPolicy, createSession } from '../factories/recruitment.ts';
import { buildTestApp, type TestApp } from '../helper.ts';

let t: TestApp;
let lilleFabriqueId: string;
let parisFabriqueId: string;

beforeAll(async () => {
  t = await buildTestApp();
  lilleFabriqueId = (await createFabrique(t.database.db, { departmentCode: '59' })).id;
  parisFabriqueId = (await createFabrique(t.database.db, { departmentCode: '75' })).id;
});
afterAll(async () => t.close());

function check(payload: Record<string, unknown>) {
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/public/eligibility-check',
    payload,
    remoteAddress: nextIp(),
  });
}

describe('POST /public/eligibility-check', () => {
  it('evaluates the answers against each open session, in French and English, and stores nothing', async () => {
    const open = await createSession(t.database.db, lilleFabriqueId);
    const womenOnly = await createSession(t.database.db, lilleFabriqueId, {
      eligibilityPolicyId: (
        await createPolicy(t.database.db, { ...createDefaultRules(), requiredCriteria: ['woman'] })
      ).id,
    });
    const draft = await createSession(t.database.db, lilleFabriqueId, { status: 'draft' });
    const before = await countIntakeRows(t.database.db);

    const response = await check({ birthDate: '2003-05-01', gender: 'male', diploma: { highestLevel: '3' } });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    const ids = body.evaluations.map((evaluation: { session: { id: string } }) => evaluation.session.id);
    expect(ids).toEqual(expect.arrayContaining([open.id, womenOnly.id]));
    expect(ids).not.toContain(draft.id);
    expect(body.matchingSessionIds).toContain(open.id);
    expect(body.matchingSessionIds).not.toContain(womenOnly.id);

    const forOpen = body.evaluations.find(
      (evaluation: { session: { id: string } }) => evaluation.session.id === open.id,
    );
    expect(forOpen.status).toBe('eligible');
    const young = forOpen.criteria.find((criterion: { code: string }) => criterion.code === 'young');
    expect(young).toMatchObject({ status: 'met', label: { fr: 'jeune', en: 'young' } });
    expect(young.reason.fr).toMatch(/2003-05-01/);
    expect(young.reason.en).not.toBe(young.reason.fr);
    const qpv = forOpen.criteria.find((criterion: { code: string }) => criterion.code === 'qpv_resident');
    expect(qpv.status).toBe('unknown');

    expect(await countIntakeRows(t.database.db)).toEqual(before);
  });

  it('narrows to a fabrique or to the department of a postal code', async () => {
    const lille = await createSession(t.database.db, lilleFabriqueId);
    const paris = await createSession(t.database.db, parisFabriqueId);
    const byPostalCode = (await check({ postalCode: '75011' })).json();
    const ids = byPostalCode.evaluations.map(
      (evaluation: { session: { id: string } }) => evaluation.session.id,
    );
    expect(ids).toContain(paris.id);
    expect(ids).not.toContain(lille.id);
    const byFabrique = (await check({ fabriqueId: lilleFabriqueId })).json();
    const fabriqueIds = byFabrique.evaluations.map(
      (evaluation: { session: { fabriqueId: string } }) => evaluation.session.fabriqueId,
    );
    expect(new Set(fabriqueIds)).toEqual(new Set([lilleFabriqueId]));
  });

  it('validates the answers', async () => {
    const response = await check({ birthDate: '2003-02-30', gender: 'robot', postalCode: '7501' });
    expect(response.statusCode).toBe(400);
    const paths = response.json().errors.map((error: { path: string }) => error.path);
    expect(paths).toEqual(expect.arrayContaining(['body.birthDate', 'body.gender', 'body.postalCode']));
  });
});
