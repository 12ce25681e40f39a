import crypto from 'node:crypto';
import {
  computeRetryDelayMs,
  type RetryPolicy,
  shouldDisableSubscription,
  WEBHOOK_RETRY_POLICY,
} from '@passerelle/domain/webhook/webhook-delivery';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { uuidv7 } from 'uuidv7';
import type { Database } from '../../../db/client.ts';
import {
  type ClaimedDelivery,
  createWebhookRepository,
  type WebhookRepository,
} from './webhook-repository.ts';
import { signWebhook } from './webhook-signature.ts';
import { checkWebhookTarget } from './webhook-target.ts';

/*
 * Why a table and not a queue library: pg-boss and graphile-worker both need real PostgreSQL
 * connections (LISTEN/NOTIFY, advisory locks across sessions, their own migrations) and do not run
 * on the embedded PGlite the product starts with. The deliveries table is the well-proven outbox +
 * `SELECT … FOR UPDATE SKIP LOCKED` design those libraries use inside: a due row is claimed by one
 * statement that skips rows another instance is claiming and stamps a lease; the attempt is logged
 * under a unique (delivery, attempt number), so an attempt can never be recorded twice; a lease that
 * ends (crashed instance) makes the delivery due again, so a restart loses nothing.
 */

const RESPONSE_EXCERPT_BYTES = 1024;
const BATCH_SIZE = 10;

export interface WebhookWorkerOptions {
  db: Database;
  log: FastifyBaseLogger;
  pollIntervalMs: number;
  timeoutMs: number;
  allowPrivateTargets: boolean;
  policy: RetryPolicy;
  instanceId?: string;
  repository?: WebhookRepository;
}

async function readExcerpt(response: Response): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < RESPONSE_EXCERPT_BYTES) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
  return Buffer.concat(chunks).subarray(0, RESPONSE_EXCERPT_BYTES).toString('utf8');
}

export function createWebhookWorker(options: WebhookWorkerOptions) {
  const repository = options.repository ?? createWebhookRepository();
  const instanceId = options.instanceId ?? uuidv7();
  const leaseMs = options.timeoutMs + 30_000;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let isStopped = true;

  async function send(claim: ClaimedDelivery) {
    const body = JSON.stringify({
      type: claim.eventType,
      timestamp: claim.occurredAt.toISOString(),
      data: claim.payload,
    });
    const timestamp = Math.floor(Date.now() / 1000);
    const startedAt = new Date();
    const started = performance.now();
    let statusCode: number | null = null;
    let responseExcerpt: string | null = null;
    let error: string | null = null;
    try {
      const refusal = await checkWebhookTarget(claim.url, options.allowPrivateTargets);
      if (refusal) throw new Error(`refused target: ${refusal}`);
      const response = await fetch(claim.url, {
        method: 'POST',
        redirect: 'manual',
        signal: AbortSignal.timeout(options.timeoutMs),
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Passerelle-Webhooks/1',
          'webhook-id': claim.id,
          'webhook-timestamp': String(timestamp),
          'webhook-signature': signWebhook(claim.secret, claim.id, timestamp, body),
        },
        body,
      });
      statusCode = response.status;
      responseExcerpt = await readExcerpt(response);
    } catch (caught) {
      const cause = (caught as { cause?: { code?: string } }).cause;
      error =
        (caught as Error).name === 'TimeoutError'
          ? `timed out after ${options.timeoutMs} ms`
          : `${(caught as Error).message}${cause?.code ? ` (${cause.code})` : ''}`;
    }
    const durationMs = Math.round(performance.now() - started);
    const isSuccess = statusCode !== null && statusCode >= 200 && statusCode < 300;
    if (!isSuccess && statusCode !== null && !error) error = `HTTP ${statusCode}`;

    const delay = isSuccess ? null : computeRetryDelayMs(claim.runAttemptCount, options.policy);
    const status = isSuccess ? 'succeeded' : delay === null ? 'failed' : 'pending';
    await options.db.transaction(async (tx) => {
      await repository.insertAttempt(tx, {
        deliveryId: claim.id,
        attemptNumber: claim.attemptNumber,
        startedAt,
        durationMs,
        statusCode,
        isSuccess,
        responseExcerpt,
        error: error?.slice(0, 500) ?? null,
        instanceId,
      });
      const isHeld = await repository.releaseDelivery(tx, claim, {
        status,
        nextAttemptAt: delay === null ? null : new Date(Date.now() + delay),
      });
      if (!isHeld) return;
      if (isSuccess) await repository.resetFailures(tx, claim.subscriptionId);
      if (status === 'failed') {
        const failures = await repository.countFailedEvent(tx, claim.subscriptionId);
        if (shouldDisableSubscription(failures, options.policy)) {
          await repository.disableForFailure(tx, claim.subscriptionId);
          options.log.warn(
            { subscriptionId: claim.subscriptionId },
            'webhook subscription disabled after failures',
          );
        }
      }
    });
  }

  /** Claims and sends what is due, batch after batch, until nothing is. Returns the attempts made. */
  async function runOnce(): Promise<number> {
    let total = 0;
    for (;;) {
      const claims = await repository.claimDueDeliveries(options.db, {
        limit: BATCH_SIZE,
        leaseMs,
        leaseToken: crypto.randomUUID(),
      });
      await Promise.all(
        claims.map((claim) =>
          send(claim).catch((error) =>
            options.log.error({ err: error, deliveryId: claim.id }, 'webhook attempt'),
          ),
        ),
      );
      total += claims.length;
      if (claims.length < BATCH_SIZE || isStopped) return total;
    }
  }

  function schedule() {
    if (isStopped) return;
    timer = setTimeout(() => {
      running = runOnce()
        .then(() => undefined)
        .catch((error) => options.log.error({ err: error }, 'webhook worker poll failed'))
        .finally(() => {
          running = null;
          schedule();
        });
    }, options.pollIntervalMs);
    timer.unref();
  }

  return {
    instanceId,
    runOnce,
    start() {
      if (!isStopped) return;
      isStopped = false;
      schedule();
    },
    /** Stops polling and waits for the attempts in flight, which log their outcome. */
    async stop() {
      isStopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      if (running) await running;
    },
  };
}

export type WebhookWorker = ReturnType<typeof createWebhookWorker>;

declare module 'fastify' {
  interface FastifyInstance {
    webhookWorker: WebhookWorker;
  }
}

/** Every API instance carries a worker; server.ts starts it (WEBHOOK_WORKER=on), closing stops it. */
export default fp(
  async function webhookWorkerPlugin(app: FastifyInstance) {
    const { config } = app;
    const worker = createWebhookWorker({
      db: app.db,
      log: app.log.child({ component: 'webhook-worker' }),
      pollIntervalMs: config.WEBHOOK_POLL_INTERVAL_MS,
      timeoutMs: config.WEBHOOK_TIMEOUT_MS,
      allowPrivateTargets: config.NODE_ENV !== 'production' || config.WEBHOOK_ALLOW_PRIVATE_TARGETS,
      policy: {
        ...WEBHOOK_RETRY_POLICY,
        ...(config.WEBHOOK_RETRY_BASE_DELAY_MS ? { baseDelayMs: config.WEBHOOK_RETRY_BASE_DELAY_MS } : {}),
        ...(config.WEBHOOK_RETRY_MAX_DELAY_MS ? { maxDelayMs: config.WEBHOOK_RETRY_MAX_DELAY_MS } : {}),
      },
    });
    app.decorate('webhookWorker', worker);
    app.addHook('preClose', async () => worker.stop());
  },
  { name: 'webhook-worker', dependencies: ['db', 'config'] },
);
