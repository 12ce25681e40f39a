import crypto from 'node:crypto';
import { type Actor, LOGIN_LOCK } from '@passerelle/domain/auth/access';
import type { LoginRequest, Me } from '@passerelle/domain/auth/auth.schema';
import { DomainError } from '@passerelle/domain/shared/errors';
import { uuidv7 } from 'uuidv7';
import type { Database } from '../../../db/client.ts';
import type { AuditRepository } from '../audit/audit-repository.ts';
import { auditMeta, type RequestContext } from '../http/context.ts';
import type { UserRepository, UserWithFabriques } from '../users/user-repository.ts';
import { verifyAgainstDummy, verifyPassword } from './password.ts';
import type { RefreshTokenRepository } from './refresh-token-repository.ts';

/**
 * Tabs of one browser may refresh at the same instant with the same cookie: within this window a
 * just-rotated token gets a sibling instead of being treated as stolen.
 */
const ROTATION_GRACE_MS = 30_000;

export interface AuthServiceDeps {
  db: Database;
  users: UserRepository;
  refreshTokens: RefreshTokenRepository;
  audit: AuditRepository;
  signAccessToken: (userId: string) => string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlDays: number;
}

export interface IssuedSession {
  accessToken: string;
  expiresIn: number;
  user: Me;
  refreshToken: string;
  refreshExpiresAt: Date;
}

export type AuthenticatedActor = Actor & { me: Me };

function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('base64url');
}

export function toMe(user: UserWithFabriques): Me {
  return {
    kind: 'user',
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    locale: user.locale,
    fabriques: user.fabriques,
  };
}

const invalidCredentials = () => new DomainError('invalid_credentials', 'e-mail or password is incorrect');
const invalidRefresh = () => new DomainError('invalid_token', 'the session has expired; sign in again');

export function createAuthService(deps: AuthServiceDeps) {
  const { db, users, refreshTokens, audit } = deps;

  async function issueSession(
    context: RequestContext,
    user: UserWithFabriques,
    familyId: string,
  ): Promise<IssuedSession> {
    const refreshToken = crypto.randomBytes(32).toString('base64url');
    const refreshExpiresAt = new Date(Date.now() + deps.refreshTokenTtlDays * 86_400_000);
    await refreshTokens.insert(db, {
      userId: user.id,
      familyId,
      tokenHash: hashToken(refreshToken),
      expiresAt: refreshExpiresAt,
      userAgent: context.userAgent?.slice(0, 300) ?? null,
      ip: context.ip,
    });
    return {
      accessToken: deps.signAccessToken(user.id),
      expiresIn: deps.accessTokenTtlSeconds,
      user: toMe(user),
      refreshToken,
      refreshExpiresAt,
    };
  }

  return {
    async login(context: RequestContext, input: LoginRequest): Promise<IssuedSession> {
      const email = input.email.trim().toLowerCase();
      const user = await users.findByEmail(db, email);
      if (!user) {
        await verifyAgainstDummy(input.password);
        await audit.record(db, {
          ...auditMeta(context),
          action: 'auth.login_failed',
          entityType: 'user',
          details: { email, reason: 'unknown_email' },
        });
        throw invalidCredentials();
      }
      const passwordMatches = await verifyPassword(user.passwordHash, input.password);
      const isLocked = user.lockedUntil !== null && user.lockedUntil.getTime() > Date.now();
      if (!passwordMatches || isLocked || !user.isActive) {
        if (!passwordMatches) {
          await users.recordFailedLogin(db, user.id, LOGIN_LOCK.maxFailures, LOGIN_LOCK.lockMinutes);
        }
        const reason = !passwordMatches ? 'wrong_password' : isLocked ? 'locked' : 'inactive';
        await audit.record(db, {
          ...auditMeta(context),
          action: 'auth.login_failed',
          entityType: 'user',
          entityId: user.id,
          details: { reason },
        });
        throw invalidCredentials();
      }
      await users.recordSuccessfulLogin(db, user.id);
      const withFabriques = await users.findById(db, user.id);
      if (!withFabriques) throw invalidCredentials();
      await audit.record(db, {
        ...auditMeta({ ...context, actor: { id: user.id, role: user.role, fabriqueIds: [] } }),
        action: 'auth.login',
        entityType: 'user',
        entityId: user.id,
      });
      return issueSession(context, withFabriques, uuidv7());
    },

    async refresh(context: RequestContext, token: string | undefined): Promise<IssuedSession> {
      if (!token) throw invalidRefresh();
      const row = await refreshTokens.findByHash(db, hashToken(token));
      if (!row || row.revokedAt || row.expiresAt.getTime() <= Date.now()) throw invalidRefresh();

      const rotated = row.rotatedAt === null && (await refreshTokens.markRotated(db, row.id));
      if (!rotated) {
        const rotatedAt = row.rotatedAt ?? new Date();
        if (Date.now() - rotatedAt.getTime() > ROTATION_GRACE_MS) {
          // A refresh token used twice has leaked: end every session descended from the same sign-in.
          await refreshTokens.revokeFamily(db, row.familyId);
          await audit.record(db, {
            actorType: 'user',
            actorId: row.userId,
            action: 'auth.refresh_reused',
            entityType: 'user',
            entityId: row.userId,
            requestId: context.requestId,
            ip: context.ip,
            details: { familyId: row.familyId },
          });
          throw invalidRefresh();
        }
      }

      const user = await users.findById(db, row.userId);
      if (!user?.isActive) throw invalidRefresh();
      return issueSession(context, user, row.familyId);
    },

    async logout(context: RequestContext, token: string | undefined): Promise<void> {
      if (!token) return;
      const row = await refreshTokens.findByHash(db, hashToken(token));
      if (!row) return;
      await refreshTokens.revokeFamily(db, row.familyId);
      await audit.record(db, {
        actorType: 'user',
        actorId: row.userId,
        action: 'auth.logout',
        entityType: 'user',
        entityId: row.userId,
        requestId: context.requestId,
        ip: context.ip,
      });
    },

    /** The caller behind a verified access token, or null when the account is gone or disabled. */
    async loadActor(userId: string): Promise<AuthenticatedActor | null> {
      const user = await users.findById(db, userId);
      if (!user?.isActive) return null;
      return {
        id: user.id,
        role: user.role,
        fabriqueIds: user.fabriques.map((fabrique) => fabrique.id),
        me: toMe(user),
      };
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
