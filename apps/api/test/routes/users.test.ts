import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFabrique, createUser, signIn } from '../factories/index.ts';
import { buildTestApp, type TestApp } from '../helper.ts';

let t: TestApp;
let admin: Awaited<ReturnType<typeof signIn>>;
let adminId: string;
let roubaixId: string;

beforeAll(async () => {
  t = await buildTestApp();
  roubaixId = (await createFabrique(t.database.db, { name: 'Roubaix' })).id;
  const user = await createUser(t.database.db, { role: 'admin', email: 'root@example.test' });
  adminId = user.id;
  admin = await signIn(t.app, user.email);
});
afterAll(async () => t.close());

const newUser = (overrides: Record<string, unknown> = {}) => ({
  email: `Nouvelle.Coordinatrice+${Math.random().toString(36).slice(2, 8)}@Example.test`,
  displayName: 'Nouvelle Coordinatrice',
  role: 'coordinator',
  password: 'mot de passe très sûr',
  fabriqueIds: [roubaixId],
  ...overrides,
});

describe('POST /users', () => {
  it('creates a coordinator who can then sign in', async () => {
    const payload = newUser();
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: admin.headers,
      payload,
    });
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body).toMatchObject({
      email: payload.email.toLowerCase(),
      role: 'coordinator',
      locale: 'fr',
      version: 1,
      fabriques: [{ id: roubaixId, name: 'Roubaix' }],
    });
    expect(body).not.toHaveProperty('passwordHash');
    expect(response.headers.location).toBe(`/api/v1/users/${body.id}`);
    expect(response.headers.etag).toBe('"v1"');
    await signIn(t.app, body.email, payload.password);
  });

  it('stores the password as argon2id', async () => {
    const payload = newUser();
    await t.app.inject({ method: 'POST', url: '/api/v1/users', headers: admin.headers, payload });
    const result = await t.database.db.execute(
      `select password_hash from users where email = '${payload.email.toLowerCase()}'` as never,
    );
    expect((result as unknown as { rows: { password_hash: string }[] }).rows[0]?.password_hash).toMatch(
      /^\$argon2id\$/,
    );
  });

  it('refuses a duplicate e-mail with 409', async () => {
    const payload = newUser();
    await t.app.inject({ method: 'POST', url: '/api/v1/users', headers: admin.headers, payload });
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: admin.headers,
      payload,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('duplicate');
  });

  it('lists every invalid field at once', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: admin.headers,
      payload: { email: 'not-an-email', role: 'chief', password: 'short' },
    });
    expect(response.statusCode).toBe(400);
    const paths = response.json().errors.map((error: { path: string }) => error.path);
    expect(paths).toEqual(
      expect.arrayContaining(['body.email', 'body.role', 'body.password', 'body.displayName']),
    );
  });

  it('writes field messages in French when the caller prefers French', async () => {
    const payload = newUser({ password: 'court', email: 'pas-une-adresse' });
    const french = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { ...admin.headers, 'accept-language': 'fr-FR,fr;q=0.9' },
      payload,
    });
    const english = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: admin.headers,
      payload,
    });
    const messageOf = (response: typeof french, path: string) =>
      response.json().errors.find((error: { path: string }) => error.path === path)?.message;
    expect(messageOf(french, 'body.password')).toBe('le mot de passe doit compter au moins 12 caractères');
    expect(messageOf(french, 'body.email')).toBe('adresse e-mail invalide');
    expect(messageOf(english, 'body.password')).toBe('the password must have at least 12 characters');
  });

  it('requires a fabrique for a coordinator and refuses an unknown one', async () => {
    const none = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: admin.headers,
      payload: newUser({ fabriqueIds: [] }),
    });
    expect(none.statusCode).toBe(400);
    expect(none.json().errors[0].path).toBe('body.fabriqueIds');
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: admin.headers,
      payload: newUser({ fabriqueIds: ['019ac1f2-7b3e-7c41-9a55-2f1e8d0c4b7a'] }),
    });
    expect(unknown.statusCode).toBe(422);
  });

  it('is for admins only', async () => {
    const coordinator = await createUser(t.database.db, { role: 'coordinator', fabriqueIds: [roubaixId] });
    const session = await signIn(t.app, coordinator.email);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: session.headers,
      payload: newUser(),
    });
    expect(response.statusCode).toBe(403);
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/users', headers: session.headers });
    expect(list.statusCode).toBe(403);
  });
});

describe('GET /users', () => {
  it('pages with a cursor without losing or repeating anyone', async () => {
    for (let index = 0; index < 5; index++) {
      await createUser(t.database.db, { role: 'viewer', email: `pager-${index}@example.test` });
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/users?limit=2&q=pager-${cursor ? `&cursor=${cursor}` : ''}`;
      const response = await t.app.inject({ method: 'GET', url, headers: admin.headers });
      expect(response.statusCode).toBe(200);
      const page = response.json() as { data: { email: string }[]; nextCursor: string | null };
      seen.push(...page.data.map((user) => user.email));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([0, 1, 2, 3, 4].map((index) => `pager-${index}@example.test`));
  });

  it('filters by role and fabrique', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/v1/users?role=coordinator&fabriqueId=${roubaixId}`,
      headers: admin.headers,
    });
    const users = response.json().data as { role: string; fabriques: { id: string }[] }[];
    expect(users.length).toBeGreaterThan(0);
    expect(
      users.every((user) => user.role === 'coordinator' && user.fabriques.some((f) => f.id === roubaixId)),
    ).toBe(true);
  });

  it('refuses a malformed cursor and an out-of-range limit with 400', async () => {
    for (const query of ['cursor=%%%garbage', 'limit=0', 'limit=201', 'limit=abc']) {
      const response = await t.app.inject({
        method: 'GET',
        url: `/api/v1/users?${query}`,
        headers: admin.headers,
      });
      expect(response.statusCode, query).toBe(400);
    }
  });
});

describe('PATCH /users/{id}', () => {
  it('updates with the current version and refuses a stale one (body 409, If-Match 412)', async () => {
    const created = (
      await t.app.inject({ method: 'POST', url: '/api/v1/users', headers: admin.headers, payload: newUser() })
    ).json();
    const ok = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${created.id}`,
      headers: admin.headers,
      payload: { displayName: 'Renamed', version: 1 },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ displayName: 'Renamed', version: 2 });
    expect(ok.headers.etag).toBe('"v2"');

    const staleBody = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${created.id}`,
      headers: admin.headers,
      payload: { displayName: 'Lost update', version: 1 },
    });
    expect(staleBody.statusCode).toBe(409);
    expect(staleBody.json().code).toBe('stale_version');

    const staleHeader = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${created.id}`,
      headers: { ...admin.headers, 'if-match': '"v1"' },
      payload: { displayName: 'Lost update' },
    });
    expect(staleHeader.statusCode).toBe(412);

    const current = await t.app.inject({
      method: 'GET',
      url: `/api/v1/users/${created.id}`,
      headers: admin.headers,
    });
    expect(current.json().displayName).toBe('Renamed');
  });

  it('signs a user out everywhere when deactivated', async () => {
    const target = await createUser(t.database.db, { role: 'viewer' });
    const session = await signIn(t.app, target.email);
    const response = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${target.id}`,
      headers: admin.headers,
      payload: { isActive: false },
    });
    expect(response.statusCode).toBe(200);
    const refresh = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      headers: { cookie: session.cookie },
    });
    expect(refresh.statusCode).toBe(401);
  });

  it('keeps an admin from locking themselves out', async () => {
    const response = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${adminId}`,
      headers: admin.headers,
      payload: { role: 'viewer' },
    });
    expect(response.statusCode).toBe(422);
  });

  it('answers 404 for an unknown user and 400 for a malformed id', async () => {
    const unknown = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/users/019ac1f2-7b3e-7c41-9a55-2f1e8d0c4b7a',
      headers: admin.headers,
      payload: { displayName: 'x' },
    });
    expect(unknown.statusCode).toBe(404);
    const malformed = await t.app.inject({ method: 'GET', url: '/api/v1/users/42', headers: admin.headers });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().errors[0].path).toBe('params.id');
  });

  it('records every change in the audit log', async () => {
    const created = (
      await t.app.inject({ method: 'POST', url: '/api/v1/users', headers: admin.headers, payload: newUser() })
    ).json();
    const log = await t.app.inject({
      method: 'GET',
      url: `/api/v1/audit-log?entityType=user&entityId=${created.id}`,
      headers: admin.headers,
    });
    expect(log.statusCode).toBe(200);
    expect(log.json().data).toEqual([
      expect.objectContaining({
        action: 'user.created',
        actorId: adminId,
        actorType: 'user',
        requestId: expect.any(String),
      }),
    ]);
  });
});
