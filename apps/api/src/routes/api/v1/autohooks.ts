import { ProblemSchema } from '@passerelle/domain/shared/common.schema';
import type { FastifyInstance, RouteOptions } from 'fastify';
import { z } from 'zod';

type RouteSchema = NonNullable<RouteOptions['schema']> & {
  response?: Record<string, unknown>;
  security?: unknown;
  hide?: boolean;
};

function withProblems(
  routeOptions: RouteOptions,
  statuses: readonly number[],
  descriptions: Record<number, string>,
) {
  const schema = (routeOptions.schema ?? {}) as RouteSchema;
  if (schema.hide) return;
  const response = { ...(schema.response ?? {}) };
  for (const status of statuses) {
    response[status] ??= ProblemSchema.describe(descriptions[status] ?? 'Error');
  }
  routeOptions.schema = { ...schema, response };
}

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid request: every invalid field is listed in `errors`',
  401: 'Missing, expired or invalid access token',
  403: 'The caller’s role does not allow this',
  404: 'Not found, or outside the caller’s fabriques',
  409: 'Conflict: stale version or duplicate',
  412: 'If-Match does not match the current version',
  422: 'A domain rule refuses the change',
  429: 'Rate limited: see Retry-After',
  500: 'Unexpected error (details are logged, never returned)',
};

const IdempotencyHeadersSchema = z.object({
  'idempotency-key': z
    .string()
    .max(255)
    .optional()
    .describe('Makes a retried POST safe: the same key and body within 24 h return the first response'),
});

/** Documents the errors every route can answer (problem+json), and Idempotency-Key on POSTs. */
export function documentCommonErrors(app: FastifyInstance) {
  app.addHook('onRoute', (routeOptions) => {
    const statuses = [400, 500];
    const url = routeOptions.url ?? '';
    if (url.includes(':')) statuses.push(404);
    if (url.startsWith('/api/v1/auth')) statuses.push(401, 429);
    if (routeOptions.method === 'PATCH') statuses.push(409, 412, 422);
    if (routeOptions.method === 'POST' && !url.startsWith('/api/v1/auth')) statuses.push(409, 422);
    withProblems(routeOptions, statuses, DESCRIPTIONS);
    const schema = routeOptions.schema as RouteSchema | undefined;
    if (
      routeOptions.method === 'POST' &&
      !url.startsWith('/api/v1/auth') &&
      schema &&
      !schema.hide &&
      !schema.headers
    ) {
      routeOptions.schema = { ...schema, headers: IdempotencyHeadersSchema };
    }
  });
}

/**
 * Guards a whole route subtree: bearer authentication, documented as such, and for API clients
 * the route's scope (`config.scope`) as an OAuth 2.0 requirement.
 */
export function guardSubtree(app: FastifyInstance) {
  app.addHook('onRoute', (routeOptions) => {
    const schema = (routeOptions.schema ?? {}) as RouteSchema;
    const scope = routeOptions.config?.scope;
    if (
      !scope &&
      !routeOptions.config?.usersOnly &&
      !routeOptions.config?.anyClient &&
      routeOptions.method !== 'HEAD'
    ) {
      // Fails the boot (and so every test): each guarded route decides what API clients may do.
      throw new Error(
        `${String(routeOptions.method)} ${routeOptions.url}: a guarded route declares config.scope (API clients ` +
          'holding it may call it) or config.usersOnly (signed-in users only)',
      );
    }
    const clientSecurity = scope
      ? [{ oauth2: [scope] }]
      : routeOptions.config?.anyClient
        ? [{ oauth2: [] }]
        : [];
    routeOptions.schema = { ...schema, security: schema.security ?? [{ bearerAuth: [] }, ...clientSecurity] };
    withProblems(routeOptions, [401, 403], DESCRIPTIONS);
  });
  app.addHook('onRequest', async (request) => app.authenticate(request));
}
