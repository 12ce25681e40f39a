import type { ApiScope } from '@passerelle/domain/api-client/api-client.schema';
import type { Actor } from '@passerelle/domain/auth/access';
import type { Me } from '@passerelle/domain/auth/auth.schema';
import { DomainError } from '@passerelle/domain/shared/errors';
import type { Role } from '@passerelle/domain/user/user.schema';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    me: Me | null;
  }
  interface FastifyContextConfig {
    /**
     * The API-client scope a guarded route needs (e.g. `placements:read`); routes without one are for
     * signed-in users only. Users are governed by their role, clients by their scopes.
     */
    scope?: ApiScope;
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
      const claims = await request.jwtVerify<{ sub: string; kind: 'user' }>();
      const actor = await app.services.auth.loadActor(claims.sub);
      if (!actor) throw new DomainError('invalid_token', 'the account behind this token is disabled or gone');
      request.actor = { id: actor.id, role: actor.role, fabriqueIds: actor.fabriqueIds };
      request.me = actor.me;
    });
  },
  { name: 'authentication', dependencies: ['jwt', 'services'] },
);
