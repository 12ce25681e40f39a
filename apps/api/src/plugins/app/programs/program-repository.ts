import { and, asc, eq, gt, inArray, isNull, or, type SQL } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { programs } from '../../../db/schema/index.ts';
import { updateVersioned } from '../../../db/versioned-update.ts';

export type ProgramRow = typeof programs.$inferSelect;
type NewProgram = typeof programs.$inferInsert;
export type ProgramChanges = Partial<
  Pick<
    NewProgram,
    'title' | 'kind' | 'rncpCode' | 'rncpLevel' | 'durationHours' | 'defaultEligibilityPolicyId'
  >
>;

export function createProgramRepository() {
  return {
    async findById(executor: Executor, id: string): Promise<ProgramRow | undefined> {
      const rows = await executor.select().from(programs).where(eq(programs.id, id));
      return rows[0];
    },

    /** Network-wide programs and those of `visibleIds` ('all' for admins), ordered by id. */
    async list(
      executor: Executor,
      query: {
        limit: number;
        afterId?: string | undefined;
        visibleIds: readonly string[] | 'all';
        fabriqueId?: string | undefined;
      },
    ): Promise<ProgramRow[]> {
      const filters: SQL[] = [];
      if (query.afterId) filters.push(gt(programs.id, query.afterId));
      if (query.visibleIds !== 'all') {
        const visible =
          query.visibleIds.length === 0
            ? isNull(programs.fabriqueId)
            : or(isNull(programs.fabriqueId), inArray(programs.fabriqueId, [...query.visibleIds]));
        if (visible) filters.push(visible);
      }
      if (query.fabriqueId) filters.push(eq(programs.fabriqueId, query.fabriqueId));
      return executor
        .select()
        .from(programs)
        .where(and(...filters))
        .orderBy(asc(programs.id))
        .limit(query.limit + 1);
    },

    async insert(executor: Executor, values: NewProgram): Promise<ProgramRow> {
      const [row] = await executor.insert(programs).values(values).returning();
      if (!row) throw new Error('insert returned no row');
      return row;
    },

    async update(
      executor: Executor,
      id: string,
      changes: ProgramChanges,
      expectedVersion: number | undefined,
    ): Promise<ProgramRow | undefined> {
      return updateVersioned(executor, programs, id, changes, expectedVersion);
    },
  };
}

export type ProgramRepository = ReturnType<typeof createProgramRepository>;
