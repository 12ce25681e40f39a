import type { Role } from '@passerelle/domain/user/user.schema';
import { and, asc, eq, gt, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { fabriques, refreshTokens, type UserRow, userFabriques, users } from '../../../db/schema/index.ts';
import { updateVersioned } from '../../../db/versioned-update.ts';

export type UserWithFabriques = UserRow & { fabriques: { id: string; name: string }[] };

export interface UserListQuery {
  limit: number;
  afterId?: string | undefined;
  role?: Role | undefined;
  fabriqueId?: string | undefined;
  q?: string | undefined;
}

type NewUser = typeof users.$inferInsert;
type UserChanges = Partial<Pick<NewUser, 'displayName' | 'role' | 'locale' | 'passwordHash' | 'isActive'>>;

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (char) => `\\${char}`);
}

export function createUserRepository() {
  async function attachFabriques(executor: Executor, rows: UserRow[]): Promise<UserWithFabriques[]> {
    if (rows.length === 0) return [];
    const links = await executor
      .select({ userId: userFabriques.userId, id: fabriques.id, name: fabriques.name })
      .from(userFabriques)
      .innerJoin(fabriques, eq(fabriques.id, userFabriques.fabriqueId))
      .where(
        inArray(
          userFabriques.userId,
          rows.map((row) => row.id),
        ),
      )
      .orderBy(asc(fabriques.name));
    return rows.map((row) => ({
      ...row,
      fabriques: links.filter((link) => link.userId === row.id).map(({ id, name }) => ({ id, name })),
    }));
  }

  return {
    attachFabriques,

    async findById(executor: Executor, id: string): Promise<UserWithFabriques | undefined> {
      const rows = await executor.select().from(users).where(eq(users.id, id));
      return (await attachFabriques(executor, rows))[0];
    },

    async findByEmail(executor: Executor, email: string): Promise<UserRow | undefined> {
      const rows = await executor.select().from(users).where(eq(users.email, email));
      return rows[0];
    },

    async countUsers(executor: Executor): Promise<number> {
      const rows = await executor.select({ count: sql<number>`count(*)::int` }).from(users);
      return rows[0]?.count ?? 0;
    },

    async list(executor: Executor, query: UserListQuery): Promise<UserWithFabriques[]> {
      const filters: SQL[] = [];
      if (query.afterId) filters.push(gt(users.id, query.afterId));
      if (query.role) filters.push(eq(users.role, query.role));
      if (query.fabriqueId) {
        filters.push(
          inArray(
            users.id,
            executor
              .select({ id: userFabriques.userId })
              .from(userFabriques)
              .where(eq(userFabriques.fabriqueId, query.fabriqueId)),
          ),
        );
      }
      if (query.q) {
        const pattern = `%${escapeLike(query.q)}%`;
        const match = or(ilike(users.email, pattern), ilike(users.displayName, pattern));
        if (match) filters.push(match);
      }
      const rows = await executor
        .select()
        .from(users)
        .where(and(...filters))
        .orderBy(asc(users.id))
        .limit(query.limit + 1);
      return attachFabriques(executor, rows);
    },

    async insert(executor: Executor, values: NewUser): Promise<UserRow> {
      const [row] = await executor.insert(users).values(values).returning();
      if (!row) throw new Error('insert returned no row');
      return row;
    },

    /** Applies the changes only if the row is still at `expectedVersion` (when given). */
    async update(
      executor: Executor,
      id: string,
      changes: UserChanges,
      expectedVersion: number | undefined,
    ): Promise<UserRow | undefined> {
      return updateVersioned(executor, users, id, changes, expectedVersion);
    },

    async replaceFabriques(
      executor: Executor,
      userId: string,
      fabriqueIds: readonly string[],
    ): Promise<void> {
      await executor.delete(userFabriques).where(eq(userFabriques.userId, userId));
      if (fabriqueIds.length > 0) {
        await executor
          .insert(userFabriques)
          .values(fabriqueIds.map((fabriqueId) => ({ userId, fabriqueId })));
      }
    },

    async recordFailedLogin(executor: Executor, id: string, lockAfter: number, lockMinutes: number) {
      await executor
        .update(users)
        .set({
          failedLoginCount: sql`${users.failedLoginCount} + 1`,
          lockedUntil: sql`case when ${users.failedLoginCount} + 1 >= ${lockAfter}
            then now() + make_interval(mins => ${lockMinutes}) else ${users.lockedUntil} end`,
        })
        .where(eq(users.id, id));
    },

    async recordSuccessfulLogin(executor: Executor, id: string) {
      await executor
        .update(users)
        .set({ failedLoginCount: 0, lockedUntil: null, lastLoginAt: new Date() })
        .where(eq(users.id, id));
    },

    async revokeAllRefreshTokens(executor: Executor, userId: string) {
      await executor
        .update(refreshTokens)
        .set({ revokedAt: new Date() })
        .where(and(eq(refreshTokens.userId, userId), sql`${refreshTokens.revokedAt} is null`));
    },
  };
}

export type UserRepository = ReturnType<typeof createUserRepository>;
