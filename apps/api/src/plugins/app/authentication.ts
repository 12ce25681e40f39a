import type { ApiClientMe, ApiScope } from '@passerelle/domain/api-client/api-client.schema';
import { type Actor, checkRouteScope } from '@passerelle/domain/auth/access';
import type { Me } from '@passerelle/domain/auth/auth.schema';
import { DomainError } from '@passerelle/domain/shared/errors';
import type { Role } from '@passerelle/domain/user/user.schema';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { AccessTokenPayload } from '../external/jwt.ts';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    me: Me | ApiClientMe | null;
  }
  interface FastifyContextConfig {
    /**
     * The API-client scope a guarded route needs (e.g. `placements:read`); routes without one are for
     * signed-in users only. Users are governed by their role, clients by their scopes.
     */
    scope?: ApiScope;
    /**
     * Marks a guarded route as deliberately closed to API clients (users, fabriques, programs …):
     * every guarded route declares either `scope` or `usersOnly`, and a test walks them all.
     */
    usersOnly?: true;
    /** Open to every API client whatever its scopes (`GET /me`). */
    anyClient?: true;
  }
  interface FastifyInstance {
    authenticate: (request: FastifyRequest) => Promise<void>;
  }
}

/** The authenticated caller of a guarded route (the guard has run, so it is there). */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new DomainError('unauthenticated');
  return request.actor;
}

export function requireRole(request: FastifyRequest, ...roles: Role[]): Actor {
  const actor = actorOf(request);
  if (!roles.includes(actor.role))
    throw new DomainError('forbidden', `this requires the role ${roles.join(' or ')}`);
  return actor;
}

export default fp(
  async function authenticationPlugin(app: FastifyInstance) {
    app.decorateRequest('actor', null);
    app.decorateRequest('me', null);
    app.decorate('authenticate', async (request: FastifyRequest) => {
      if (!request.headers.authorization) {
        throw new DomainError('unauthenticated', 'send an access token as `Authorization: Bearer <token>`');
      }
      const claims = await request.jwtVerify<AccessTokenPayload>();
      if (claims.kind === 'api_client') {
        const client = await app.services.apiClients.loadClientActor(claims);
        if (!client) throw new DomainError('invalid_token', 'this API client was revoked or deleted');
        const { me, ...actor } = client;
        request.actor = actor;
        request.me = me;
      } else {
        const actor = await app.services.auth.loadActor(claims.sub);
        if (!actor)
          throw new DomainError('invalid_token', 'the account behind this token is disabled or gone');
        request.actor = { kind: 'user', id: actor.id, role: actor.role, fabriqueIds: actor.fabriqueIds };
        request.me = actor.me;
      }
      const { config } = request.routeOptions;
      const check = config.anyClient
        ? { allowed: true as const }
        : checkRouteScope(request.actor, config.scope);
      if (!check.allowed) {
        throw new DomainError(
          'forbidden',
          check.missing
            ? `this token lacks the scope ${check.missing}`
            : 'this route is for signed-in users only, not API clients',
        );
      }
    });
  },
  { name: 'authentication', dependencies: ['jwt', 'services'] },
);
