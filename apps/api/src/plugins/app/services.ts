import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { createAuditRepository } from './audit/audit-repository.ts';
import { type AuditService, createAuditService } from './audit/audit-service.ts';
import { type AuthService, createAuthService } from './auth/auth-service.ts';
import { createRefreshTokenRepository } from './auth/refresh-token-repository.ts';
import { createFabriqueRepository } from './fabriques/fabrique-repository.ts';
import { createFabriqueService, type FabriqueService } from './fabriques/fabrique-service.ts';
import { createUserRepository } from './users/user-repository.ts';
import { createUserService, type UserService } from './users/user-service.ts';

export interface Services {
  auth: AuthService;
  users: UserService;
  fabriques: FabriqueService;
  auditLog: AuditService;
}

declare module 'fastify' {
  interface FastifyInstance {
    services: Services;
  }
}

/** Wires repositories into services once; handlers reach use cases through `app.services`. */
export default fp(
  async function servicesPlugin(app: FastifyInstance) {
    const repositories = {
      audit: createAuditRepository(),
      users: createUserRepository(),
      fabriques: createFabriqueRepository(),
      refreshTokens: createRefreshTokenRepository(),
    };
    const db = app.db;
    app.decorate('services', {
      auditLog: createAuditService({ db, audit: repositories.audit }),
      auth: createAuthService({
        db,
        users: repositories.users,
        refreshTokens: repositories.refreshTokens,
        audit: repositories.audit,
        signAccessToken: (userId) => app.jwt.sign({ sub: userId, kind: 'user' }),
        accessTokenTtlSeconds: app.config.ACCESS_TOKEN_TTL_SECONDS,
        refreshTokenTtlDays: app.config.REFRESH_TOKEN_TTL_DAYS,
      }),
      users: createUserService({ db, ...repositories }),
      fabriques: createFabriqueService({ db, fabriques: repositories.fabriques, audit: repositories.audit }),
    });
  },
  { name: 'services', dependencies: ['db', 'jwt'] },
);
