import { and, eq, lt, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { idempotencyRecords } from '../../../db/schema/index.ts';

export type IdempotencyRecord = typeof idempotencyRecords.$inferSelect;

export const IDEMPOTENCY_TTL_HOURS = 24;

export function createIdempotencyRepository() {
  return {
    /** Claims the key for this request; false when another request holds or held it. */
    async claim(
      executor: Executor,
      values: { callerKey: string; key: string; method: string; path: string; requestHash: string },
    ): Promise<boolean> {
      await executor
        .delete(idempotencyRecords)
        .where(
          and(
            eq(idempotencyRecords.callerKey, values.callerKey),
            eq(idempotencyRecords.key, values.key),
            lt(idempotencyRecords.createdAt, sql`now() - make_interval(hours => ${IDEMPOTENCY_TTL_HOURS})`),
          ),
        );
      const rows = await executor
        .insert(idempotencyRecords)
        .values(values)
        .onConflictDoNothing()
        .returning({ key: idempotencyRecords.key });
      return rows.length === 1;
    },

    async find(executor: Executor, callerKey: string, key: string): Promise<IdempotencyRecord | undefined> {
      const rows = await executor
        .select()
        .from(idempotencyRecords)
        .where(and(eq(idempotencyRecords.callerKey, callerKey), eq(idempotencyRecords.key, key)));
      return rows[0];
    },

    async complete(
      executor: Executor,
      callerKey: string,
      key: string,
      response: { statusCode: number; body: string; headers: Record<string, string> },
    ): Promise<void> {
      await executor
        .update(idempotencyRecords)
        .set({
          statusCode: response.statusCode,
          responseBody: response.body,
          responseHeaders: response.headers,
          completedAt: new Date(),
        })
        .where(and(eq(idempotencyRecords.callerKey, callerKey), eq(idempotencyRecords.key, key)));
    },

    async release(executor: Executor, callerKey: string, key: string): Promise<void> {
      await executor
        .delete(idempotencyRecords)
        .where(and(eq(idempotencyRecords.callerKey, callerKey), eq(idempotencyRecords.key, key)));
    },
  };
}
