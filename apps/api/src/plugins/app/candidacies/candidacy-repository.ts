import type { CandidacyStage } from '@passerelle/domain/candidacy/candidacy.schema';
import type { CandidacySort } from '@passerelle/domain/candidacy/candidacy-pipeline.schema';
import {
  and,
  arrayContains,
  asc,
  desc,
  eq,
  gte,
  ilike,
  inArray,
  lt,
  lte,
  ne,
  type SQL,
  sql,
} from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Executor } from '../../../db/client.ts';
import {
  candidacies,
  candidacyEvents,
  candidacyNotes,
  candidates,
  scorecards,
  sessions,
  sessionTrainers,
} from '../../../db/schema/index.ts';

export type CandidacyRow = typeof candidacies.$inferSelect;
export type CandidateRow = typeof candidates.$inferSelect;
export type CandidacyEventRow = typeof candidacyEvents.$inferSelect;
export type NewCandidacyEvent = typeof candidacyEvents.$inferInsert;
export type ScorecardRow = typeof scorecards.$inferSelect;
export type CandidacyNoteRow = typeof candidacyNotes.$inferSelect;
export type CandidacyChanges = Partial<
  Pick<
    typeof candidacies.$inferInsert,
    | 'stage'
    | 'stageChangedAt'
    | 'answers'
    | 'source'
    | 'referrerPartnerId'
    | 'rejection'
    | 'withdrawalReason'
    | 'eligibility'
    | 'eligibilityStatus'
    | 'eligibilityInputs'
    | 'criteriaMet'
    | 'eligibilityDecision'
    | 'isFlaggedEnrolledElsewhere'
  >
>;

/** Where the caller may look: every fabrique, some fabriques, or a trainer's learners. */
export type CandidacyScope =
  | { kind: 'all' }
  | { kind: 'fabriques'; fabriqueIds: readonly string[] }
  | {
      kind: 'learners';
      fabriqueIds: readonly string[];
      sessionIds: readonly string[];
      stages: readonly CandidacyStage[];
    };

/** The exact sort value of the last row, and its id: the keyset of the next page. */
export interface ListCursor {
  value: string;
  id: string;
}

export interface CandidacyListFilter {
  scope: CandidacyScope;
  limit: number;
  after?: ListCursor | undefined;
  sort: CandidacySort;
  sessionId?: string | undefined;
  fabriqueId?: string | undefined;
  stages?: readonly CandidacyStage[] | undefined;
  eligible?: string | undefined;
  criterion?: string | undefined;
  source?: string | undefined;
  /** Already normalised as `search_text` is. */
  search?: string | undefined;
  submittedFrom?: Date | undefined;
  submittedTo?: Date | undefined;
}

/** Timestamps as text to the microsecond: a JS Date would round them and a cursor would skip rows. */
const exactInstant = (column: AnyPgColumn) =>
  sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

const SORTS: Record<
  CandidacySort,
  { column: AnyPgColumn; key: SQL<string>; descending: boolean; isInstant: boolean }
> = {
  '-submittedAt': {
    column: candidacies.submittedAt,
    key: exactInstant(candidacies.submittedAt),
    descending: true,
    isInstant: true,
  },
  submittedAt: {
    column: candidacies.submittedAt,
    key: exactInstant(candidacies.submittedAt),
    descending: false,
    isInstant: true,
  },
  '-stageChangedAt': {
    column: candidacies.stageChangedAt,
    key: exactInstant(candidacies.stageChangedAt),
    descending: true,
    isInstant: true,
  },
  stageChangedAt: {
    column: candidacies.stageChangedAt,
    key: exactInstant(candidacies.stageChangedAt),
    descending: false,
    isInstant: true,
  },
  lastName: {
    column: candidates.lastName,
    key: sql<string>`${candidates.lastName}`,
    descending: false,
    isInstant: false,
  },
  '-lastName': {
    column: candidates.lastName,
    key: sql<string>`${candidates.lastName}`,
    descending: true,
    isInstant: false,
  },
};

function scopeFilter(scope: CandidacyScope): SQL | undefined {
  if (scope.kind === 'all') return undefined;
  if (scope.kind === 'fabriques') return inArray(candidacies.fabriqueId, [...scope.fabriqueIds]);
  return and(
    inArray(candidacies.fabriqueId, [...scope.fabriqueIds]),
    inArray(candidacies.sessionId, [...scope.sessionIds]),
    inArray(candidacies.stage, [...scope.stages]),
  );
}

function isScopeEmpty(scope: CandidacyScope): boolean {
  if (scope.kind === 'all') return false;
  if (scope.kind === 'fabriques') return scope.fabriqueIds.length === 0;
  return scope.fabriqueIds.length === 0 || scope.sessionIds.length === 0;
}

/** `%` and `_` typed by a user are searched for, not wildcards. */
function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (character) => `\\${character}`);
}

async function attachPeopleAndSessions(
  executor: Executor,
  page: { candidacy: CandidacyRow; sortValue: string }[],
) {
  if (page.length === 0) return [];
  const [people, sessionRows] = await Promise.all([
    executor
      .select({
        id: candidates.id,
        firstName: candidates.firstName,
        lastName: candidates.lastName,
        email: candidates.email,
        phone: candidates.phone,
      })
      .from(candidates)
      .where(inArray(candidates.id, [...new Set(page.map((row) => row.candidacy.candidateId))])),
    executor
      .select({ id: sessions.id, name: sessions.name })
      .from(sessions)
      .where(inArray(sessions.id, [...new Set(page.map((row) => row.candidacy.sessionId))])),
  ]);
  const personById = new Map(people.map((person) => [person.id, person]));
  const sessionById = new Map(sessionRows.map((session) => [session.id, session]));
  return page.flatMap((row) => {
    const candidate = personById.get(row.candidacy.candidateId);
    const session = sessionById.get(row.candidacy.sessionId);
    return candidate && session ? [{ ...row, candidate, session }] : [];
  });
}

export function createCandidacyRepository() {
  return {
    /**
     * One query, index-friendly: scope and filters on candidacies' own columns, the search on the
     * trigram index of candidates.search_text, and a keyset on (sort value, id).
     */
    async list(executor: Executor, filter: CandidacyListFilter) {
      if (isScopeEmpty(filter.scope)) return [];
      const sort = SORTS[filter.sort];
      const filters: (SQL | undefined)[] = [scopeFilter(filter.scope)];
      if (filter.sessionId) filters.push(eq(candidacies.sessionId, filter.sessionId));
      if (filter.fabriqueId) filters.push(eq(candidacies.fabriqueId, filter.fabriqueId));
      if (filter.stages?.length) filters.push(inArray(candidacies.stage, [...filter.stages]));
      if (filter.eligible) {
        filters.push(
          sql`coalesce(${candidacies.eligibilityDecision}->>'status', ${candidacies.eligibilityStatus}) = ${filter.eligible}`,
        );
      }
      if (filter.criterion) filters.push(arrayContains(candidacies.criteriaMet, [filter.criterion]));
      if (filter.source) filters.push(eq(candidacies.source, filter.source));
      if (filter.search) filters.push(ilike(candidates.searchText, `%${escapeLike(filter.search)}%`));
      if (filter.submittedFrom) filters.push(gte(candidacies.submittedAt, filter.submittedFrom));
      if (filter.submittedTo) filters.push(lte(candidacies.submittedAt, filter.submittedTo));
      if (filter.after) {
        const value = sort.isInstant ? sql`${filter.after.value}::timestamptz` : sql`${filter.after.value}`;
        const keyset = sql`(${sort.column}, ${candidacies.id})`;
        const bound = sql`(${value}, ${filter.after.id}::uuid)`;
        filters.push(sort.descending ? sql`${keyset} < ${bound}` : sql`${keyset} > ${bound}`);
      }
      const order = sort.descending ? desc : asc;
      const needsCandidateColumns = Boolean(filter.search) || !sort.isInstant;
      if (!needsCandidateColumns) {
        // Page first on candidacies' own indexes, then fetch the 50 people and sessions: joining
        // before the limit would look up every matching candidate of a large session.
        const page = await executor
          .select({ candidacy: candidacies, sortValue: sort.key })
          .from(candidacies)
          .where(and(...filters))
          .orderBy(order(sort.column), order(candidacies.id))
          .limit(filter.limit + 1);
        return attachPeopleAndSessions(executor, page);
      }
      return executor
        .select({
          candidacy: candidacies,
          candidate: {
            id: candidates.id,
            firstName: candidates.firstName,
            lastName: candidates.lastName,
            email: candidates.email,
            phone: candidates.phone,
          },
          session: { id: sessions.id, name: sessions.name },
          sortValue: sort.key,
        })
        .from(candidacies)
        .innerJoin(candidates, eq(candidates.id, candidacies.candidateId))
        .innerJoin(sessions, eq(sessions.id, candidacies.sessionId))
        .where(and(...filters))
        .orderBy(order(sort.column), order(candidacies.id))
        .limit(filter.limit + 1);
    },

    async findById(executor: Executor, id: string): Promise<CandidacyRow | undefined> {
      const rows = await executor.select().from(candidacies).where(eq(candidacies.id, id));
      return rows[0];
    },

    /** The candidacy, locked until the transaction ends. */
    async lockById(executor: Executor, id: string): Promise<CandidacyRow | undefined> {
      const rows = await executor.select().from(candidacies).where(eq(candidacies.id, id)).for('update');
      return rows[0];
    },

    async findSession(executor: Executor, id: string) {
      const rows = await executor
        .select({
          id: sessions.id,
          name: sessions.name,
          fabriqueId: sessions.fabriqueId,
          capacity: sessions.capacity,
          eligibilityPolicyId: sessions.eligibilityPolicyId,
          startDate: sessions.startDate,
        })
        .from(sessions)
        .where(eq(sessions.id, id));
      return rows[0];
    },

    /**
     * Locks the session row: admissions to one session queue behind each other, so the count of
     * admitted + enrolled read next cannot go stale before the update commits.
     */
    async lockSession(executor: Executor, id: string) {
      const rows = await executor
        .select({ id: sessions.id, capacity: sessions.capacity })
        .from(sessions)
        .where(eq(sessions.id, id))
        .for('update');
      return rows[0];
    },

    async countAdmittedOrEnrolled(executor: Executor, sessionId: string): Promise<number> {
      const rows = await executor
        .select({ count: sql<number>`count(*)::int` })
        .from(candidacies)
        .where(
          and(eq(candidacies.sessionId, sessionId), inArray(candidacies.stage, ['admitted', 'enrolled'])),
        );
      return rows[0]?.count ?? 0;
    },

    async listTaughtSessionIds(executor: Executor, userId: string): Promise<string[]> {
      const rows = await executor
        .select({ sessionId: sessionTrainers.sessionId })
        .from(sessionTrainers)
        .where(eq(sessionTrainers.userId, userId));
      return rows.map((row) => row.sessionId);
    },

    async update(executor: Executor, id: string, changes: CandidacyChanges): Promise<CandidacyRow> {
      const [row] = await executor
        .update(candidacies)
        .set({ ...changes, version: sql`${candidacies.version} + 1`, updatedAt: new Date() })
        .where(eq(candidacies.id, id))
        .returning();
      if (!row) throw new Error(`candidacy ${id} vanished`);
      return row;
    },

    /** The candidate's other candidacies, with their session's name. */
    async listOtherCandidaciesOfCandidate(executor: Executor, candidateId: string, exceptId: string) {
      return executor
        .select({
          id: candidacies.id,
          sessionId: candidacies.sessionId,
          sessionName: sessions.name,
          fabriqueId: candidacies.fabriqueId,
          stage: candidacies.stage,
          submittedAt: candidacies.submittedAt,
        })
        .from(candidacies)
        .innerJoin(sessions, eq(sessions.id, candidacies.sessionId))
        .where(and(eq(candidacies.candidateId, candidateId), ne(candidacies.id, exceptId)))
        .orderBy(desc(candidacies.submittedAt));
    },

    async listCandidaciesOfCandidate(executor: Executor, candidateId: string) {
      return executor
        .select({
          id: candidacies.id,
          stage: candidacies.stage,
          fabriqueId: candidacies.fabriqueId,
          sessionId: candidacies.sessionId,
          applicationDate: candidacies.applicationDate,
        })
        .from(candidacies)
        .where(eq(candidacies.candidateId, candidateId));
    },

    async findCandidate(executor: Executor, id: string): Promise<CandidateRow | undefined> {
      const rows = await executor.select().from(candidates).where(eq(candidates.id, id));
      return rows[0];
    },

    async updateCandidateFacts(executor: Executor, id: string, facts: Record<string, unknown>) {
      await executor
        .update(candidates)
        .set({ facts, version: sql`${candidates.version} + 1`, updatedAt: new Date() })
        .where(eq(candidates.id, id));
    },

    async insertEvents(executor: Executor, events: NewCandidacyEvent[]): Promise<void> {
      if (events.length === 0) return;
      await executor.insert(candidacyEvents).values(events);
    },

    /** Newest first, keyed on (occurred_at, id). */
    async listEvents(
      executor: Executor,
      candidacyId: string,
      query: { limit: number; before?: ListCursor | undefined },
    ) {
      const filters: SQL[] = [eq(candidacyEvents.candidacyId, candidacyId)];
      if (query.before) {
        filters.push(
          sql`(${candidacyEvents.occurredAt}, ${candidacyEvents.id}) < (${query.before.value}::timestamptz, ${query.before.id}::uuid)`,
        );
      }
      return executor
        .select({ event: candidacyEvents, sortValue: exactInstant(candidacyEvents.occurredAt) })
        .from(candidacyEvents)
        .where(and(...filters))
        .orderBy(desc(candidacyEvents.occurredAt), desc(candidacyEvents.id))
        .limit(query.limit + 1);
    },

    async listScorecards(executor: Executor, candidacyId: string): Promise<ScorecardRow[]> {
      return executor
        .select()
        .from(scorecards)
        .where(eq(scorecards.candidacyId, candidacyId))
        .orderBy(asc(scorecards.evaluatedAt), asc(scorecards.id));
    },

    async listScorecardsPage(
      executor: Executor,
      candidacyId: string,
      query: { limit: number; afterId?: string | undefined },
    ): Promise<ScorecardRow[]> {
      const filters: SQL[] = [eq(scorecards.candidacyId, candidacyId)];
      if (query.afterId) filters.push(sql`${scorecards.id} > ${query.afterId}::uuid`);
      return executor
        .select()
        .from(scorecards)
        .where(and(...filters))
        .orderBy(asc(scorecards.id))
        .limit(query.limit + 1);
    },

    async insertScorecard(executor: Executor, values: typeof scorecards.$inferInsert): Promise<ScorecardRow> {
      const [row] = await executor.insert(scorecards).values(values).returning();
      if (!row) throw new Error('insert returned no row');
      return row;
    },

    /** Newest first; ids are UUIDv7, so their order is the creation order. */
    async listNotes(
      executor: Executor,
      candidacyId: string,
      query: { limit: number; beforeId?: string | undefined },
    ): Promise<CandidacyNoteRow[]> {
      const filters: SQL[] = [eq(candidacyNotes.candidacyId, candidacyId)];
      if (query.beforeId) filters.push(lt(candidacyNotes.id, query.beforeId));
      return executor
        .select()
        .from(candidacyNotes)
        .where(and(...filters))
        .orderBy(desc(candidacyNotes.id))
        .limit(query.limit + 1);
    },

    async insertNote(
      executor: Executor,
      values: typeof candidacyNotes.$inferInsert,
    ): Promise<CandidacyNoteRow> {
      const [row] = await executor.insert(candidacyNotes).values(values).returning();
      if (!row) throw new Error('insert returned no row');
      return row;
    },
  };
}

export type CandidacyRepository = ReturnType<typeof createCandidacyRepository>;
