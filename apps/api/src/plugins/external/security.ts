import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import { DomainError } from '@passerelle/domain/shared/errors';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { Redis } from 'ioredis';

/** Security headers, CORS (closed unless origins are listed), cookies, compression and rate limiting. */
export default fp(
  async function securityPlugin(app: FastifyInstance) {
    await app.register(helmet, {
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          // Mantine injects its CSS variables in <style> elements.
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          frameAncestors: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          upgradeInsecureRequests: null,
        },
      },
      crossOriginEmbedderPolicy: false,
    });

    await app.register(cors, {
      origin: app.config.CORS_ORIGINS.length > 0 ? app.config.CORS_ORIGINS : false,
      credentials: true,
      exposedHeaders: ['ETag', 'Retry-After', 'X-Request-Id'],
    });

    await app.register(cookie);
    // Brotli or gzip for the web app's scripts and for JSON lists: a phone on a slow network gets a third of the bytes.
    await app.register(compress, { global: true, threshold: 1024, encodings: ['br', 'gzip', 'deflate'] });

    const redis = app.config.REDIS_URL
      ? new Redis(app.config.REDIS_URL, { connectTimeout: 2000, maxRetriesPerRequest: 1, lazyConnect: false })
      : undefined;
    if (redis) app.addHook('onClose', async () => void (await redis.quit()));

    await app.register(rateLimit, {
      global: false,
      ...(redis ? { redis, nameSpace: 'passerelle-rl:' } : {}),
      // If Redis is unreachable, sign-in keeps working; account lockout still guards passwords.
      skipOnError: true,
      errorResponseBuilder: (_request, context) =>
        new DomainError('rate_limited', `Too many requests; retry in ${Math.ceil(context.ttl / 1000)} s`),
    });
  },
  { name: 'security', dependencies: ['config'] },
);
