import { and, eq, sql } from 'drizzle-orm';
import type { PgColumn, PgTable, PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { Executor } from './client.ts';

type VersionedTable = PgTable & { id: PgColumn; version: PgColumn; updatedAt: PgColumn };

/**
 * Applies the changes, bumps `version` and `updatedAt`, only while the row is still at
 * `expectedVersion` (when given): undefined means gone or changed by someone else.
 */
export async function updateVersioned<T extends VersionedTable>(
  executor: Executor,
  table: T,
  id: string,
  changes: PgUpdateSetSource<T>,
  expectedVersion: number | undefined,
): Promise<T['$inferSelect'] | undefined> {
  const where =
    expectedVersion === undefined
      ? eq(table.id, id)
      : and(eq(table.id, id), eq(table.version, expectedVersion));
  const rows = await executor
    .update(table)
    .set({ ...changes, version: sql`${table.version} + 1`, updatedAt: new Date() } as PgUpdateSetSource<T>)
    .where(where)
    .returning();
  return (rows as T['$inferSelect'][])[0];
}
