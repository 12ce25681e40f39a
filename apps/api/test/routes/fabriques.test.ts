import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFabrique, createUser, signIn } from '../factories/index.ts';
import { buildTestApp, type TestApp } from '../helper.ts';

let t: TestApp;
let admin: Awaited<ReturnType<typeof signIn>>;
let roubaix: { id: string };
let montreuil: { id: string };

beforeAll(async () => {
  t = await buildTestApp();
  roubaix = await createFabrique(t.database.db, { name: 'Roubaix', slug: 'roubaix' });
  montreuil = await createFabrique(t.database.db, {
    name: 'Montreuil',
    slug: 'montreuil',
    departmentCode: '93',
  });
  admin = await signIn(t.app, (await createUser(t.database.db, { role: 'admin' })).email);
});
afterAll(async () => t.close());

describe('fabriques', () => {
  it('shows a coordinator only their fabriques, and 404 for the others', async () => {
    const coordinator = await createUser(t.database.db, { role: 'coordinator', fabriqueIds: [roubaix.id] });
    const session = await signIn(t.app, coordinator.email);
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/fabriques', headers: session.headers });
    expect(list.json().data.map((f: { id: string }) => f.id)).toEqual([roubaix.id]);
    const own = await t.app.inject({
      method: 'GET',
      url: `/api/v1/fabriques/${roubaix.id}`,
      headers: session.headers,
    });
    expect(own.statusCode).toBe(200);
    const other = await t.app.inject({
      method: 'GET',
      url: `/api/v1/fabriques/${montreuil.id}`,
      headers: session.headers,
    });
    expect(other.statusCode).toBe(404);
  });

  it('shows a viewer no fabrique records', async () => {
    const viewer = await createUser(t.database.db, { role: 'viewer' });
    const session = await signIn(t.app, viewer.email);
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/fabriques', headers: session.headers });
    expect(list.json()).toEqual({ data: [], nextCursor: null });
  });

  it('lets an admin create and edit a fabrique, with versions', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/fabriques',
      headers: admin.headers,
      payload: { name: 'Marseille', slug: 'marseille', city: 'Marseille', departmentCode: '13' },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    const patched = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/fabriques/${id}`,
      headers: { ...admin.headers, 'if-match': created.headers.etag as string },
      payload: { city: 'Marseille 3e' },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ city: 'Marseille 3e', version: 2 });
    const duplicate = await t.app.inject({
      method: 'POST',
      url: '/api/v1/fabriques',
      headers: admin.headers,
      payload: { name: 'Marseille bis', slug: 'marseille', city: 'Marseille', departmentCode: '13' },
    });
    expect(duplicate.statusCode).toBe(409);
  });

  it('refuses writes from a coordinator', async () => {
    const coordinator = await createUser(t.database.db, { role: 'coordinator', fabriqueIds: [roubaix.id] });
    const session = await signIn(t.app, coordinator.email);
    const response = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/fabriques/${roubaix.id}`,
      headers: session.headers,
      payload: { name: 'Mine' },
    });
    expect(response.statusCode).toBe(403);
  });

  it('validates the department code and slug', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/fabriques',
      headers: admin.headers,
      payload: { name: 'X', slug: 'Not A Slug', city: 'Y', departmentCode: '99' },
    });
    expect(response.statusCode).toBe(400);
    const paths = response.json().errors.map((error: { path: string }) => error.path);
    expect(paths).toEqual(expect.arrayContaining(['body.name', 'body.slug', 'body.departmentCode']));
  });

  it('lists the active trainers to its coordinators, names only', async () => {
    const active = await createUser(t.database.db, { role: 'trainer', fabriqueIds: [roubaix.id] });
    await createUser(t.database.db, { role: 'trainer', fabriqueIds: [roubaix.id], isActive: false });
    await createUser(t.database.db, { role: 'trainer', fabriqueIds: [montreuil.id] });
    await createUser(t.database.db, { role: 'coordinator', fabriqueIds: [roubaix.id] });
    const coordinator = await createUser(t.database.db, { role: 'coordinator', fabriqueIds: [roubaix.id] });
    const session = await signIn(t.app, coordinator.email);
    const list = await t.app.inject({
      method: 'GET',
      url: `/api/v1/fabriques/${roubaix.id}/trainers`,
      headers: session.headers,
    });
    expect(list.statusCode).toBe(200);
    expect(list.json().data).toEqual([{ id: active.id, displayName: active.displayName }]);
    const other = await t.app.inject({
      method: 'GET',
      url: `/api/v1/fabriques/${montreuil.id}/trainers`,
      headers: session.headers,
    });
    expect(other.statusCode).toBe(404);
    const trainer = await signIn(t.app, active.email);
    const refused = await t.app.inject({
      method: 'GET',
      url: `/api/v1/fabriques/${roubaix.id}/trainers`,
      headers: trainer.headers,
    });
    expect(refused.statusCode).toBe(403);
    const byAdmin = await t.app.inject({
      method: 'GET',
      url: `/api/v1/fabriques/${montreuil.id}/trainers`,
      headers: admin.headers,
    });
    expect(byAdmin.json().data).toHaveLength(1);
  });
});
