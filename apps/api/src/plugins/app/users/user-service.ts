import { type Actor, canAccessFabrique } from '@passerelle/domain/auth/access';
import { DomainError } from '@passerelle/domain/shared/errors';
import {
  type CreateUser,
  checkRoleFabriques,
  type FabriqueTrainer,
  type UpdateUser,
  type User,
  type UserListQuerySchema,
} from '@passerelle/domain/user/user.schema';
import type { z } from 'zod';
import type { Database, Executor } from '../../../db/client.ts';
import { isUniqueViolation } from '../../../db/errors.ts';
import type { AuditRepository } from '../audit/audit-repository.ts';
import { hashPassword } from '../auth/password.ts';
import type { FabriqueRepository } from '../fabriques/fabrique-repository.ts';
import { type AuthenticatedContext, auditMeta, type RequestContext } from '../http/context.ts';
import { decodeCursor, toPage } from '../http/pagination.ts';
import { type ExpectedVersion, staleVersionError } from '../http/versioning.ts';
import type { UserRepository, UserWithFabriques } from './user-repository.ts';

export function toUserDto(user: UserWithFabriques): User {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    locale: user.locale,
    isActive: user.isActive,
    fabriques: user.fabriques,
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
    version: user.version,
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
  };
}

function requireAdmin(actor: Actor): void {
  if (actor.role !== 'admin') throw new DomainError('forbidden', 'only an admin may manage users');
}

export interface UserServiceDeps {
  db: Database;
  users: UserRepository;
  fabriques: FabriqueRepository;
  audit: AuditRepository;
}

export function createUserService(deps: UserServiceDeps) {
  const { db, users, fabriques, audit } = deps;

  async function assertFabriquesExist(executor: Executor, ids: readonly string[]) {
    const unique = [...new Set(ids)];
    const existing = await fabriques.findExistingIds(executor, unique);
    const missing = unique.filter((id) => !existing.includes(id));
    if (missing.length > 0) {
      throw new DomainError('rule_violated', `unknown fabrique: ${missing.join(', ')}`);
    }
    return unique;
  }

  async function insertUser(context: RequestContext, input: CreateUser): Promise<User> {
    const passwordHash = await hashPassword(input.password);
    try {
      return await db.transaction(async (tx) => {
        const fabriqueIds = await assertFabriquesExist(tx, input.fabriqueIds);
        const row = await users.insert(tx, {
          email: input.email,
          displayName: input.displayName,
          role: input.role,
          locale: input.locale,
          passwordHash,
        });
        await users.replaceFabriques(tx, row.id, fabriqueIds);
        await audit.record(tx, {
          ...auditMeta(context),
          ...(context.actor ? {} : { actorType: 'system' as const }),
          action: 'user.created',
          entityType: 'user',
          entityId: row.id,
          details: { email: row.email, role: row.role, fabriqueIds },
        });
        const created = await users.findById(tx, row.id);
        if (!created) throw new Error('created user vanished');
        return toUserDto(created);
      });
    } catch (error) {
      if (isUniqueViolation(error))
        throw new DomainError('duplicate', `a user with e-mail ${input.email} already exists`);
      throw error;
    }
  }

  return {
    countUsers(): Promise<number> {
      return users.countUsers(db);
    },

    async listUsers(
      actor: Actor,
      query: z.infer<typeof UserListQuerySchema> & { limit: number; cursor?: string | undefined },
    ) {
      requireAdmin(actor);
      const rows = await users.list(db, {
        limit: query.limit,
        afterId: decodeCursor(query.cursor),
        role: query.role,
        fabriqueId: query.fabriqueId,
        q: query.q,
      });
      const page = toPage(rows, query.limit);
      return { data: page.data.map(toUserDto), nextCursor: page.nextCursor };
    },

    /** The trainers a coordinator may put on a session of the fabrique (names only, no contact details). */
    async listFabriqueTrainers(actor: Actor, fabriqueId: string): Promise<FabriqueTrainer[]> {
      if (!canAccessFabrique(actor, fabriqueId)) throw new DomainError('not_found', 'no such fabrique');
      if (actor.role !== 'admin' && actor.role !== 'coordinator')
        throw new DomainError('forbidden', 'only coordinators and admins staff sessions');
      const rows = await users.list(db, { limit: 500, role: 'trainer', fabriqueId });
      return rows
        .filter((user) => user.isActive)
        .map((user) => ({ id: user.id, displayName: user.displayName }))
        .sort((a, b) => a.displayName.localeCompare(b.displayName, 'fr'));
    },

    async getUser(actor: Actor, id: string): Promise<User> {
      requireAdmin(actor);
      const user = await users.findById(db, id);
      if (!user) throw new DomainError('not_found', 'no such user');
      return toUserDto(user);
    },

    async createUser(context: AuthenticatedContext, input: CreateUser): Promise<User> {
      requireAdmin(context.actor);
      return insertUser(context, input);
    },

    /** For the command line that creates the first admin: no signed-in actor exists yet. */
    async createUserAsSystem(context: RequestContext, input: CreateUser): Promise<User> {
      return insertUser(context, input);
    },

    async updateUser(
      context: AuthenticatedContext,
      id: string,
      input: UpdateUser,
      expected: ExpectedVersion | undefined,
    ): Promise<User> {
      requireAdmin(context.actor);
      const { version: _ignored, password, fabriqueIds, ...fields } = input;
      const passwordHash = password ? await hashPassword(password) : undefined;
      return db.transaction(async (tx) => {
        const before = await users.findById(tx, id);
        if (!before) throw new DomainError('not_found', 'no such user');
        const role = fields.role ?? before.role;
        const nextFabriqueIds = fabriqueIds ?? before.fabriques.map((fabrique) => fabrique.id);
        const roleIssue = checkRoleFabriques(role, nextFabriqueIds);
        if (roleIssue) throw new DomainError('rule_violated', roleIssue);
        if (id === context.actor.id && (role !== 'admin' || fields.isActive === false)) {
          throw new DomainError(
            'rule_violated',
            'an admin cannot remove their own admin role or deactivate themselves',
          );
        }
        const row = await users.update(
          tx,
          id,
          { ...fields, ...(passwordHash ? { passwordHash } : {}) },
          expected?.version,
        );
        if (!row) throw staleVersionError(expected ?? { version: 0, source: 'body' }, before.version);
        if (fabriqueIds) await users.replaceFabriques(tx, id, await assertFabriquesExist(tx, fabriqueIds));
        if (passwordHash || fields.isActive === false) await users.revokeAllRefreshTokens(tx, id);
        await audit.record(tx, {
          ...auditMeta(context),
          action: 'user.updated',
          entityType: 'user',
          entityId: id,
          details: {
            changes: { ...fields, ...(fabriqueIds ? { fabriqueIds } : {}) },
            passwordChanged: Boolean(passwordHash),
          },
        });
        const after = await users.findById(tx, id);
        if (!after) throw new Error('updated user vanished');
        return toUserDto(after);
      });
    },
  };
}

export type UserService = ReturnType<typeof createUserService>;
