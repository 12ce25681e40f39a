import type { FastifyInstance } from 'fastify';
import apiClientRoutes from './api-clients/index.ts';
import auditLogRoutes from './audit-log/index.ts';
import authRoutes from './auth/index.ts';
import authTokenRoutes from './auth-token/index.ts';
import { guardSubtree } from './autohooks.ts';
import candidacyRoutes from './candidacies/index.ts';
import candidacyImportRoutes from './candidacy-import/index.ts';
import candidateRoutes from './candidates/index.ts';
import eligibilityCheckRoutes from './eligibility-check/index.ts';
import eligibilityPolicyRoutes from './eligibility-policies/index.ts';
import fabriqueRoutes from './fabriques/index.ts';
import healthRoutes from './health/index.ts';
import intakeRoutes from './intake/index.ts';
import meRoutes from './me/index.ts';
import offerRoutes from './offers/index.ts';
import partnerRoutes from './partners/index.ts';
import placementRoutes from './placements/index.ts';
import programRoutes from './programs/index.ts';
import publicApplicationRoutes from './public-applications/index.ts';
import publicCommuneRoutes from './public-communes/index.ts';
import publicSessionRoutes from './public-sessions/index.ts';
import reportRoutes from './reports/index.ts';
import sessionPartnerRoutes from './session-partners/index.ts';
import sessionRoutes from './sessions/index.ts';
import userRoutes from './users/index.ts';
import webhookRoutes from './webhooks/index.ts';

/**
 * Routes are registered explicitly rather than autoloaded: the same imports work under tsx,
 * vitest and a bundler, and the compiler sees every route.
 */
export default async function apiV1Routes(app: FastifyInstance) {
  await app.register(healthRoutes);
  await app.register(authRoutes, { prefix: '/auth' });
  await app.register(authTokenRoutes, { prefix: '/auth' });
  await app.register(publicSessionRoutes);
  await app.register(publicCommuneRoutes);
  await app.register(publicApplicationRoutes);
  await app.register(eligibilityCheckRoutes);

  await app.register(async function guardedRoutes(guarded) {
    guardSubtree(guarded);
    await guarded.register(candidacyRoutes);
    await guarded.register(intakeRoutes);
    await guarded.register(candidacyImportRoutes);
    await guarded.register(candidateRoutes);
    await guarded.register(meRoutes);
    await guarded.register(userRoutes);
    await guarded.register(fabriqueRoutes);
    await guarded.register(auditLogRoutes);
    await guarded.register(programRoutes);
    await guarded.register(eligibilityPolicyRoutes);
    await guarded.register(sessionRoutes);
    await guarded.register(reportRoutes);
    await guarded.register(sessionPartnerRoutes);
    await guarded.register(partnerRoutes);
    await guarded.register(offerRoutes);
    await guarded.register(placementRoutes);
    await guarded.register(apiClientRoutes);
    await guarded.register(webhookRoutes);
  });
}
