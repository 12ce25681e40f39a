import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import jwt from '@fastify/jwt';
import type { ApiScope } from '@passerelle/domain/api-client/api-client.schema';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

export type AccessTokenPayload =
  | { sub: string; kind: 'user' }
  | { sub: string; kind: 'api_client'; scopes: ApiScope[]; fabriques: string[] | 'all' };

declare module '@fastify/jwt' {
  interface FastifyJWT {
    payload: AccessTokenPayload;
    user: AccessTokenPayload;
  }
}

/**
 * Without JWT_SECRET, an embedded install keeps a generated secret beside its data, so that a
 * restart does not sign everybody out; an in-memory database gets a throwaway one.
 */
function resolveSecret(app: FastifyInstance): string {
  if (app.config.JWT_SECRET) return app.config.JWT_SECRET;
  if (app.database.engine === 'pglite' && app.database.location !== 'memory') {
    const file = path.join(app.database.location, 'jwt-secret');
    if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
    const secret = crypto.randomBytes(48).toString('base64url');
    fs.writeFileSync(file, secret, { mode: 0o600 });
    return secret;
  }
  return crypto.randomBytes(48).toString('base64url');
}

export default fp(
  async function jwtPlugin(app: FastifyInstance) {
    await app.register(jwt, {
      secret: resolveSecret(app),
      sign: { algorithm: 'HS256', expiresIn: app.config.ACCESS_TOKEN_TTL_SECONDS, iss: 'passerelle' },
      verify: { algorithms: ['HS256'], allowedIss: 'passerelle' },
    });
  },
  { name: 'jwt', dependencies: ['config', 'db'] },
);
