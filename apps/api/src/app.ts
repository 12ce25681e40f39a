import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import fp from 'fastify-plugin';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { uuidv7 } from 'uuidv7';
import type { Config } from './config/env.ts';
import { type DatabaseHandle, openDatabase } from './db/client.ts';
import authentication from './plugins/app/authentication.ts';
import errorHandler from './plugins/app/errors/error-handler.ts';
import { buildProblem } from './plugins/app/errors/problem.ts';
import idempotency from './plugins/app/idempotency/idempotency.ts';
import services from './plugins/app/services.ts';
import webhookWorker from './plugins/app/webhooks/webhook-worker.ts';
import db from './plugins/external/db.ts';
import jwt from './plugins/external/jwt.ts';
import security from './plugins/external/security.ts';
import swagger from './plugins/external/swagger.ts';
import web from './plugins/external/web.ts';
import { documentCommonErrors } from './routes/api/v1/autohooks.ts';
import apiV1Routes from './routes/api/v1/index.ts';

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
  }
}

export interface AppOptions {
  config: Config;
  /** An already opened and migrated database (tests); otherwise the app opens and migrates its own. */
  database?: DatabaseHandle;
}

interface ResolvedAppOptions {
  config: Config;
  database: DatabaseHandle;
  ownsDatabase: boolean;
}

const REQUEST_ID = /^[\w.:-]{1,128}$/;

export function loggerOptions(config: Config): FastifyServerOptions['logger'] {
  const pretty = config.NODE_ENV === 'development' && process.stdout.isTTY;
  return {
    level: config.LOG_LEVEL,
    redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
    ...(pretty
      ? {
          transport: {
            target: 'pino-pretty',
            options: { translateTime: 'HH:MM:ss', ignore: 'pid,hostname' },
          },
        }
      : {}),
  };
}

/** The application as a plugin: everything but listening. */
export const passerelleApp = fp(async function passerelleApp(
  app: FastifyInstance,
  options: ResolvedAppOptions,
) {
  app.decorate('config', options.config);
  await app.register(fp(async () => {}, { name: 'config' }));

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // The API speaks JSON: any other body is 415, not a string that fails validation.
  app.removeContentTypeParser('text/plain');
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await app.register(errorHandler);
  await app.register(db, { database: options.database, owned: options.ownsDatabase });
  await app.register(security);
  await app.register(jwt);
  await app.register(services);
  await app.register(authentication);
  await app.register(idempotency);
  await app.register(webhookWorker);
  await app.register(swagger);
  await app.register(web);

  documentCommonErrors(app);
  await app.register(apiV1Routes, { prefix: '/api/v1' });
  app.get('/api/v1/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const indexHtml = path.join(options.config.WEB_DIST_DIR, 'index.html');
  app.setNotFoundHandler(async (request, reply) => {
    const isPage = request.method === 'GET' && !request.url.startsWith('/api') && app.servesWebApp;
    if (isPage && (request.headers.accept ?? '').includes('text/html')) {
      // The web app routes in the browser: every page URL gets its shell.
      return reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-cache')
        .send(fs.createReadStream(indexHtml));
    }
    const problem = buildProblem('not_found', {
      detail: `no route for ${request.method} ${request.url.split('?')[0]}`,
      instance: request.url.split('?')[0] ?? request.url,
      requestId: request.id,
    });
    return reply.code(404).type('application/problem+json; charset=utf-8').send(problem);
  });
});

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  // Opened before Fastify boots: a first embedded start (creating the data folder) can outlast a plugin timeout.
  const ownsDatabase = !options.database;
  const database =
    options.database ??
    (await openDatabase({ databaseUrl: options.config.DATABASE_URL, dataDir: options.config.DATA_DIR }));
  if (ownsDatabase) {
    try {
      await database.migrate();
    } catch (error) {
      await database.close();
      throw error;
    }
  }
  const app = Fastify({
    logger: loggerOptions(options.config),
    trustProxy: options.config.TRUST_PROXY,
    bodyLimit: 1024 * 1024,
    requestIdHeader: false,
    genReqId: (request) => {
      const incoming = request.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : uuidv7();
    },
    routerOptions: { ignoreTrailingSlash: true },
  });
  await app.register(passerelleApp, { config: options.config, database, ownsDatabase });
  return app;
}
