import crypto from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  getAccessToken,
  listAllCandidacies,
  submitCandidacy,
  verifyWebhook,
} from '../scripts/integration-example.ts';
import { signWebhook } from '../src/plugins/app/webhooks/webhook-signature.ts';
import { createFabrique, createUser, signIn } from './factories/index.ts';
import { applicationBody } from './factories/intake.ts';
import { createApiClient } from './factories/integrations.ts';
import { createCandidacy, createSession } from './factories/recruitment.ts';
import { buildTestApp, type TestApp } from './helper.ts';

// The integration guide's example, run over HTTP against the real API: if it breaks, so does this.
let t: TestApp;
let baseUrl: string;

beforeAll(async () => {
  t = await buildTestApp();
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  baseUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
});
afterAll(async () => t.close());

describe('the integration guide’s example', () => {
  it('gets a token, submits a candidacy once despite a retry, lists with a cursor', async () => {
    const db = t.database.db;
    const fabriqueId = (await createFabrique(db)).id;
    const session = await createSession(db, fabriqueId);
    for (let index = 0; index < 4; index += 1) await createCandidacy(db, session);
    const admin = await signIn(t.app, (await createUser(db, { role: 'admin' })).email);
    const client = await createApiClient(t.app, admin.headers, {
      scopes: ['candidacies:read', 'candidacies:write'],
      fabriqueIds: [fabriqueId],
    });
    const credentials = { baseUrl, clientId: client.id, clientSecret: client.secret };
    const token = await getAccessToken(credentials);
    await expect(getAccessToken({ ...credentials, clientSecret: 'pcs_wrong' })).rejects.toThrow(
      /invalid_client/,
    );

    const body = applicationBody({ sessionId: session.id });
    const first = await submitCandidacy(baseUrl, token, body, 'guide-key-1');
    const retry = await submitCandidacy(baseUrl, token, body, 'guide-key-1');
    expect(first.status).toBe(201);
    expect(retry.body.candidacyId).toBe(first.body.candidacyId);

    const all = await listAllCandidacies(baseUrl, token, { sessionId: session.id }, 2);
    expect(all).toHaveLength(5);
    expect(new Set(all.map((row) => row.id)).size).toBe(5);
  });

  it('verifies a genuine webhook signature and refuses a forged, tampered or stale one', () => {
    const secret = `whsec_${crypto.randomBytes(24).toString('base64')}`;
    const body = JSON.stringify({
      type: 'candidacy.submitted',
      timestamp: new Date().toISOString(),
      data: {},
    });
    const timestamp = Math.floor(Date.now() / 1000);
    const headers = {
      'webhook-id': 'msg_1',
      'webhook-timestamp': String(timestamp),
      'webhook-signature': signWebhook(secret, 'msg_1', timestamp, body),
    };
    expect(verifyWebhook(secret, headers, body)).toBe(true);
    expect(verifyWebhook(secret, headers, `${body} `)).toBe(false);
    expect(verifyWebhook(`whsec_${crypto.randomBytes(24).toString('base64')}`, headers, body)).toBe(false);
    expect(verifyWebhook(secret, headers, body, 300, new Date(Date.now() + 3_600_000))).toBe(false);
  });
});
