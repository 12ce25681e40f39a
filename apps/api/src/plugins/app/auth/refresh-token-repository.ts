import { and, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { type RefreshTokenRow, refreshTokens } from '../../../db/schema/index.ts';

export function createRefreshTokenRepository() {
  return {
    async insert(executor: Executor, values: typeof refreshTokens.$inferInsert): Promise<void> {
      await executor.insert(refreshTokens).values(values);
    },

    async findByHash(executor: Executor, tokenHash: string): Promise<RefreshTokenRow | undefined> {
      const rows = await executor.select().from(refreshTokens).where(eq(refreshTokens.tokenHash, tokenHash));
      return rows[0];
    },

    /** Marks the token used; false when another request used or revoked it first. */
    async markRotated(executor: Executor, id: string): Promise<boolean> {
      const rows = await executor
        .update(refreshTokens)
        .set({ rotatedAt: new Date() })
        .where(
          and(eq(refreshTokens.id, id), isNull(refreshTokens.rotatedAt), isNull(refreshTokens.revokedAt)),
        )
        .returning({ id: refreshTokens.id });
      return rows.length === 1;
    },

    async revokeFamily(executor: Executor, familyId: string): Promise<void> {
      await executor
        .update(refreshTokens)
        .set({ revokedAt: new Date() })
        .where(and(eq(refreshTokens.familyId, familyId), isNull(refreshTokens.revokedAt)));
    },
  };
}

export type RefreshTokenRepository = ReturnType<typeof createRefreshTokenRepository>;
