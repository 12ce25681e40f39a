import { and, asc, eq, gt, inArray, isNull } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { type ApiClientRow, apiClientFabriques, apiClients, fabriques } from '../../../db/schema/index.ts';

type NewApiClient = typeof apiClients.$inferInsert;

export interface ApiClientWithFabriques extends ApiClientRow {
  fabriques: { id: string; name: string }[];
}

export function createApiClientRepository() {
  async function attachFabriques(
    executor: Executor,
    rows: ApiClientRow[],
  ): Promise<ApiClientWithFabriques[]> {
    if (rows.length === 0) return [];
    const links = await executor
      .select({ apiClientId: apiClientFabriques.apiClientId, id: fabriques.id, name: fabriques.name })
      .from(apiClientFabriques)
      .innerJoin(fabriques, eq(fabriques.id, apiClientFabriques.fabriqueId))
      .where(
        inArray(
          apiClientFabriques.apiClientId,
          rows.map((row) => row.id),
        ),
      )
      .orderBy(asc(fabriques.name));
    return rows.map((row) => ({
      ...row,
      fabriques: links
        .filter((link) => link.apiClientId === row.id)
        .map((link) => ({ id: link.id, name: link.name })),
    }));
  }

  return {
    async findById(executor: Executor, id: string): Promise<ApiClientWithFabriques | undefined> {
      const rows = await executor.select().from(apiClients).where(eq(apiClients.id, id));
      return (await attachFabriques(executor, rows))[0];
    },

    /** The cheap lookup run on every client request: is it still active, and where may it act? */
    async findActiveForRequest(executor: Executor, id: string): Promise<ApiClientWithFabriques | undefined> {
      const rows = await executor
        .select()
        .from(apiClients)
        .where(and(eq(apiClients.id, id), isNull(apiClients.revokedAt)));
      return (await attachFabriques(executor, rows))[0];
    },

    async list(executor: Executor, query: { limit: number; afterId?: string | undefined }) {
      const rows = await executor
        .select()
        .from(apiClients)
        .where(query.afterId ? gt(apiClients.id, query.afterId) : undefined)
        .orderBy(asc(apiClients.id))
        .limit(query.limit + 1);
      return attachFabriques(executor, rows);
    },

    async listAllFabriques(executor: Executor) {
      return executor
        .select({ id: fabriques.id, name: fabriques.name })
        .from(fabriques)
        .orderBy(asc(fabriques.name));
    },

    async insert(executor: Executor, values: NewApiClient, fabriqueIds: readonly string[]) {
      const [row] = await executor.insert(apiClients).values(values).returning();
      if (!row) throw new Error('insert returned no row');
      if (fabriqueIds.length > 0) {
        await executor
          .insert(apiClientFabriques)
          .values(fabriqueIds.map((fabriqueId) => ({ apiClientId: row.id, fabriqueId })));
      }
      return row;
    },

    async update(executor: Executor, id: string, changes: Partial<NewApiClient>) {
      const rows = await executor
        .update(apiClients)
        .set({ ...changes, updatedAt: new Date() })
        .where(eq(apiClients.id, id))
        .returning();
      return rows[0];
    },

    async touchLastUsed(executor: Executor, id: string) {
      await executor.update(apiClients).set({ lastUsedAt: new Date() }).where(eq(apiClients.id, id));
    },
  };
}

export type ApiClientRepository = ReturnType<typeof createApiClientRepository>;
