import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFabrique, createUser, signIn } from '../factories/index.ts';
import { createPolicy, createSession } from '../factories/recruitment.ts';
import { buildTestApp, type TestApp } from '../helper.ts';

type Session = Awaited<ReturnType<typeof signIn>>;

let t: TestApp;
let admin: Session;
let coordinator: Session;
let trainer: Session;
let viewer: Session;
let fabrique: { id: string };

beforeAll(async () => {
  t = await buildTestApp();
  const db = t.database.db;
  fabrique = await createFabrique(db);
  admin = await signIn(t.app, (await createUser(db, { role: 'admin' })).email);
  coordinator = await signIn(
    t.app,
    (await createUser(db, { role: 'coordinator', fabriqueIds: [fabrique.id] })).email,
  );
  trainer = await signIn(
    t.app,
    (await createUser(db, { role: 'trainer', fabriqueIds: [fabrique.id] })).email,
  );
  viewer = await signIn(t.app, (await createUser(db, { role: 'viewer' })).email);
});
afterAll(async () => t.close());

async function createThroughApi(payload: Record<string, unknown>) {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/v1/eligibility-policies',
    headers: admin.headers,
    payload,
  });
  expect(response.statusCode).toBe(201);
  return response.json();
}

describe('eligibility policies', () => {
  it('creates version 1 with the defaults filled in, and audits it', async () => {
    const policy = await createThroughApi({ name: 'GEN Roubaix', minCriteria: 2 });
    expect(policy).toMatchObject({
      name: 'GEN Roubaix',
      version: 1,
      currentVersion: 1,
      minCriteria: 2,
      minAge: 16,
      referenceDate: 'session_start',
      programId: null,
      sessionCount: 0,
    });
    expect(policy.criteria.young).toEqual({ enabled: true, sufficientAlone: false, maxAgeExclusive: 25 });
    const audit = await t.app.inject({
      method: 'GET',
      url: '/api/v1/audit-log',
      headers: admin.headers,
      query: { entityId: policy.id },
    });
    expect(audit.json().data.map((entry: { action: string }) => entry.action)).toContain(
      'eligibility_policy.created',
    );
  });

  it('refuses an impossible or contradictory policy with 400 listing the issues', async () => {
    const impossible = await t.app.inject({
      method: 'POST',
      url: '/api/v1/eligibility-policies',
      headers: admin.headers,
      payload: { name: 'Impossible', minCriteria: 9 },
    });
    expect(impossible.statusCode).toBe(400);
    expect(impossible.json().errors.map((error: { path: string }) => error.path)).toContain(
      'body.minCriteria',
    );

    const contradictory = await t.app.inject({
      method: 'POST',
      url: '/api/v1/eligibility-policies',
      headers: { ...admin.headers, 'accept-language': 'fr' },
      payload: { name: 'Contradictoire', requiredCriteria: ['young', 'senior'] },
    });
    expect(contradictory.statusCode).toBe(400);
    expect(JSON.stringify(contradictory.json().errors)).toContain('se contredisent');

    const invalid = await t.app.inject({
      method: 'POST',
      url: '/api/v1/eligibility-policies',
      headers: admin.headers,
      payload: { name: 'X', criteria: { young: { maxAgeExclusive: 0 } } },
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().errors.map((error: { path: string }) => error.path)).toEqual(
      expect.arrayContaining(['body.name', 'body.criteria.young.maxAgeExclusive']),
    );
  });

  it('makes version 2 on PATCH and keeps version 1 readable', async () => {
    const policy = await createThroughApi({ name: 'Montreuil', minCriteria: 1 });
    const patched = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/eligibility-policies/${policy.id}`,
      headers: admin.headers,
      payload: { name: 'Montreuil 2027', minCriteria: 2, version: 1 },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({
      version: 2,
      currentVersion: 2,
      minCriteria: 2,
      name: 'Montreuil 2027',
    });
    expect(patched.headers.etag).toBe('"v2"');

    const v1 = await t.app.inject({
      method: 'GET',
      url: `/api/v1/eligibility-policies/${policy.id}?version=1`,
      headers: coordinator.headers,
    });
    expect(v1.statusCode).toBe(200);
    expect(v1.json()).toMatchObject({ version: 1, currentVersion: 2, minCriteria: 1, name: 'Montreuil' });

    const current = await t.app.inject({
      method: 'GET',
      url: `/api/v1/eligibility-policies/${policy.id}`,
      headers: trainer.headers,
    });
    expect(current.json()).toMatchObject({ version: 2, minCriteria: 2 });

    const versions = await t.app.inject({
      method: 'GET',
      url: `/api/v1/eligibility-policies/${policy.id}/versions`,
      headers: viewer.headers,
    });
    expect(versions.statusCode).toBe(200);
    expect(versions.json().data.map((version: { version: number }) => version.version)).toEqual([2, 1]);

    const missing = await t.app.inject({
      method: 'GET',
      url: `/api/v1/eligibility-policies/${policy.id}?version=7`,
      headers: admin.headers,
    });
    expect(missing.statusCode).toBe(404);
  });

  it('refuses a change based on an old version (409, or 412 with If-Match)', async () => {
    const policy = await createThroughApi({ name: 'Concurrente' });
    const first = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/eligibility-policies/${policy.id}`,
      headers: admin.headers,
      payload: { name: 'Concurrente', minCriteria: 2, version: 1 },
    });
    expect(first.statusCode).toBe(200);
    const stale = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/eligibility-policies/${policy.id}`,
      headers: admin.headers,
      payload: { name: 'Concurrente', minCriteria: 3, version: 1 },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('stale_version');
    const staleIfMatch = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/eligibility-policies/${policy.id}`,
      headers: { ...admin.headers, 'if-match': '"v1"' },
      payload: { name: 'Concurrente', minCriteria: 3, version: 2 },
    });
    expect(staleIfMatch.statusCode).toBe(412);
    const invalid = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/eligibility-policies/${policy.id}`,
      headers: admin.headers,
      payload: { name: 'Concurrente', minCriteria: 2 },
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().errors.map((error: { path: string }) => error.path)).toEqual(['body.version']);
  });

  it('lets every role read policies, with the sessions using them, but only admins write', async () => {
    const policy = await createPolicy(t.database.db);
    await createSession(t.database.db, fabrique.id, { eligibilityPolicyId: policy.id });
    for (const caller of [coordinator, trainer, viewer]) {
      const read = await t.app.inject({
        method: 'GET',
        url: `/api/v1/eligibility-policies/${policy.id}`,
        headers: caller.headers,
      });
      expect(read.statusCode).toBe(200);
      expect(read.json().sessionCount).toBe(1);
      const write = await t.app.inject({
        method: 'POST',
        url: '/api/v1/eligibility-policies',
        headers: caller.headers,
        payload: { name: 'Pas le droit' },
      });
      expect(write.statusCode).toBe(403);
      const patch = await t.app.inject({
        method: 'PATCH',
        url: `/api/v1/eligibility-policies/${policy.id}`,
        headers: caller.headers,
        payload: { name: 'Pas le droit', version: 1 },
      });
      expect(patch.statusCode).toBe(403);
    }
  });

  it('lists policies with cursor pagination', async () => {
    for (const name of ['Page A', 'Page B', 'Page C']) await createThroughApi({ name });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await t.app.inject({
        method: 'GET',
        url: '/api/v1/eligibility-policies',
        headers: viewer.headers,
        query: { limit: '2', ...(cursor ? { cursor } : {}) },
      });
      expect(page.statusCode).toBe(200);
      seen.push(...page.json().data.map((policy: { name: string }) => policy.name));
      cursor = page.json().nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(expect.arrayContaining(['Page A', 'Page B', 'Page C']));
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('answers 404 for an unknown policy', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v1/eligibility-policies/019ac1f2-7b3e-7c41-9a55-2f1e8d0c4b7a',
      headers: admin.headers,
    });
    expect(response.statusCode).toBe(404);
  });
});
