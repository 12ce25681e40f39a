import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { createConfig } from '../../src/config/env.ts';
import { type DatabaseHandle, openDatabase } from '../../src/db/client.ts';
import { webhookAttempts, webhookDeliveries } from '../../src/db/schema/index.ts';
import { createWebhookRepository } from '../../src/plugins/app/webhooks/webhook-repository.ts';
import { createFabrique, createUser, signIn } from '../factories/index.ts';
import { createCandidacy, createSession } from '../factories/recruitment.ts';
import { createTestDatabase } from '../helper.ts';

/** A real HTTP receiver on loopback; `isDown` makes it answer 503. */
function startReceiver() {
  const received: { id: string; headers: http.IncomingHttpHeaders; body: string; status: number }[] = [];
  const state = { isDown: false };
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const status = state.isDown ? 503 : 204;
      received.push({
        id: String(request.headers['webhook-id']),
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        status,
      });
      response
        .writeHead(status, { 'content-type': 'text/plain' })
        .end(state.isDown ? 'maintenance' : undefined);
    });
  });
  return new Promise<{
    url: string;
    received: typeof received;
    state: typeof state;
    close: () => Promise<void>;
  }>((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}/hooks`,
        received,
        state,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

let first: FastifyInstance;
let second: FastifyInstance;
let database: DatabaseHandle;
let secondDatabase: DatabaseHandle | null = null;
let drop: () => Promise<void>;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let fabriqueId: string;
let admin: Awaited<ReturnType<typeof signIn>>;

beforeAll(async () => {
  const created = await createTestDatabase();
  database = created.database;
  drop = created.drop;
  // On PostgreSQL each instance has its own connection pool, as two processes would.
  if (created.url) secondDatabase = await openDatabase({ databaseUrl: created.url });
  const config = createConfig({
    WEB_DIST_DIR: '/nonexistent',
    JWT_SECRET: crypto.randomBytes(32).toString('hex'),
    WEBHOOK_POLL_INTERVAL_MS: '50',
    WEBHOOK_TIMEOUT_MS: '2000',
    WEBHOOK_RETRY_BASE_DELAY_MS: '100',
    WEBHOOK_RETRY_MAX_DELAY_MS: '300',
  });
  first = await buildApp({ config, database });
  second = await buildApp({ config, database: secondDatabase ?? database });
  receiver = await startReceiver();
  fabriqueId = (await createFabrique(database.db)).id;
  admin = await signIn(first, (await createUser(database.db, { role: 'admin' })).email);
});

afterAll(async () => {
  await first.close();
  await second.close();
  await receiver.close();
  await secondDatabase?.close();
  await drop();
});

async function subscribe(url: string, events: string[]) {
  const response = await first.inject({
    method: 'POST',
    url: '/api/v1/webhooks',
    headers: admin.headers,
    payload: { url, events, fabriqueId },
  });
  expect(response.statusCode).toBe(201);
  return response.json() as { id: string; secret: string };
}

async function moveCandidacies(count: number) {
  const session = await createSession(database.db, fabriqueId, { capacity: 100 });
  for (let index = 0; index < count; index += 1) {
    const candidacy = await createCandidacy(database.db, session);
    const app = index % 2 === 0 ? first : second;
    const response = await app.inject({
      method: 'POST',
      url: `/api/v1/candidacies/${candidacy.id}/transitions`,
      headers: admin.headers,
      payload: { to: 'screening', version: 1 },
    });
    expect(response.statusCode).toBe(200);
  }
}

async function deliveriesOf(subscriptionId: string) {
  return database.db
    .select()
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.subscriptionId, subscriptionId));
}

describe('webhook delivery by two API instances on one database', () => {
  it('delivers every event, each attempt once, signed; a receiver down for a while loses nothing', async () => {
    const webhook = await subscribe(receiver.url, ['candidacy.stage_changed']);
    receiver.state.isDown = true;
    await moveCandidacies(12);
    expect(await deliveriesOf(webhook.id)).toHaveLength(12);

    first.webhookWorker.start();
    second.webhookWorker.start();
    // Down: every delivery is tried and retried (backoff) without success.
    await waitFor(
      async () => (await deliveriesOf(webhook.id)).every((delivery) => delivery.attemptCount >= 2),
      30_000,
      'two failed attempts per delivery',
    );
    receiver.state.isDown = false;
    await waitFor(
      async () => (await deliveriesOf(webhook.id)).every((delivery) => delivery.status === 'succeeded'),
      30_000,
      'every delivery to succeed',
    );
    await first.webhookWorker.stop();
    await second.webhookWorker.stop();

    const deliveries = await deliveriesOf(webhook.id);
    const attempts = await database.db
      .select()
      .from(webhookAttempts)
      .where(
        sql`${webhookAttempts.deliveryId} in (select id from webhook_deliveries where subscription_id = ${webhook.id})`,
      );
    const ours = receiver.received.filter((request) =>
      deliveries.some((delivery) => delivery.id === request.id),
    );
    // Each attempt was sent once and logged once: as many requests as attempt rows, per delivery.
    for (const delivery of deliveries) {
      const sent = ours.filter((request) => request.id === delivery.id);
      const logged = attempts.filter((attempt) => attempt.deliveryId === delivery.id);
      expect(sent.length).toBe(logged.length);
      expect(logged.map((attempt) => attempt.attemptNumber).sort((a, b) => a - b)).toEqual(
        Array.from({ length: logged.length }, (_, index) => index + 1),
      );
      expect(sent.filter((request) => request.status === 204)).toHaveLength(1);
      expect(logged.filter((attempt) => attempt.isSuccess)).toHaveLength(1);
    }
    // Down for a while: every delivery failed at least once before it succeeded.
    for (const delivery of deliveries) {
      expect(ours.find((request) => request.id === delivery.id)?.status).toBe(503);
    }
    const failed = attempts.find((attempt) => !attempt.isSuccess);
    expect(failed).toMatchObject({ statusCode: 503, responseExcerpt: 'maintenance', error: 'HTTP 503' });

    // Signatures check with an independent implementation of Standard Webhooks.
    const verifier = new Webhook(webhook.secret);
    for (const request of ours) {
      const payload = verifier.verify(request.body, {
        'webhook-id': String(request.headers['webhook-id']),
        'webhook-timestamp': String(request.headers['webhook-timestamp']),
        'webhook-signature': String(request.headers['webhook-signature']),
      }) as { type: string; data: { fabriqueId: string; to: string } };
      expect(payload).toMatchObject({
        type: 'candidacy.stage_changed',
        data: { fabriqueId, to: 'screening' },
      });
    }
    expect(() =>
      new Webhook(`whsec_${crypto.randomBytes(24).toString('base64')}`).verify(ours[0]?.body ?? '', {
        'webhook-id': String(ours[0]?.headers['webhook-id']),
        'webhook-timestamp': String(ours[0]?.headers['webhook-timestamp']),
        'webhook-signature': String(ours[0]?.headers['webhook-signature']),
      }),
    ).toThrow();

    // The log through the API, and a manual redelivery with the same webhook-id.
    const log = await second.inject({
      method: 'GET',
      url: `/api/v1/webhooks/${webhook.id}/deliveries?limit=5`,
      headers: admin.headers,
    });
    expect(log.statusCode).toBe(200);
    expect(log.json().data).toHaveLength(5);
    expect(log.json().nextCursor).toEqual(expect.any(String));
    const next = await second.inject({
      method: 'GET',
      url: `/api/v1/webhooks/${webhook.id}/deliveries?limit=50&cursor=${log.json().nextCursor}`,
      headers: admin.headers,
    });
    expect(next.json().data).toHaveLength(7);
    const target = log.json().data[0];
    expect(target.attempts[0]).toMatchObject({ isSuccess: true, statusCode: 204 });
    expect(target.attempts[0].durationMs).toBeGreaterThanOrEqual(0);
    const redeliver = await first.inject({
      method: 'POST',
      url: `/api/v1/webhooks/${webhook.id}/deliveries/${target.id}/redeliver`,
      headers: admin.headers,
    });
    expect(redeliver.statusCode).toBe(202);
    expect(redeliver.json().status).toBe('pending');
    const before = receiver.received.length;
    await second.webhookWorker.runOnce();
    expect(receiver.received.slice(before).map((request) => request.id)).toEqual([target.id]);
    const removed = await first.inject({
      method: 'DELETE',
      url: `/api/v1/webhooks/${webhook.id}`,
      headers: admin.headers,
    });
    expect(removed.statusCode).toBe(204);
  }, 90_000);

  it('takes over a delivery whose instance died mid-attempt, once its lease ends', async () => {
    const webhook = await subscribe(receiver.url, ['candidacy.stage_changed']);
    await moveCandidacies(1);
    const [claimed] = await createWebhookRepository().claimDueDeliveries(database.db, {
      limit: 1,
      leaseMs: 300,
      leaseToken: crypto.randomUUID(),
    });
    expect(claimed?.subscriptionId).toBe(webhook.id);
    expect(await first.webhookWorker.runOnce()).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await first.webhookWorker.runOnce()).toBe(1);
    const [delivery] = await deliveriesOf(webhook.id);
    expect(delivery).toMatchObject({ status: 'succeeded', attemptCount: 2 });
  });

  it('disables a subscription whose every attempt fails, event after event, and says why', async () => {
    const closed = await startReceiver();
    await closed.close();
    const webhook = await subscribe(closed.url, ['candidacy.stage_changed']);
    await moveCandidacies(5);
    first.webhookWorker.start();
    second.webhookWorker.start();
    try {
      await waitFor(
        async () => {
          const response = await first.inject({
            method: 'GET',
            url: `/api/v1/webhooks/${webhook.id}`,
            headers: admin.headers,
          });
          return response.json().isEnabled === false;
        },
        40_000,
        'the subscription to be disabled',
      );
    } finally {
      await first.webhookWorker.stop();
      await second.webhookWorker.stop();
    }
    const response = await first.inject({
      method: 'GET',
      url: `/api/v1/webhooks/${webhook.id}`,
      headers: admin.headers,
    });
    expect(response.json()).toMatchObject({ disabledReason: 'persistent_failure', consecutiveFailures: 5 });
    const log = await first.inject({
      method: 'GET',
      url: `/api/v1/webhooks/${webhook.id}/deliveries`,
      headers: admin.headers,
    });
    const delivery = log.json().data[0];
    expect(delivery).toMatchObject({ status: 'failed', attemptCount: 10 });
    expect(delivery.attempts[0].error).toMatch(/ECONNREFUSED|fetch failed/);
  }, 60_000);
});
