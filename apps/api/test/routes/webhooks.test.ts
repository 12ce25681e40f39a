import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFabrique, createUser, signIn } from '../factories/index.ts';
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
  roubaixId = (await createFabrique(db)).id;
  montreuilId = (await createFabrique(db)).id;
  admin = await signIn(t.app, (await createUser(db, { role: 'admin' })).email);
  coordinator = await signIn(
    t.app,
    (await createUser(db, { role: 'coordinator', fabriqueIds: [roubaixId] })).email,
  );
});
afterAll(async () => t.close());

const inject = (options: InjectOptions) => t.app.inject(options);
const URL = 'http://127.0.0.1:9/hooks';

describe('webhook subscriptions', () => {
  it('admin: create (secret once), read, update, list deliveries, delete', async () => {
    const created = await inject({
      method: 'POST',
      url: '/api/v1/webhooks',
      headers: admin.headers,
      payload: { url: URL, events: ['candidacy.stage_changed'], fabriqueId: roubaixId },
    });
    expect(created.statusCode).toBe(201);
    const webhook = created.json();
    expect(webhook.secret).toMatch(/^whsec_[A-Za-z0-9+/=]{32}$/);
    expect(webhook).toMatchObject({ isEnabled: true, disabledReason: null, consecutiveFailures: 0 });

    const read = await inject({
      method: 'GET',
      url: `/api/v1/webhooks/${webhook.id}`,
      headers: admin.headers,
    });
    expect(read.statusCode).toBe(200);
    expect(read.json().secret).toBeUndefined();

    const disabled = await inject({
      method: 'PATCH',
      url: `/api/v1/webhooks/${webhook.id}`,
      headers: { ...admin.headers, 'if-match': read.headers.etag as string },
      payload: { isEnabled: false },
    });
    expect(disabled.statusCode).toBe(200);
    expect(disabled.json()).toMatchObject({ isEnabled: false, disabledReason: 'manual', version: 2 });
    const stale = await inject({
      method: 'PATCH',
      url: `/api/v1/webhooks/${webhook.id}`,
      headers: admin.headers,
      payload: { isEnabled: true, version: 1 },
    });
    expect(stale.statusCode).toBe(409);

    // A subscription receives the events of its fabrique, while enabled.
    const session = await createSession(t.database.db, roubaixId);
    const candidacy = await createCandidacy(t.database.db, session);
    const enable = await inject({
      method: 'PATCH',
      url: `/api/v1/webhooks/${webhook.id}`,
      headers: admin.headers,
      payload: { isEnabled: true, version: 2 },
    });
    expect(enable.json()).toMatchObject({ isEnabled: true, disabledReason: null });
    await inject({
      method: 'POST',
      url: `/api/v1/candidacies/${candidacy.id}/transitions`,
      headers: admin.headers,
      payload: { to: 'screening', version: 1 },
    });
    const otherSession = await createSession(t.database.db, montreuilId);
    const other = await createCandidacy(t.database.db, otherSession);
    await inject({
      method: 'POST',
      url: `/api/v1/candidacies/${other.id}/transitions`,
      headers: admin.headers,
      payload: { to: 'screening', version: 1 },
    });
    const deliveries = await inject({
      method: 'GET',
      url: `/api/v1/webhooks/${webhook.id}/deliveries?limit=1`,
      headers: admin.headers,
    });
    expect(deliveries.statusCode).toBe(200);
    expect(deliveries.json()).toMatchObject({
      data: [{ eventType: 'candidacy.stage_changed', status: 'pending', attemptCount: 0, attempts: [] }],
      nextCursor: null,
    });
    const deliveryId = deliveries.json().data[0].id;
    const redeliver = await inject({
      method: 'POST',
      url: `/api/v1/webhooks/${webhook.id}/deliveries/${deliveryId}/redeliver`,
      headers: admin.headers,
    });
    expect(redeliver.statusCode).toBe(409);

    const removed = await inject({
      method: 'DELETE',
      url: `/api/v1/webhooks/${webhook.id}`,
      headers: admin.headers,
    });
    expect(removed.statusCode).toBe(204);
    expect(
      (await inject({ method: 'GET', url: `/api/v1/webhooks/${webhook.id}`, headers: admin.headers }))
        .statusCode,
    ).toBe(404);
  });

  it('coordinators get 403; a client with webhooks:manage manages its fabriques’ only', async () => {
    const asCoordinator = await inject({
      method: 'GET',
      url: '/api/v1/webhooks',
      headers: coordinator.headers,
    });
    expect(asCoordinator.statusCode).toBe(403);
    const post = await inject({
      method: 'POST',
      url: '/api/v1/webhooks',
      headers: coordinator.headers,
      payload: { url: URL, events: ['candidacy.submitted'], fabriqueId: roubaixId },
    });
    expect(post.statusCode).toBe(403);

    const montreuilHook = await inject({
      method: 'POST',
      url: '/api/v1/webhooks',
      headers: admin.headers,
      payload: { url: URL, events: ['candidacy.submitted'], fabriqueId: montreuilId },
    });
    const client = await createApiClient(t.app, admin.headers, {
      scopes: ['webhooks:manage'],
      fabriqueIds: [roubaixId],
    });
    const headers = await clientToken(t.app, client);
    const own = await inject({
      method: 'POST',
      url: '/api/v1/webhooks',
      headers,
      payload: { url: URL, events: ['candidacy.submitted'], fabriqueId: roubaixId },
    });
    expect(own.statusCode).toBe(201);
    const elsewhere = await inject({
      method: 'POST',
      url: '/api/v1/webhooks',
      headers,
      payload: { url: URL, events: ['candidacy.submitted'], fabriqueId: montreuilId },
    });
    expect(elsewhere.statusCode).toBe(422);
    const global = await inject({
      method: 'POST',
      url: '/api/v1/webhooks',
      headers,
      payload: { url: URL, events: ['candidacy.submitted'] },
    });
    expect(global.statusCode).toBe(422);
    expect(
      (await inject({ method: 'GET', url: `/api/v1/webhooks/${montreuilHook.json().id}`, headers }))
        .statusCode,
    ).toBe(404);
    const list = await inject({ method: 'GET', url: '/api/v1/webhooks', headers });
    expect(list.json().data.map((hook: { id: string }) => hook.id)).toEqual([own.json().id]);

    const readOnly = await createApiClient(t.app, admin.headers, {
      scopes: ['candidacies:read'],
      fabriqueIds: [roubaixId],
    });
    const denied = await inject({
      method: 'GET',
      url: '/api/v1/webhooks',
      headers: await clientToken(t.app, readOnly),
    });
    expect(denied.statusCode).toBe(403);
    expect(denied.json().detail).toContain('webhooks:manage');
  });

  it('validates the URL and the events', async () => {
    const response = await inject({
      method: 'POST',
      url: '/api/v1/webhooks',
      headers: admin.headers,
      payload: { url: 'ftp://example.org', events: ['candidacy.deleted'] },
    });
    expect(response.statusCode).toBe(400);
    const paths = response.json().errors.map((error: { path: string }) => error.path);
    expect(paths).toEqual(expect.arrayContaining(['body.url', 'body.events.0']));
  });
});
