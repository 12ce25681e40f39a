import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { checkDatabaseReady, countExpectedMigrations } from '../../../../db/client.ts';

const HealthSchema = z.object({ status: z.literal('ok') }).meta({ id: 'Health' });
const ReadySchema = z
  .object({
    status: z.enum(['ready', 'not_ready']),
    database: z.object({
      engine: z.enum(['pglite', 'postgres']),
      reachable: z.boolean(),
      migrated: z.boolean(),
    }),
  })
  .meta({ id: 'Readiness' });

export default async function healthRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const expectedMigrations = countExpectedMigrations();

  app.get(
    '/health',
    {
      schema: {
        tags: ['health'],
        summary: 'Liveness: the process answers',
        response: { 200: HealthSchema },
      },
    },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/ready',
    {
      schema: {
        tags: ['health'],
        summary: 'Readiness: the database answers and every migration is applied',
        response: { 200: ReadySchema, 503: ReadySchema },
      },
    },
    async (request, reply) => {
      let reachable = false;
      let migrated = false;
      try {
        migrated = await checkDatabaseReady(app.db, expectedMigrations);
        reachable = true;
      } catch (error) {
        request.log.warn({ err: error }, 'readiness check failed');
      }
      const ready = reachable && migrated;
      return reply.code(ready ? 200 : 503).send({
        status: ready ? 'ready' : 'not_ready',
        database: { engine: app.database.engine, reachable, migrated },
      });
    },
  );
}
