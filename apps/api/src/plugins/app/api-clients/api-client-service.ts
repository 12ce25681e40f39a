import crypto from 'node:crypto';
import {
  type ApiClient,
  type ApiClientMe,
  type ApiClientWithSecret,
  type ApiScope,
  type CreateApiClient,
  grantScopes,
  type OAuthError,
  parseScopeParameter,
} from '@passerelle/domain/api-client/api-client.schema';
import type { Actor, ApiClientActor } from '@passerelle/domain/auth/access';
import { DomainError } from '@passerelle/domain/shared/errors';
import type { Database } from '../../../db/client.ts';
import type { AuditRepository } from '../audit/audit-repository.ts';
import type { FabriqueRepository } from '../fabriques/fabrique-repository.ts';
import { type AuthenticatedContext, auditMeta } from '../http/context.ts';
import { decodeCursor, toPage } from '../http/pagination.ts';
import type { ApiClientRepository, ApiClientWithFabriques } from './api-client-repository.ts';

/**
 * Secrets are 256 random bits, so they are stored as a plain SHA-256 rather than with argon2:
 * a slow hash protects guessable passwords, and nobody can brute-force 2^256 candidates. A fast
 * hash also keeps the token endpoint cheap, where argon2 would hand attackers a CPU lever.
 * (GitHub and Stripe treat their API tokens the same way.)
 */
const SECRET_PREFIX = 'pcs_';

function generateSecret(): string {
  return `${SECRET_PREFIX}${crypto.randomBytes(32).toString('base64url')}`;
}

export function hashClientSecret(secret: string): string {
  return crypto.createHash('sha256').update(secret, 'utf8').digest('base64url');
}

function secretMatches(storedHash: string, secret: string): boolean {
  const given = Buffer.from(hashClientSecret(secret));
  const stored = Buffer.from(storedHash);
  return given.length === stored.length && crypto.timingSafeEqual(given, stored);
}

/** An RFC 6749 §5.2 error of the token endpoint (not a problem+json). */
export class OAuthTokenError extends Error {
  constructor(
    readonly error: OAuthError['error'],
    readonly description: string,
  ) {
    super(description);
    this.name = 'OAuthTokenError';
  }

  get status(): 400 | 401 {
    return this.error === 'invalid_client' ? 401 : 400;
  }
}

export interface ClientTokenClaims {
  sub: string;
  kind: 'api_client';
  scopes: ApiScope[];
  fabriques: string[] | 'all';
}

const iso = (date: Date) => date.toISOString();

export function toApiClientDto(row: ApiClientWithFabriques): ApiClient {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    scopes: row.scopes as ApiScope[],
    isAllFabriques: row.isAllFabriques,
    fabriques: row.fabriques,
    secretPrefix: row.secretPrefix,
    secretRotatedAt: iso(row.secretRotatedAt),
    lastUsedAt: row.lastUsedAt ? iso(row.lastUsedAt) : null,
    revokedAt: row.revokedAt ? iso(row.revokedAt) : null,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}

function requireAdmin(actor: Actor): void {
  if (actor.role !== 'admin') throw new DomainError('forbidden', 'only an admin may manage API clients');
}

const notFound = () => new DomainError('not_found', 'no such API client');

export function createApiClientService(deps: {
  db: Database;
  apiClients: ApiClientRepository;
  fabriques: FabriqueRepository;
  audit: AuditRepository;
  signClientToken: (claims: ClientTokenClaims) => string;
  accessTokenTtlSeconds: number;
}) {
  const { db, apiClients, fabriques, audit } = deps;

  async function getOrFail(id: string) {
    const row = await apiClients.findById(db, id);
    if (!row) throw notFound();
    return row;
  }

  return {
    async listApiClients(actor: Actor, query: { limit: number; cursor?: string | undefined }) {
      requireAdmin(actor);
      const rows = await apiClients.list(db, { limit: query.limit, afterId: decodeCursor(query.cursor) });
      const page = toPage(rows, query.limit);
      return { data: page.data.map(toApiClientDto), nextCursor: page.nextCursor };
    },

    async getApiClient(actor: Actor, id: string): Promise<ApiClient> {
      requireAdmin(actor);
      return toApiClientDto(await getOrFail(id));
    },

    async createApiClient(
      context: AuthenticatedContext,
      input: CreateApiClient,
    ): Promise<ApiClientWithSecret> {
      requireAdmin(context.actor);
      const fabriqueIds = [...new Set(input.fabriqueIds ?? [])];
      const existing = await fabriques.findExistingIds(db, fabriqueIds);
      const unknown = fabriqueIds.filter((id) => !existing.includes(id));
      if (unknown.length > 0)
        throw new DomainError('rule_violated', `unknown fabrique: ${unknown.join(', ')}`);
      const secret = generateSecret();
      const id = await db.transaction(async (tx) => {
        const row = await apiClients.insert(
          tx,
          {
            name: input.name,
            description: input.description ?? null,
            scopes: input.scopes,
            isAllFabriques: input.isAllFabriques,
            secretHash: hashClientSecret(secret),
            secretPrefix: secret.slice(0, SECRET_PREFIX.length + 6),
            createdBy: context.actor.id,
          },
          fabriqueIds,
        );
        await audit.record(tx, {
          ...auditMeta(context),
          action: 'api_client.created',
          entityType: 'api_client',
          entityId: row.id,
          details: {
            name: input.name,
            scopes: input.scopes,
            fabriqueIds,
            isAllFabriques: input.isAllFabriques,
          },
        });
        return row.id;
      });
      return { ...toApiClientDto(await getOrFail(id)), clientSecret: secret };
    },

    async rotateSecret(context: AuthenticatedContext, id: string): Promise<ApiClientWithSecret> {
      requireAdmin(context.actor);
      const before = await getOrFail(id);
      if (before.revokedAt) throw new DomainError('conflict', 'a revoked client cannot get a new secret');
      const secret = generateSecret();
      await db.transaction(async (tx) => {
        await apiClients.update(tx, id, {
          secretHash: hashClientSecret(secret),
          secretPrefix: secret.slice(0, SECRET_PREFIX.length + 6),
          secretRotatedAt: new Date(),
        });
        await audit.record(tx, {
          ...auditMeta(context),
          action: 'api_client.secret_rotated',
          entityType: 'api_client',
          entityId: id,
        });
      });
      return { ...toApiClientDto(await getOrFail(id)), clientSecret: secret };
    },

    /** Revocation is immediate: no new token, and issued tokens fail the per-request lookup. */
    async revokeApiClient(context: AuthenticatedContext, id: string): Promise<ApiClient> {
      requireAdmin(context.actor);
      const before = await getOrFail(id);
      if (!before.revokedAt) {
        await db.transaction(async (tx) => {
          await apiClients.update(tx, id, { revokedAt: new Date() });
          await audit.record(tx, {
            ...auditMeta(context),
            action: 'api_client.revoked',
            entityType: 'api_client',
            entityId: id,
          });
        });
      }
      return toApiClientDto(await getOrFail(id));
    },

    /** RFC 6749 §4.4: credentials in, a short-lived bearer token carrying the granted scopes out. */
    async issueToken(input: {
      grantType: string | undefined;
      clientId: string | undefined;
      clientSecret: string | undefined;
      scope: string | undefined;
    }) {
      if (!input.grantType) throw new OAuthTokenError('invalid_request', 'grant_type is required');
      if (input.grantType !== 'client_credentials')
        throw new OAuthTokenError('unsupported_grant_type', 'only client_credentials is supported');
      if (!input.clientId || !input.clientSecret)
        throw new OAuthTokenError('invalid_client', 'client_id and client_secret are required');
      const requested = parseScopeParameter(input.scope ?? '');
      if (requested === null) throw new OAuthTokenError('invalid_scope', 'unknown scope requested');
      const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(input.clientId);
      const client = isUuid ? await apiClients.findActiveForRequest(db, input.clientId) : undefined;
      // Hash anyway, so that an unknown client takes as long as a wrong secret.
      const isMatch = client
        ? secretMatches(client.secretHash, input.clientSecret)
        : secretMatches('', input.clientSecret);
      if (!client || !isMatch)
        throw new OAuthTokenError('invalid_client', 'unknown client, wrong secret, or revoked');
      const scopes = grantScopes(client.scopes as ApiScope[], requested);
      if (!scopes)
        throw new OAuthTokenError('invalid_scope', 'a requested scope is not granted to this client');
      await apiClients.touchLastUsed(db, client.id);
      const accessToken = deps.signClientToken({
        sub: client.id,
        kind: 'api_client',
        scopes,
        fabriques: client.isAllFabriques ? 'all' : client.fabriques.map((fabrique) => fabrique.id),
      });
      return {
        access_token: accessToken,
        token_type: 'Bearer' as const,
        expires_in: deps.accessTokenTtlSeconds,
        scope: scopes.join(' '),
      };
    },

    /**
     * The caller behind a client token, looked up on every request (one indexed query) so that a
     * revoked client stops at once. Scopes are the token's, fabriques the client's current ones.
     */
    async loadClientActor(claims: ClientTokenClaims): Promise<(ApiClientActor & { me: ApiClientMe }) | null> {
      const client = await apiClients.findActiveForRequest(db, claims.sub);
      if (!client) return null;
      const granted = client.scopes as ApiScope[];
      const scopes = claims.scopes.filter((scope) => granted.includes(scope));
      const fabriqueList = client.isAllFabriques ? await apiClients.listAllFabriques(db) : client.fabriques;
      return {
        kind: 'api_client',
        id: client.id,
        role: 'coordinator',
        fabriqueIds: fabriqueList.map((fabrique) => fabrique.id),
        scopes,
        me: {
          kind: 'api_client',
          id: client.id,
          name: client.name,
          scopes,
          isAllFabriques: client.isAllFabriques,
          fabriques: fabriqueList,
        },
      };
    },
  };
}

export type ApiClientService = ReturnType<typeof createApiClientService>;
