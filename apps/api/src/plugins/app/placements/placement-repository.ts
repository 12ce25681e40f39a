import { and, asc, desc, eq, inArray, lt, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { candidacies, candidates, partners, placements, sessionTrainers } from '../../../db/schema/index.ts';
import { updateVersioned } from '../../../db/versioned-update.ts';

export type PlacementRow = typeof placements.$inferSelect;
export type PlacementChanges = Partial<
  Omit<typeof placements.$inferInsert, 'id' | 'candidacyId' | 'fabriqueId'>
>;

/** Whose learners the caller sees: fabriques, and for a trainer only the sessions they teach. */
export interface LearnerScope {
  fabriqueIds: readonly string[] | 'all';
  sessionIds?: readonly string[] | undefined;
}

export interface PlacementWithLearner {
  placement: PlacementRow;
  sessionId: string;
  firstName: string;
  lastName: string;
  partnerName: string | null;
}

export function learnerScopeFilter(scope: LearnerScope): SQL | undefined {
  const conditions: (SQL | undefined)[] = [];
  if (scope.fabriqueIds !== 'all') {
    conditions.push(
      scope.fabriqueIds.length === 0 ? sql`false` : inArray(candidacies.fabriqueId, [...scope.fabriqueIds]),
    );
  }
  if (scope.sessionIds) {
    conditions.push(
      scope.sessionIds.length === 0 ? sql`false` : inArray(candidacies.sessionId, [...scope.sessionIds]),
    );
  }
  return and(...conditions);
}

const placementColumns = {
  placement: placements,
  sessionId: candidacies.sessionId,
  firstName: candidates.firstName,
  lastName: candidates.lastName,
  partnerName: partners.name,
};

export function createPlacementRepository() {
  function selectWithLearner(executor: Executor) {
    return executor
      .select(placementColumns)
      .from(placements)
      .innerJoin(candidacies, eq(candidacies.id, placements.candidacyId))
      .innerJoin(candidates, eq(candidates.id, candidacies.candidateId))
      .leftJoin(partners, eq(partners.id, placements.partnerId));
  }

  return {
    async listTaughtSessionIds(executor: Executor, userId: string): Promise<string[]> {
      const rows = await executor
        .select({ sessionId: sessionTrainers.sessionId })
        .from(sessionTrainers)
        .where(eq(sessionTrainers.userId, userId));
      return rows.map((row) => row.sessionId);
    },

    /** A learner (candidacy) with what access checks and placements need. */
    async findLearner(executor: Executor, candidacyId: string) {
      const rows = await executor
        .select({
          id: candidacies.id,
          fabriqueId: candidacies.fabriqueId,
          sessionId: candidacies.sessionId,
          stage: candidacies.stage,
          candidateId: candidacies.candidateId,
          firstName: candidates.firstName,
          lastName: candidates.lastName,
        })
        .from(candidacies)
        .innerJoin(candidates, eq(candidates.id, candidacies.candidateId))
        .where(eq(candidacies.id, candidacyId));
      return rows[0];
    },

    async list(
      executor: Executor,
      query: {
        scope: LearnerScope;
        limit: number;
        before?: string | undefined;
        candidacyId?: string | undefined;
        sessionId?: string | undefined;
        fabriqueId?: string | undefined;
        partnerId?: string | undefined;
        kind?: PlacementRow['kind'] | undefined;
      },
    ): Promise<PlacementWithLearner[]> {
      return selectWithLearner(executor)
        .where(
          and(
            learnerScopeFilter(query.scope),
            query.candidacyId ? eq(placements.candidacyId, query.candidacyId) : undefined,
            query.sessionId ? eq(candidacies.sessionId, query.sessionId) : undefined,
            query.fabriqueId ? eq(placements.fabriqueId, query.fabriqueId) : undefined,
            query.partnerId ? eq(placements.partnerId, query.partnerId) : undefined,
            query.kind ? eq(placements.kind, query.kind) : undefined,
            query.before ? lt(placements.id, query.before) : undefined,
          ),
        )
        .orderBy(desc(placements.id))
        .limit(query.limit + 1);
    },

    async findById(executor: Executor, id: string, lock = false): Promise<PlacementWithLearner | undefined> {
      const base = selectWithLearner(executor).where(eq(placements.id, id));
      const rows = lock ? await base.for('update', { of: placements }) : await base;
      return rows[0];
    },

    async findCandidateIdOfPlacement(executor: Executor, id: string): Promise<string | undefined> {
      const rows = await executor
        .select({ candidateId: candidacies.candidateId })
        .from(placements)
        .innerJoin(candidacies, eq(candidacies.id, placements.candidacyId))
        .where(eq(placements.id, id));
      return rows[0]?.candidateId;
    },

    async insert(executor: Executor, values: typeof placements.$inferInsert): Promise<PlacementRow> {
      const [row] = await executor.insert(placements).values(values).returning();
      if (!row) throw new Error('placement insert returned nothing');
      return row;
    },

    async update(
      executor: Executor,
      id: string,
      changes: PlacementChanges,
      expectedVersion: number,
    ): Promise<PlacementRow | undefined> {
      return updateVersioned(executor, placements, id, changes, expectedVersion);
    },

    async listOfCandidacy(executor: Executor, candidacyId: string): Promise<PlacementRow[]> {
      return executor
        .select()
        .from(placements)
        .where(eq(placements.candidacyId, candidacyId))
        .orderBy(asc(placements.startDate));
    },
  };
}

export type PlacementRepository = ReturnType<typeof createPlacementRepository>;
