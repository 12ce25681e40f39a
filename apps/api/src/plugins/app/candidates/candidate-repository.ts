import { and, asc, eq, exists, gt, ilike, inArray, ne, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { candidacies, candidates } from '../../../db/schema/index.ts';
import { updateVersioned } from '../../../db/versioned-update.ts';

export type CandidateRow = typeof candidates.$inferSelect;
export type NewCandidate = typeof candidates.$inferInsert;
export type CandidateChanges = Partial<
  Pick<
    NewCandidate,
    | 'firstName'
    | 'lastName'
    | 'email'
    | 'phone'
    | 'address'
    | 'facts'
    | 'source'
    | 'consent'
    | 'disabilityRecognition'
    | 'searchText'
    | 'identityKey'
  >
>;

/** `%` and `_` are wildcards in LIKE patterns; a search for them means the characters. */
function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (character) => `\\${character}`);
}

function hasCandidacyIn(fabriqueIds: readonly string[]): SQL {
  return exists(
    sql`(select 1 from ${candidacies} where ${candidacies.candidateId} = ${candidates.id} and ${inArray(candidacies.fabriqueId, [...fabriqueIds])})`,
  );
}

export function createCandidateRepository() {
  return {
    async findById(executor: Executor, id: string): Promise<CandidateRow | undefined> {
      const rows = await executor.select().from(candidates).where(eq(candidates.id, id));
      return rows[0];
    },

    async findByEmail(executor: Executor, email: string): Promise<CandidateRow | undefined> {
      const rows = await executor.select().from(candidates).where(eq(candidates.email, email));
      return rows[0];
    },

    /** The oldest candidate with this phone number (a phone is not unique: families share one). */
    async findByPhone(executor: Executor, phone: string): Promise<CandidateRow | undefined> {
      const rows = await executor
        .select()
        .from(candidates)
        .where(eq(candidates.phone, phone))
        .orderBy(asc(candidates.id))
        .limit(1);
      return rows[0];
    },

    async findIdsByIdentityKey(
      executor: Executor,
      identityKey: string,
      exceptId?: string,
    ): Promise<string[]> {
      const filters: SQL[] = [eq(candidates.identityKey, identityKey)];
      if (exceptId) filters.push(ne(candidates.id, exceptId));
      const rows = await executor
        .select({ id: candidates.id })
        .from(candidates)
        .where(and(...filters))
        .orderBy(asc(candidates.id))
        .limit(20);
      return rows.map((row) => row.id);
    },

    /** Fabriques where the candidate has a candidacy. */
    async listFabriqueIds(executor: Executor, candidateId: string): Promise<string[]> {
      const rows = await executor
        .selectDistinct({ fabriqueId: candidacies.fabriqueId })
        .from(candidacies)
        .where(eq(candidacies.candidateId, candidateId));
      return rows.map((row) => row.fabriqueId);
    },

    /**
     * Candidates by id; `visibleIds` 'all' for admins, otherwise candidates with a candidacy in one
     * of those fabriques. `search` is matched inside the normalised search text (trigram index).
     */
    async list(
      executor: Executor,
      query: {
        limit: number;
        afterId?: string | undefined;
        visibleIds: readonly string[] | 'all';
        search?: string | undefined;
      },
    ): Promise<CandidateRow[]> {
      if (query.visibleIds !== 'all' && query.visibleIds.length === 0) return [];
      const filters: SQL[] = [];
      if (query.afterId) filters.push(gt(candidates.id, query.afterId));
      if (query.visibleIds !== 'all') filters.push(hasCandidacyIn(query.visibleIds));
      if (query.search) filters.push(ilike(candidates.searchText, `%${escapeLike(query.search)}%`));
      return executor
        .select()
        .from(candidates)
        .where(and(...filters))
        .orderBy(asc(candidates.id))
        .limit(query.limit + 1);
    },

    async insert(executor: Executor, values: NewCandidate): Promise<CandidateRow> {
      const [row] = await executor.insert(candidates).values(values).returning();
      if (!row) throw new Error('insert returned no row');
      return row;
    },

    async update(
      executor: Executor,
      id: string,
      changes: CandidateChanges,
      expectedVersion?: number,
    ): Promise<CandidateRow | undefined> {
      return updateVersioned(executor, candidates, id, changes, expectedVersion);
    },
  };
}

export type CandidateRepository = ReturnType<typeof createCandidateRepository>;
