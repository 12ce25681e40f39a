import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { candidacies, candidacyEvents } from '../../src/db/schema/index.ts';
import { createFabrique, createUser, signIn } from '../factories/index.ts';
import { applicationBody } from '../factories/intake.ts';
import { createSession } from '../factories/recruitment.ts';
import { buildTestApp, type TestApp } from '../helper.ts';

let t: TestApp;
let fabriqueId: string;
let otherFabriqueId: string;
let coordinator: Awaited<ReturnType<typeof signIn>>;
let otherCoordinator: Awaited<ReturnType<typeof signIn>>;
let viewer: Awaited<ReturnType<typeof signIn>>;
let admin: Awaited<ReturnType<typeof signIn>>;

beforeAll(async () => {
  t = await buildTestApp();
  const db = t.database.db;
  fabriqueId = (await createFabrique(db)).id;
  otherFabriqueId = (await createFabrique(db)).id;
  coordinator = await signIn(t.app, (await createUser(db, { fabriqueIds: [fabriqueId] })).email);
  otherCoordinator = await signIn(t.app, (await createUser(db, { fabriqueIds: [otherFabriqueId] })).email);
  viewer = await signIn(t.app, (await createUser(db, { role: 'viewer' })).email);
  admin = await signIn(t.app, (await createUser(db, { role: 'admin' })).email);
});
afterAll(async () => t.close());

async function apply(sessionId: string, overrides: Record<string, unknown> = {}) {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/v1/candidacies',
    headers: admin.headers,
    payload: applicationBody({ sessionId, ...overrides }),
  });
  if (response.statusCode !== 201) throw new Error(response.body);
  return response.json() as { candidacyId: string; candidateId: string };
}

describe('GET /candidates', () => {
  it('lists the candidates of the caller’s fabriques, searchable without accents, paginated', async () => {
    const session = await createSession(t.database.db, fabriqueId);
    const otherSession = await createSession(t.database.db, otherFabriqueId);
    const mine = await apply(session.id, { firstName: 'Zoé', lastName: 'Lefèvre', phone: '06 55 44 33 22' });
    const theirs = await apply(otherSession.id, { firstName: 'Zoé', lastName: 'Lefèvre-Autre' });

    const list = await t.app.inject({
      method: 'GET',
      url: '/api/v1/candidates?q=zoe%20lefevre',
      headers: coordinator.headers,
    });
    expect(list.statusCode).toBe(200);
    const ids = list.json().data.map((candidate: { id: string }) => candidate.id);
    expect(ids).toContain(mine.candidateId);
    expect(ids).not.toContain(theirs.candidateId);

    const byPhone = await t.app.inject({
      method: 'GET',
      url: '/api/v1/candidates?q=06%2055%2044',
      headers: coordinator.headers,
    });
    expect(byPhone.json().data.map((candidate: { id: string }) => candidate.id)).toEqual([mine.candidateId]);

    const all = await t.app.inject({
      method: 'GET',
      url: '/api/v1/candidates?q=LEFÈVRE',
      headers: admin.headers,
    });
    expect(all.json().data.map((candidate: { id: string }) => candidate.id)).toEqual(
      expect.arrayContaining([mine.candidateId, theirs.candidateId]),
    );

    const first = await t.app.inject({
      method: 'GET',
      url: '/api/v1/candidates?limit=1',
      headers: admin.headers,
    });
    expect(first.json().data).toHaveLength(1);
    const next = await t.app.inject({
      method: 'GET',
      url: `/api/v1/candidates?limit=1&cursor=${first.json().nextCursor}`,
      headers: admin.headers,
    });
    expect(next.json().data[0].id).not.toBe(first.json().data[0].id);
  });

  it('refuses viewers (403) and validates the query', async () => {
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/candidates', headers: viewer.headers })).statusCode,
    ).toBe(403);
    const invalid = await t.app.inject({
      method: 'GET',
      url: '/api/v1/candidates?limit=0',
      headers: admin.headers,
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().errors[0].path).toBe('query.limit');
  });
});

describe('GET /candidates/{id}', () => {
  it('shows the candidate to their fabrique’s coordinator, 404 to another, 403 to a viewer', async () => {
    const session = await createSession(t.database.db, fabriqueId);
    const { candidateId } = await apply(session.id, { disabilityRecognition: true });
    const mine = await t.app.inject({
      method: 'GET',
      url: `/api/v1/candidates/${candidateId}`,
      headers: coordinator.headers,
    });
    expect(mine.statusCode).toBe(200);
    expect(mine.headers.etag).toBe('"v1"');
    expect(mine.json()).toMatchObject({ id: candidateId, disabilityRecognition: true });
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/v1/candidates/${candidateId}`,
          headers: otherCoordinator.headers,
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/v1/candidates/${candidateId}`,
          headers: viewer.headers,
        })
      ).statusCode,
    ).toBe(403);
  });
});

describe('PATCH /candidates/{id}', () => {
  it('re-evaluates undecided candidacies with an event, leaves decided ones frozen', async () => {
    const open = await createSession(t.database.db, fabriqueId);
    const decided = await createSession(t.database.db, fabriqueId);
    const first = await apply(open.id, {
      birthDate: '1980-01-01',
      gender: 'male',
      diploma: { highestLevel: '7' },
      jobSeeker: { registered: false },
    });
    const { candidacyId: decidedId } = await apply(decided.id, {
      email: (
        await t.app.inject({
          method: 'GET',
          url: `/api/v1/candidates/${first.candidateId}`,
          headers: admin.headers,
        })
      ).json().email,
    });
    await t.database.db.update(candidacies).set({ stage: 'admitted' }).where(eq(candidacies.id, decidedId));
    const [frozenBefore] = await t.database.db
      .select()
      .from(candidacies)
      .where(eq(candidacies.id, decidedId));

    const response = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/candidates/${first.candidateId}`,
      headers: { ...coordinator.headers, 'if-match': '"v2"' },
      payload: { facts: { gender: { value: 'female', origin: 'declared' } } },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers.etag).toBe('"v3"');
    expect(response.json().facts.gender.value).toBe('female');

    const [reevaluated] = await t.database.db
      .select()
      .from(candidacies)
      .where(eq(candidacies.id, first.candidacyId));
    expect(reevaluated?.eligibilityStatus).toBe('eligible');
    expect(reevaluated?.criteriaMet).toContain('woman');
    const events = await t.database.db
      .select()
      .from(candidacyEvents)
      .where(eq(candidacyEvents.candidacyId, first.candidacyId));
    expect(events.map((event) => event.type)).toEqual(
      expect.arrayContaining(['submitted', 'eligibility_reevaluated']),
    );

    const [frozenAfter] = await t.database.db.select().from(candidacies).where(eq(candidacies.id, decidedId));
    expect(frozenAfter?.eligibility).toEqual(frozenBefore?.eligibility);
    expect(frozenAfter?.version).toBe(frozenBefore?.version);
  });

  it('refuses a stale version (409 by body, 412 by If-Match), invalid fields, other fabriques', async () => {
    const session = await createSession(t.database.db, fabriqueId);
    const { candidateId } = await apply(session.id);
    const url = `/api/v1/candidates/${candidateId}`;
    expect(
      (
        await t.app.inject({
          method: 'PATCH',
          url,
          headers: coordinator.headers,
          payload: { version: 9, firstName: 'A' },
        })
      ).statusCode,
    ).toBe(409);
    expect(
      (
        await t.app.inject({
          method: 'PATCH',
          url,
          headers: { ...coordinator.headers, 'if-match': '"v9"' },
          payload: { firstName: 'A' },
        })
      ).statusCode,
    ).toBe(412);
    const invalid = await t.app.inject({
      method: 'PATCH',
      url,
      headers: coordinator.headers,
      payload: { email: 'nope', phone: '06' },
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().errors.map((error: { path: string }) => error.path)).toEqual(
      expect.arrayContaining(['body.email', 'body.phone']),
    );
    expect(
      (
        await t.app.inject({
          method: 'PATCH',
          url,
          headers: otherCoordinator.headers,
          payload: { firstName: 'A' },
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (await t.app.inject({ method: 'PATCH', url, headers: viewer.headers, payload: { firstName: 'A' } }))
        .statusCode,
    ).toBe(403);
  });

  it('refuses an e-mail another candidate has (409)', async () => {
    const session = await createSession(t.database.db, fabriqueId);
    const one = await apply(session.id);
    const two = await apply(session.id);
    const email = (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/candidates/${one.candidateId}`,
        headers: admin.headers,
      })
    ).json().email;
    const response = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/candidates/${two.candidateId}`,
      headers: admin.headers,
      payload: { email },
    });
    expect(response.statusCode).toBe(409);
  });
});
