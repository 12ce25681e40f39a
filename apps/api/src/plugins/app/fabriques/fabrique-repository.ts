import { and, asc, eq, gt, inArray, type SQL } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { type FabriqueRow, fabriques } from '../../../db/schema/index.ts';
import { updateVersioned } from '../../../db/versioned-update.ts';

type NewFabrique = typeof fabriques.$inferInsert;
type FabriqueChanges = Partial<Pick<NewFabrique, 'name' | 'slug' | 'city' | 'departmentCode' | 'isActive'>>;

export function createFabriqueRepository() {
  return {
    async findById(executor: Executor, id: string): Promise<FabriqueRow | undefined> {
      const rows = await executor.select().from(fabriques).where(eq(fabriques.id, id));
      return rows[0];
    },

    async findBySlug(executor: Executor, slug: string): Promise<FabriqueRow | undefined> {
      const rows = await executor.select().from(fabriques).where(eq(fabriques.slug, slug));
      return rows[0];
    },

    async findExistingIds(executor: Executor, ids: readonly string[]): Promise<string[]> {
      if (ids.length === 0) return [];
      const rows = await executor
        .select({ id: fabriques.id })
        .from(fabriques)
        .where(inArray(fabriques.id, [...ids]));
      return rows.map((row) => row.id);
    },

    /** `visibleIds` 'all' for admins; otherwise only those fabriques. */
    async list(
      executor: Executor,
      query: { limit: number; afterId?: string | undefined; visibleIds: readonly string[] | 'all' },
    ): Promise<FabriqueRow[]> {
      if (query.visibleIds !== 'all' && query.visibleIds.length === 0) return [];
      const filters: SQL[] = [];
      if (query.afterId) filters.push(gt(fabriques.id, query.afterId));
      if (query.visibleIds !== 'all') filters.push(inArray(fabriques.id, [...query.visibleIds]));
      return executor
        .select()
        .from(fabriques)
        .where(and(...filters))
        .orderBy(asc(fabriques.id))
        .limit(query.limit + 1);
    },

    async insert(executor: Executor, values: NewFabrique): Promise<FabriqueRow> {
      const [row] = await executor.insert(fabriques).values(values).returning();
      if (!row) throw new Error('insert returned no row');
      return row;
    },

    async update(
      executor: Executor,
      id: string,
      changes: FabriqueChanges,
      expectedVersion: number | undefined,
    ): Promise<FabriqueRow | undefined> {
      return updateVersioned(executor, fabriques, id, changes, expectedVersion);
    },
  };
}

export type FabriqueRepository = ReturnType<typeof createFabriqueRepository>;
