import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFabrique, createUser, signIn } from '../factories/index.ts';
import { createPolicy, createProgram } from '../factories/recruitment.ts';
import { buildTestApp, type TestApp } from '../helper.ts';

type Session = Awaited<ReturnType<typeof signIn>>;

let t: TestApp;
let admin: Session;
let coordinator: Session;
let viewer: Session;
let roubaix: { id: string };
let montreuil: { id: string };

beforeAll(async () => {
  t = await buildTestApp();
  const db = t.database.db;
  roubaix = await createFabrique(db);
  montreuil = await createFabrique(db);
  admin = await signIn(t.app, (await createUser(db, { role: 'admin' })).email);
  coordinator = await signIn(
    t.app,
    (await createUser(db, { role: 'coordinator', fabriqueIds: [roubaix.id] })).email,
  );
  viewer = await signIn(t.app, (await createUser(db, { role: 'viewer' })).email);
});
afterAll(async () => t.close());

const certifying = {
  title: 'Concepteur·rice développeur·se d’applications',
  kind: 'certifying_paid',
  rncpCode: 'rncp37873',
  rncpLevel: 6,
  durationHours: 1200,
};

describe('programs', () => {
  it('lets an admin create a program, read it with its ETag and update it with a version', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/programs',
      headers: admin.headers,
      payload: { ...certifying, fabriqueId: roubaix.id },
    });
    expect(created.statusCode).toBe(201);
    const program = created.json();
    expect(program).toMatchObject({
      fabriqueId: roubaix.id,
      rncpCode: 'RNCP37873',
      version: 1,
      defaultEligibilityPolicyId: null,
    });
    expect(created.headers.location).toBe(`/api/v1/programs/${program.id}`);

    const read = await t.app.inject({
      method: 'GET',
      url: `/api/v1/programs/${program.id}`,
      headers: coordinator.headers,
    });
    expect(read.statusCode).toBe(200);
    expect(read.headers.etag).toBe('"v1"');

    const policy = await createPolicy(t.database.db);
    const patched = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/programs/${program.id}`,
      headers: admin.headers,
      payload: { durationHours: 1300, defaultEligibilityPolicyId: policy.id, version: 1 },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({
      durationHours: 1300,
      defaultEligibilityPolicyId: policy.id,
      version: 2,
    });

    const stale = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/programs/${program.id}`,
      headers: admin.headers,
      payload: { durationHours: 1400, version: 1 },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('stale_version');

    const staleIfMatch = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/programs/${program.id}`,
      headers: { ...admin.headers, 'if-match': '"v1"' },
      payload: { durationHours: 1400 },
    });
    expect(staleIfMatch.statusCode).toBe(412);
  });

  it('refuses invalid programs with every invalid field listed', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/programs',
      headers: admin.headers,
      payload: { title: 'X', kind: 'certifying_paid', durationHours: 0 },
    });
    expect(response.statusCode).toBe(400);
    const paths = response.json().errors.map((error: { path: string }) => error.path);
    expect(paths).toEqual(expect.arrayContaining(['body.title', 'body.durationHours']));
  });

  it('answers 422 for an unknown fabrique or default policy, 400 for a certifying program without RNCP code', async () => {
    const unknownFabrique = await t.app.inject({
      method: 'POST',
      url: '/api/v1/programs',
      headers: admin.headers,
      payload: { ...certifying, fabriqueId: '019ac1f2-7b3e-7c41-9a55-2f1e8d0c4b7a' },
    });
    expect(unknownFabrique.statusCode).toBe(422);
    const unknownPolicy = await t.app.inject({
      method: 'POST',
      url: '/api/v1/programs',
      headers: admin.headers,
      payload: { ...certifying, defaultEligibilityPolicyId: '019ac1f2-7b3e-7c41-9a55-2f1e8d0c4b7a' },
    });
    expect(unknownPolicy.statusCode).toBe(422);
    const free = await createProgram(t.database.db);
    const certifyingWithoutCode = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/programs/${free.id}`,
      headers: admin.headers,
      payload: { kind: 'certifying_paid' },
    });
    expect(certifyingWithoutCode.statusCode).toBe(400);
    expect(certifyingWithoutCode.json().errors[0].path).toBe('body.rncpCode');
  });

  it('forbids coordinators and viewers to write programs', async () => {
    for (const caller of [coordinator, viewer]) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/programs',
        headers: caller.headers,
        payload: certifying,
      });
      expect(response.statusCode).toBe(403);
    }
    const program = await createProgram(t.database.db);
    const patch = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/programs/${program.id}`,
      headers: coordinator.headers,
      payload: { durationHours: 10 },
    });
    expect(patch.statusCode).toBe(403);
  });

  it('shows network-wide programs to everybody and fabrique programs to their fabrique only', async () => {
    const db = t.database.db;
    const network = await createProgram(db);
    const own = await createProgram(db, { fabriqueId: roubaix.id });
    const other = await createProgram(db, { fabriqueId: montreuil.id });

    const ids = async (caller: Session) => {
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await t.app.inject({
          method: 'GET',
          url: '/api/v1/programs',
          headers: caller.headers,
          query: { limit: '2', ...(cursor ? { cursor } : {}) },
        });
        expect(page.statusCode).toBe(200);
        seen.push(...page.json().data.map((program: { id: string }) => program.id));
        cursor = page.json().nextCursor ?? undefined;
      } while (cursor);
      return seen;
    };

    const coordinatorIds = await ids(coordinator);
    expect(coordinatorIds).toEqual(expect.arrayContaining([network.id, own.id]));
    expect(coordinatorIds).not.toContain(other.id);
    const viewerIds = await ids(viewer);
    expect(viewerIds).toContain(network.id);
    expect(viewerIds).not.toContain(own.id);
    expect(await ids(admin)).toEqual(expect.arrayContaining([network.id, own.id, other.id]));

    const hidden = await t.app.inject({
      method: 'GET',
      url: `/api/v1/programs/${other.id}`,
      headers: coordinator.headers,
    });
    expect(hidden.statusCode).toBe(404);
  });

  it('requires authentication', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/programs' });
    expect(response.statusCode).toBe(401);
  });
});
