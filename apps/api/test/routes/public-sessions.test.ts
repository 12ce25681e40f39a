import { createDefaultRules } from '@passerelle/domain/eligibility/eligibility-policy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFabrique } from '../factories/index.ts';
import { createCandidacy, createPolicy, createProgram, createSession } from '../factories/recruitment.ts';
import { buildTestApp, type TestApp } from '../helper.ts';

let t: TestApp;
let fabrique: { id: string; name: string; city: string };

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  t = await buildTestApp();
  fabrique = await createFabrique(t.database.db, { city: 'Montreuil' });
});
afterAll(async () => t.close());

async function listPublic(query: Record<string, string> = {}) {
  const response = await t.app.inject({ method: 'GET', url: '/api/v1/public/sessions', query });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

describe('public sessions', () => {
  it('lists open sessions without authentication, with places left and who they are for', async () => {
    const db = t.database.db;
    const rules = createDefaultRules();
    rules.criteria.rsa_beneficiary.enabled = true;
    rules.criteria.rsa_beneficiary.sufficientAlone = true;
    rules.requiredCriteria = ['job_seeker'];
    const policy = await createPolicy(db, rules);
    const program = await createProgram(db, {
      title: 'Technicien·ne d’assistance informatique',
      durationHours: 600,
    });
    const session = await createSession(db, fabrique.id, {
      programId: program.id,
      eligibilityPolicyId: policy.id,
      capacity: 12,
    });
    for (const stage of ['admitted', 'enrolled', 'enrolled', 'interview', 'rejected'] as const) {
      await createCandidacy(db, session, { stage });
    }

    const page = await listPublic({ programId: program.id });
    expect(page.data).toHaveLength(1);
    const found = page.data[0];
    expect(found).toMatchObject({
      id: session.id,
      name: session.name,
      fabrique: { id: fabrique.id, name: fabrique.name, city: 'Montreuil' },
      program: { id: program.id, title: program.title, kind: 'qualifying_free', durationHours: 600 },
      applicationClosesOn: session.applicationClosesOn,
      startDate: session.startDate,
      capacity: 12,
      placesLeft: 9,
      eligibility: { minCriteria: 1, minAge: 16, maxAge: null },
    });
    // The whole rule set travels, so that the public self-check runs the server's engine on it.
    expect(found.eligibility.rules).toEqual(rules);
    const criteria = found.eligibility.criteria;
    expect(criteria.map((criterion: { code: string }) => criterion.code)).toEqual([
      'young',
      'low_qualification',
      'qpv_resident',
      'rural_resident',
      'job_seeker',
      'woman',
      'senior',
      'rsa_beneficiary',
    ]);
    expect(criteria.find((criterion: { code: string }) => criterion.code === 'rsa_beneficiary')).toEqual({
      code: 'rsa_beneficiary',
      labels: { fr: 'bénéficiaire du RSA', en: 'RSA beneficiary' },
      sufficientAlone: true,
      isRequired: false,
    });
    expect(criteria.find((criterion: { code: string }) => criterion.code === 'job_seeker').isRequired).toBe(
      true,
    );
    expect(JSON.stringify(found)).not.toMatch(/email|firstName|lastName|trainerIds/);
  });

  it('hides drafts, other statuses and closed or future windows', async () => {
    const db = t.database.db;
    const program = await createProgram(db);
    const open = await createSession(db, fabrique.id, { programId: program.id });
    await createSession(db, fabrique.id, { programId: program.id, status: 'draft' });
    await createSession(db, fabrique.id, { programId: program.id, status: 'selection' });
    await createSession(db, fabrique.id, {
      programId: program.id,
      applicationOpensOn: day(-30),
      applicationClosesOn: day(-2),
    });
    await createSession(db, fabrique.id, {
      programId: program.id,
      applicationOpensOn: day(3),
      applicationClosesOn: day(20),
    });
    const page = await listPublic({ programId: program.id });
    expect(page.data.map((session: { id: string }) => session.id)).toEqual([open.id]);
  });

  it('filters by fabrique, paginates, and never shows inactive fabriques', async () => {
    const db = t.database.db;
    const other = await createFabrique(db);
    const closedFabrique = await createFabrique(db, { isActive: false });
    const ids = [];
    for (const offset of [40, 50, 60]) {
      ids.push((await createSession(db, other.id, { startDate: day(offset) })).id);
    }
    await createSession(db, closedFabrique.id);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listPublic({ fabriqueId: other.id, limit: '2', ...(cursor ? { cursor } : {}) });
      seen.push(...page.data.map((session: { id: string }) => session.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(ids);
    expect((await listPublic({ fabriqueId: closedFabrique.id })).data).toEqual([]);
  });

  it('refuses invalid filters (400)', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v1/public/sessions',
      query: { fabriqueId: 'roubaix', limit: '0' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors.map((error: { path: string }) => error.path)).toEqual(
      expect.arrayContaining(['query.fabriqueId', 'query.limit']),
    );
  });
});
