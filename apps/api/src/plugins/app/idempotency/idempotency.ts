import crypto from 'node:crypto';
import { DomainError } from '@passerelle/domain/shared/errors';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { createIdempotencyRepository } from './idempotency-repository.ts';

declare module 'fastify' {
  interface FastifyRequest {
    idempotency: { callerKey: string; key: string } | null;
  }
}

const KEY_PATTERN = /^[\w.:-]{1,255}$/;
const REPLAYED_HEADERS = ['content-type', 'location', 'etag'] as const;
const WAIT_STEP_MS = 50;
const WAIT_LIMIT_MS = 15_000;

function hashRequest(request: FastifyRequest): string {
  return crypto
    .createHash('sha256')
    .update(`${request.method} ${request.url.split('?')[0]}\n${JSON.stringify(request.body ?? null)}`)
    .digest('base64url');
}

/**
 * Idempotency-Key on every POST (but sign-in): the first response for a key is stored for 24 h in
 * the database, so that a retry, from this instance or another, returns it without doing the work again.
 */
export default fp(
  async function idempotencyPlugin(app: FastifyInstance) {
    const records = createIdempotencyRepository();
    app.decorateRequest('idempotency', null);

    app.addHook('preHandler', async (request, reply) => {
      const header = request.headers['idempotency-key'];
      if (request.method !== 'POST' || header === undefined || request.url.startsWith('/api/v1/auth/'))
        return;
      const key = Array.isArray(header) ? header[0] : header;
      if (!key || !KEY_PATTERN.test(key)) {
        throw new DomainError(
          'validation_failed',
          'Idempotency-Key must be 1–255 letters, digits, or . _ : -',
        );
      }
      const callerKey = request.actor ? `${request.actor.kind ?? 'user'}:${request.actor.id}` : 'public';
      const requestHash = hashRequest(request);
      const claimed = await records.claim(app.db, {
        callerKey,
        key,
        method: request.method,
        path: request.url.split('?')[0] ?? request.url,
        requestHash,
      });
      if (claimed) {
        request.idempotency = { callerKey, key };
        return;
      }

      const deadline = Date.now() + WAIT_LIMIT_MS;
      for (;;) {
        const record = await records.find(app.db, callerKey, key);
        if (!record)
          throw new DomainError('conflict', 'the first request with this Idempotency-Key failed; retry');
        if (record.requestHash !== requestHash) {
          throw new DomainError('rule_violated', 'this Idempotency-Key was used with another request');
        }
        if (record.statusCode !== null && record.responseBody !== null) {
          reply.code(record.statusCode).headers({ ...record.responseHeaders, 'idempotent-replayed': 'true' });
          return reply.send(record.responseBody);
        }
        if (Date.now() > deadline) {
          throw new DomainError('conflict', 'a request with this Idempotency-Key is still in progress');
        }
        await new Promise((resolve) => setTimeout(resolve, WAIT_STEP_MS));
      }
    });

    app.addHook('onSend', async (request, reply, payload) => {
      const claim = request.idempotency;
      if (!claim) return payload;
      request.idempotency = null;
      if (reply.statusCode >= 500 || typeof payload !== 'string') {
        // Nothing durable happened (or cannot be replayed): let a retry do the work.
        await records.release(app.db, claim.callerKey, claim.key);
        return payload;
      }
      const headers: Record<string, string> = {};
      for (const name of REPLAYED_HEADERS) {
        const value = reply.getHeader(name);
        if (typeof value === 'string') headers[name] = value;
      }
      await records.complete(app.db, claim.callerKey, claim.key, {
        statusCode: reply.statusCode,
        body: payload,
        headers,
      });
      return payload;
    });
  },
  { name: 'idempotency', dependencies: ['db'] },
);
