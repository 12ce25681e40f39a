import type { FastifyInstance } from 'fastify';
import auditLogRoutes from './audit-log/index.ts';
import authRoutes from './auth/index.ts';
import { guardSubtree } from './autohooks.ts';
import fabriqueRoutes from './fabriques/index.ts';
import healthRoutes from './health/index.ts';
import meRoutes from './me/index.ts';
import userRoutes from './users/index.ts';

/**
 * Routes are registered explicitly rather than autoloaded: the same imports work under tsx,
 * vitest and a bundler, and the compiler sees every route.
 */
export default async function apiV1Routes(app: FastifyInstance) {
  await app.register(healthRoutes);
  await app.register(authRoutes, { prefix: '/auth' });

  await app.register(async function guardedRoutes(guarded) {
    guardSubtree(guarded);
    await guarded.register(meRoutes);
    await guarded.register(userRoutes);
    await guarded.register(fabriqueRoutes);
    await guarded.register(auditLogRoutes);
  });
}
