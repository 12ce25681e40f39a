import { eq } from 'drizzle-orm';
import Fastify, { type InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webhookEvents } from '../../src/db/schema/index.ts';
import { guardSubtree } from '../../src/routes/api/v1/autohooks.ts';
import { createFabrique, createUser, signIn } from '../factories/index.ts';
import { applicationBody } from '../factories/intake.ts';
import { clientToken, createApiClient } from '../factories/integrations.ts';
import { createCandidacy, createSession } from '../factories/recruitment.ts';
import { buildTestApp, type TestApp } from '../helper.ts';

let t: TestApp;
let roubaixId: string;
let montreuilId: string;
let admin: Awaited<ReturnType<typeof signIn>>;
let coordinator: Awaited<ReturnType<typeof signIn>>;

beforeAll(async () => {
  t = await buildTestApp();
  const db = t.database.db;
  roubaixId = (await createFabrique(db, { name: 'Roubaix' })).id;
  montreuilId = (await createFabrique(db, { name: 'Montreuil', city: 'Montreuil', departmentCode: '93' })).id;
  admin = await signIn(t.app, (await createUser(db, { role: 'admin' })).email);
  coordinator = await signIn(
    t.app,
    (await createUser(db, { role: 'coordinator', fabriqueIds: [roubaixId] })).email,
  );
});
afterAll(async () => t.close());

const inject = (options: InjectOptions) => t.app.inject(options);

describe('API clients (admin)', () => {
  it('shows the secret once, stores it hashed, and lists the client without it', async () => {
    const created = await inject({
      method: 'POST',
      url: '/api/v1/api-clients',
      headers: admin.headers,
      payload: { name: 'France Travail', scopes: ['candidacies:read'], fabriqueIds: [roubaixId] },
    });
    expect(created.statusCode).toBe(201);
    expect(created.headers['cache-control']).toBe('no-store');
    const body = created.json();
    expect(body.clientSecret).toMatch(/^pcs_[\w-]{43}$/);
    expect(body).toMatchObject({
      scopes: ['candidacies:read'],
      fabriques: [{ id: roubaixId, name: 'Roubaix' }],
    });
    const listed = await inject({
      method: 'GET',
      url: '/api/v1/api-clients?limit=200',
      headers: admin.headers,
    });
    expect(listed.statusCode).toBe(200);
    expect(listed.body).not.toContain(body.clientSecret);
    expect(listed.json().data.map((client: { id: string }) => client.id)).toContain(body.id);
    const stored = await t.database.db.query.apiClients.findFirst({
      where: (c, { eq }) => eq(c.id, body.id),
    });
    expect(stored?.secretHash).not.toContain(body.clientSecret);
  });

  it('is for admins only: a coordinator gets 403, a client 403', async () => {
    const list = await inject({ method: 'GET', url: '/api/v1/api-clients', headers: coordinator.headers });
    expect(list.statusCode).toBe(403);
    const client = await createApiClient(t.app, admin.headers, {
      scopes: ['candidacies:read'],
      isAllFabriques: true,
    });
    const asClient = await inject({
      method: 'GET',
      url: '/api/v1/api-clients',
      headers: await clientToken(t.app, client),
    });
    expect(asClient.statusCode).toBe(403);
    expect(asClient.headers['content-type']).toContain('application/problem+json');
  });

  it('refuses a client without fabriques, or with an unknown one', async () => {
    const none = await inject({
      method: 'POST',
      url: '/api/v1/api-clients',
      headers: admin.headers,
      payload: { name: 'Sans fabrique', scopes: ['candidacies:read'] },
    });
    expect(none.statusCode).toBe(400);
    const unknown = await inject({
      method: 'POST',
      url: '/api/v1/api-clients',
      headers: admin.headers,
      payload: {
        name: 'Inconnue',
        scopes: ['candidacies:read'],
        fabriqueIds: ['01936b8e-8f5a-7c3d-9a1b-2c3d4e5f6a7b'],
      },
    });
    expect(unknown.statusCode).toBe(422);
  });
});

describe('POST /auth/token (client credentials)', () => {
  let client: { id: string; secret: string };
  beforeAll(async () => {
    client = await createApiClient(t.app, admin.headers, {
      scopes: ['candidacies:read', 'sessions:read'],
      fabriqueIds: [roubaixId],
    });
  });

  it('accepts a form-encoded body, a JSON body and HTTP Basic', async () => {
    const form = await inject({
      method: 'POST',
      url: '/api/v1/auth/token',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: client.id,
        client_secret: client.secret,
      }).toString(),
    });
    expect(form.statusCode).toBe(200);
    expect(form.headers['cache-control']).toBe('no-store');
    expect(form.json()).toMatchObject({ token_type: 'Bearer', scope: 'candidacies:read sessions:read' });
    expect(form.json().expires_in).toBeGreaterThan(0);

    const basic = await inject({
      method: 'POST',
      url: '/api/v1/auth/token',
      headers: { authorization: `Basic ${Buffer.from(`${client.id}:${client.secret}`).toString('base64')}` },
      payload: { grant_type: 'client_credentials', scope: 'sessions:read' },
    });
    expect(basic.statusCode).toBe(200);
    expect(basic.json().scope).toBe('sessions:read');
  });

  it('answers errors in the OAuth format, 400 or 401 as RFC 6749 says', async () => {
    const cases: [Record<string, string>, number, string][] = [
      [{ client_id: client.id, client_secret: client.secret }, 400, 'invalid_request'],
      [
        { grant_type: 'password', client_id: client.id, client_secret: client.secret },
        400,
        'unsupported_grant_type',
      ],
      [
        { grant_type: 'client_credentials', client_id: client.id, client_secret: 'pcs_wrong' },
        401,
        'invalid_client',
      ],
      [{ grant_type: 'client_credentials', client_id: 'nobody', client_secret: 'x' }, 401, 'invalid_client'],
      [{ grant_type: 'client_credentials', client_id: client.id }, 401, 'invalid_client'],
      [
        {
          grant_type: 'client_credentials',
          client_id: client.id,
          client_secret: client.secret,
          scope: 'webhooks:manage',
        },
        400,
        'invalid_scope',
      ],
      [
        {
          grant_type: 'client_credentials',
          client_id: client.id,
          client_secret: client.secret,
          scope: 'root',
        },
        400,
        'invalid_scope',
      ],
    ];
    for (const [payload, status, error] of cases) {
      const response = await inject({ method: 'POST', url: '/api/v1/auth/token', payload });
      expect(response.statusCode, JSON.stringify(payload)).toBe(status);
      expect(response.headers['content-type']).toContain('application/json');
      expect(response.json(), JSON.stringify(payload)).toMatchObject({ error });
      expect(typeof response.json().error_description).toBe('string');
    }
    const wrongType = await inject({ method: 'POST', url: '/api/v1/auth/token', payload: { grant_type: 7 } });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().error).toBe('invalid_request');
  });

  it('GET /me tells the client its scopes and fabriques', async () => {
    const me = await inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: await clientToken(t.app, client, 'sessions:read'),
    });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      kind: 'api_client',
      id: client.id,
      scopes: ['sessions:read'],
      isAllFabriques: false,
      fabriques: [{ id: roubaixId, name: 'Roubaix' }],
    });
  });
});

describe('scopes and fabriques', () => {
  it('a client with candidacies:read only reads, and gets 403 naming the scope on writes', async () => {
    const session = await createSession(t.database.db, roubaixId);
    const candidacy = await createCandidacy(t.database.db, session);
    const client = await createApiClient(t.app, admin.headers, {
      scopes: ['candidacies:read'],
      fabriqueIds: [roubaixId],
    });
    const headers = await clientToken(t.app, client);
    const read = await inject({ method: 'GET', url: `/api/v1/candidacies/${candidacy.id}`, headers });
    expect(read.statusCode).toBe(200);
    const move = await inject({
      method: 'POST',
      url: `/api/v1/candidacies/${candidacy.id}/transitions`,
      headers,
      payload: { to: 'screening', version: 1 },
    });
    expect(move.statusCode).toBe(403);
    expect(move.headers['content-type']).toContain('application/problem+json');
    expect(move.json().detail).toContain('candidacies:write');
    const intake = await inject({
      method: 'POST',
      url: '/api/v1/candidacies',
      headers,
      payload: applicationBody({ sessionId: session.id }),
    });
    expect(intake.statusCode).toBe(403);
    const sessions = await inject({ method: 'GET', url: '/api/v1/sessions', headers });
    expect(sessions.statusCode).toBe(403);
    expect(sessions.json().detail).toContain('sessions:read');
    const users = await inject({ method: 'GET', url: '/api/v1/users', headers });
    expect(users.statusCode).toBe(403);
    expect(users.json().detail).toContain('signed-in users only');
  });

  it('a client scoped to Roubaix gets 404 on Montreuil’s records and lists only Roubaix', async () => {
    const roubaix = await createSession(t.database.db, roubaixId);
    const montreuil = await createSession(t.database.db, montreuilId);
    const here = await createCandidacy(t.database.db, roubaix);
    const there = await createCandidacy(t.database.db, montreuil);
    const client = await createApiClient(t.app, admin.headers, {
      scopes: ['candidacies:read', 'candidacies:write', 'sessions:read'],
      fabriqueIds: [roubaixId],
    });
    const headers = await clientToken(t.app, client);
    expect(
      (await inject({ method: 'GET', url: `/api/v1/candidacies/${there.id}`, headers })).statusCode,
    ).toBe(404);
    expect(
      (await inject({ method: 'GET', url: `/api/v1/sessions/${montreuil.id}`, headers })).statusCode,
    ).toBe(404);
    const move = await inject({
      method: 'POST',
      url: `/api/v1/candidacies/${there.id}/transitions`,
      headers,
      payload: { to: 'screening', version: 1 },
    });
    expect(move.statusCode).toBe(404);
    const intake = await inject({
      method: 'POST',
      url: '/api/v1/candidacies',
      headers,
      payload: applicationBody({ sessionId: montreuil.id }),
    });
    expect(intake.statusCode).toBe(404);
    const list = await inject({ method: 'GET', url: '/api/v1/candidacies?limit=200', headers });
    expect(list.statusCode).toBe(200);
    const fabriques = new Set(list.json().data.map((row: { fabriqueId: string }) => row.fabriqueId));
    expect([...fabriques]).toEqual([roubaixId]);
    expect(list.json().data.map((row: { id: string }) => row.id)).toContain(here.id);
    // Writes in its fabrique work, and are audited as the client's.
    const ownMove = await inject({
      method: 'POST',
      url: `/api/v1/candidacies/${here.id}/transitions`,
      headers,
      payload: { to: 'screening', version: 1 },
    });
    expect(ownMove.statusCode).toBe(200);
    const audit = await t.database.db.query.auditLog.findFirst({
      where: (row, { and, eq }) => and(eq(row.entityId, here.id), eq(row.action, 'candidacy.stage_changed')),
    });
    expect(audit).toMatchObject({ actorType: 'api_client', actorId: client.id });
  });

  it('a revoked client gets no new token, and its issued tokens stop at once', async () => {
    const client = await createApiClient(t.app, admin.headers, {
      scopes: ['sessions:read'],
      fabriqueIds: [roubaixId],
    });
    const headers = await clientToken(t.app, client);
    expect((await inject({ method: 'GET', url: '/api/v1/sessions', headers })).statusCode).toBe(200);
    const revoked = await inject({
      method: 'DELETE',
      url: `/api/v1/api-clients/${client.id}`,
      headers: admin.headers,
    });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().revokedAt).toBeTruthy();
    const afterwards = await inject({ method: 'GET', url: '/api/v1/sessions', headers });
    expect(afterwards.statusCode).toBe(401);
    const token = await inject({
      method: 'POST',
      url: '/api/v1/auth/token',
      payload: { grant_type: 'client_credentials', client_id: client.id, client_secret: client.secret },
    });
    expect(token.statusCode).toBe(401);
    expect(token.json().error).toBe('invalid_client');
    const rotate = await inject({
      method: 'POST',
      url: `/api/v1/api-clients/${client.id}/rotate-secret`,
      headers: admin.headers,
    });
    expect(rotate.statusCode).toBe(409);
  });

  it('rotating the secret refuses the old one and accepts the new one', async () => {
    const client = await createApiClient(t.app, admin.headers, {
      scopes: ['sessions:read'],
      fabriqueIds: [roubaixId],
    });
    const rotated = await inject({
      method: 'POST',
      url: `/api/v1/api-clients/${client.id}/rotate-secret`,
      headers: admin.headers,
    });
    expect(rotated.statusCode).toBe(200);
    const secret = rotated.json().clientSecret as string;
    expect(secret).not.toBe(client.secret);
    await expect(clientToken(t.app, client)).rejects.toThrow(/token failed/);
    await expect(clientToken(t.app, { id: client.id, secret })).resolves.toBeDefined();
  });
});

describe('every guarded route decides what API clients may do', () => {
  it('refuses to boot with a guarded route that declares neither a scope nor usersOnly', async () => {
    const app = Fastify();
    app.decorate('authenticate', async () => {});
    const booting = app.register(async (guarded) => {
      guardSubtree(guarded);
      guarded.get('/undeclared', async () => ({}));
    });
    await expect(booting).rejects.toThrow(/config\.scope .* or config\.usersOnly/);
    await app.close().catch(() => {});
  });

  it('booted: every guarded operation names a scope or is for users only', async () => {
    const document = (await inject({ method: 'GET', url: '/api/v1/openapi.json' })).json() as {
      paths: Record<string, Record<string, { security?: Record<string, string[]>[] }>>;
    };
    let scoped = 0;
    for (const item of Object.values(document.paths)) {
      for (const operation of Object.values(item)) {
        const oauth = operation.security?.find((requirement) => requirement.oauth2);
        if (oauth?.oauth2?.length) scoped += 1;
      }
    }
    expect(scoped).toBeGreaterThanOrEqual(20);
  });
});

describe('outbox', () => {
  it('writes the event in the transaction of the change, and none when the change fails', async () => {
    const session = await createSession(t.database.db, roubaixId);
    const candidacy = await createCandidacy(t.database.db, session);
    const eventsOf = async () =>
      (
        await t.database.db
          .select()
          .from(webhookEvents)
          .where(eq(webhookEvents.type, 'candidacy.stage_changed'))
      ).filter((event) => event.payload.candidacyId === candidacy.id);
    const illegal = await inject({
      method: 'POST',
      url: `/api/v1/candidacies/${candidacy.id}/transitions`,
      headers: admin.headers,
      payload: { to: 'enrolled', version: 1 },
    });
    expect(illegal.statusCode).toBe(409);
    const stale = await inject({
      method: 'POST',
      url: `/api/v1/candidacies/${candidacy.id}/transitions`,
      headers: admin.headers,
      payload: { to: 'screening', version: 7 },
    });
    expect(stale.statusCode).toBe(409);
    expect(await eventsOf()).toEqual([]);
    const moved = await inject({
      method: 'POST',
      url: `/api/v1/candidacies/${candidacy.id}/transitions`,
      headers: admin.headers,
      payload: { to: 'screening', version: 1 },
    });
    expect(moved.statusCode).toBe(200);
    const events = await eventsOf();
    expect(events).toHaveLength(1);
    expect(events[0]?.payload).toMatchObject({ from: 'submitted', to: 'screening', fabriqueId: roubaixId });
  });

  it('records candidacy.submitted on intake and session.status_changed on a session move', async () => {
    const session = await createSession(t.database.db, roubaixId);
    const intake = await inject({
      method: 'POST',
      url: '/api/v1/candidacies',
      headers: coordinator.headers,
      payload: applicationBody({ sessionId: session.id }),
    });
    expect(intake.statusCode).toBe(201);
    const submitted = await t.database.db
      .select()
      .from(webhookEvents)
      .where(eq(webhookEvents.type, 'candidacy.submitted'));
    expect(submitted.map((event) => event.payload.candidacyId)).toContain(intake.json().candidacyId);
    const move = await inject({
      method: 'POST',
      url: `/api/v1/sessions/${session.id}/transitions`,
      headers: coordinator.headers,
      payload: { to: 'selection', version: session.version },
    });
    expect(move.statusCode).toBe(200);
    const changed = await t.database.db
      .select()
      .from(webhookEvents)
      .where(eq(webhookEvents.type, 'session.status_changed'));
    expect(changed.map((event) => event.payload.sessionId)).toContain(session.id);
  });
});
