import { and, asc, eq, inArray, notInArray, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { candidacies, candidacyEvents, fabriques, sessions } from '../../../db/schema/index.ts';

export type SessionRow = typeof sessions.$inferSelect;
export type CandidacyRow = typeof candidacies.$inferSelect;
export type NewCandidacy = typeof candidacies.$inferInsert;
export type NewCandidacyEvent = typeof candidacyEvents.$inferInsert;

/** Stages that close a candidacy for the one-open-candidacy-per-session rule (as the unique index says). */
const CLOSED_STAGES = ['rejected', 'withdrawn'] as const;

export function createIntakeRepository() {
  return {
    async findSession(executor: Executor, id: string): Promise<SessionRow | undefined> {
      const rows = await executor.select().from(sessions).where(eq(sessions.id, id));
      return rows[0];
    },

    /** Sessions taking public applications on `today`, optionally of some fabriques only. */
    async listRecruitingSessions(
      executor: Executor,
      filter: {
        today: string;
        fabriqueIds?: readonly string[] | undefined;
        departmentCodes?: readonly string[] | undefined;
      },
    ): Promise<SessionRow[]> {
      const conditions = [
        eq(sessions.status, 'recruiting'),
        sql`${sessions.applicationOpensOn} <= ${filter.today}`,
        sql`${sessions.applicationClosesOn} >= ${filter.today}`,
      ];
      if (filter.fabriqueIds) {
        if (filter.fabriqueIds.length === 0) return [];
        conditions.push(inArray(sessions.fabriqueId, [...filter.fabriqueIds]));
      }
      if (filter.departmentCodes) {
        if (filter.departmentCodes.length === 0) return [];
        conditions.push(
          inArray(
            sessions.fabriqueId,
            executor
              .select({ id: fabriques.id })
              .from(fabriques)
              .where(inArray(fabriques.departmentCode, [...filter.departmentCodes])),
          ),
        );
      }
      return executor
        .select()
        .from(sessions)
        .where(and(...conditions))
        .orderBy(asc(sessions.startDate), asc(sessions.id))
        .limit(200);
    },

    async findOpenCandidacy(
      executor: Executor,
      candidateId: string,
      sessionId: string,
    ): Promise<CandidacyRow | undefined> {
      const rows = await executor
        .select()
        .from(candidacies)
        .where(
          and(
            eq(candidacies.candidateId, candidateId),
            eq(candidacies.sessionId, sessionId),
            notInArray(candidacies.stage, [...CLOSED_STAGES]),
          ),
        );
      return rows[0];
    },

    async listCandidaciesOfCandidate(executor: Executor, candidateId: string): Promise<CandidacyRow[]> {
      return executor
        .select()
        .from(candidacies)
        .where(eq(candidacies.candidateId, candidateId))
        .orderBy(asc(candidacies.id));
    },

    async insertCandidacy(executor: Executor, values: NewCandidacy): Promise<CandidacyRow> {
      const [row] = await executor.insert(candidacies).values(values).returning();
      if (!row) throw new Error('insert returned no row');
      return row;
    },

    async updateEligibility(
      executor: Executor,
      id: string,
      columns: Pick<NewCandidacy, 'eligibility' | 'eligibilityStatus' | 'eligibilityInputs' | 'criteriaMet'>,
    ): Promise<CandidacyRow | undefined> {
      const [row] = await executor
        .update(candidacies)
        .set({ ...columns, version: sql`${candidacies.version} + 1`, updatedAt: new Date() })
        .where(eq(candidacies.id, id))
        .returning();
      return row;
    },

    async insertEvent(executor: Executor, values: NewCandidacyEvent): Promise<void> {
      await executor.insert(candidacyEvents).values(values);
    },
  };
}

export type IntakeRepository = ReturnType<typeof createIntakeRepository>;
