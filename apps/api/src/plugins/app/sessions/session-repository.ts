import {
  type EligibilityRules,
  EligibilityRulesSchema,
} from '@passerelle/domain/eligibility/eligibility.schema';
import { and, asc, eq, gt, gte, inArray, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import {
  candidacies,
  eligibilityPolicies,
  eligibilityPolicyVersions,
  fabriques,
  programs,
  sessions,
  sessionTrainers,
  userFabriques,
  users,
} from '../../../db/schema/index.ts';
import { updateVersioned } from '../../../db/versioned-update.ts';

export type SessionRow = typeof sessions.$inferSelect;
type NewSession = typeof sessions.$inferInsert;
export type SessionChanges = Partial<
  Pick<
    NewSession,
    | 'programId'
    | 'name'
    | 'applicationOpensOn'
    | 'applicationClosesOn'
    | 'startDate'
    | 'endDate'
    | 'capacity'
    | 'eligibilityPolicyId'
    | 'targets'
    | 'autoCloseAfterDays'
    | 'status'
  >
>;

export interface SessionListQuery {
  limit: number;
  /** Keyset after (startDate, id). */
  after?: { startDate: string; id: string } | undefined;
  /** 'all' for admins; otherwise only these fabriques. */
  visibleFabriqueIds: readonly string[] | 'all';
  /** When set, only the sessions this user teaches. */
  trainerId?: string | undefined;
  fabriqueId?: string | undefined;
  programId?: string | undefined;
  status?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

type SessionCandidacyStage = (typeof candidacies.stage.enumValues)[number];

/** One group of the composition query: candidacies of a stage with the same criteria. */
export interface CompositionGroup {
  stage: SessionCandidacyStage;
  criteriaMet: string[];
  /** "code:status" of each criterion of the latest evaluation. */
  criterionStatuses: string[];
  count: number;
}

export interface PublicSessionRow {
  session: SessionRow;
  fabriqueName: string;
  fabriqueCity: string;
  programTitle: string;
  programKind: 'qualifying_free' | 'certifying_paid';
  programDurationHours: number;
  /** The current version's rules, parsed. */
  rules: EligibilityRules;
  taken: number;
}

export function createSessionRepository() {
  return {
    async findById(executor: Executor, id: string): Promise<SessionRow | undefined> {
      const rows = await executor.select().from(sessions).where(eq(sessions.id, id));
      return rows[0];
    },

    /** The session row, locked until the end of the transaction (`select … for update`). */
    async lockForUpdate(executor: Executor, id: string): Promise<SessionRow | undefined> {
      const rows = await executor.select().from(sessions).where(eq(sessions.id, id)).for('update');
      return rows[0];
    },

    async listTrainerIds(executor: Executor, sessionId: string): Promise<string[]> {
      const rows = await executor
        .select({ userId: sessionTrainers.userId })
        .from(sessionTrainers)
        .where(eq(sessionTrainers.sessionId, sessionId))
        .orderBy(asc(sessionTrainers.userId));
      return rows.map((row) => row.userId);
    },

    /** Trainer ids of several sessions at once. */
    async listTrainerIdsBySession(
      executor: Executor,
      sessionIds: readonly string[],
    ): Promise<Map<string, string[]>> {
      const result = new Map<string, string[]>();
      if (sessionIds.length === 0) return result;
      const rows = await executor
        .select()
        .from(sessionTrainers)
        .where(inArray(sessionTrainers.sessionId, [...sessionIds]))
        .orderBy(asc(sessionTrainers.userId));
      for (const row of rows) {
        const list = result.get(row.sessionId) ?? [];
        list.push(row.userId);
        result.set(row.sessionId, list);
      }
      return result;
    },

    async isTrainerOf(executor: Executor, sessionId: string, userId: string): Promise<boolean> {
      const rows = await executor
        .select({ userId: sessionTrainers.userId })
        .from(sessionTrainers)
        .where(and(eq(sessionTrainers.sessionId, sessionId), eq(sessionTrainers.userId, userId)));
      return rows.length > 0;
    },

    /** Of the given user ids, those of active trainers attached to the fabrique. */
    async findTrainersOfFabrique(
      executor: Executor,
      fabriqueId: string,
      userIds: readonly string[],
    ): Promise<string[]> {
      if (userIds.length === 0) return [];
      const rows = await executor
        .select({ id: users.id })
        .from(users)
        .innerJoin(userFabriques, eq(userFabriques.userId, users.id))
        .where(
          and(
            inArray(users.id, [...userIds]),
            eq(users.role, 'trainer'),
            eq(users.isActive, true),
            eq(userFabriques.fabriqueId, fabriqueId),
          ),
        );
      return rows.map((row) => row.id);
    },

    async replaceTrainers(executor: Executor, sessionId: string, userIds: readonly string[]): Promise<void> {
      await executor.delete(sessionTrainers).where(eq(sessionTrainers.sessionId, sessionId));
      if (userIds.length === 0) return;
      await executor
        .insert(sessionTrainers)
        .values([...new Set(userIds)].map((userId) => ({ sessionId, userId })));
    },

    /** Sessions ordered by start date then id, limit + 1 rows. */
    async list(executor: Executor, query: SessionListQuery): Promise<SessionRow[]> {
      if (query.visibleFabriqueIds !== 'all' && query.visibleFabriqueIds.length === 0) return [];
      const filters: SQL[] = [];
      if (query.visibleFabriqueIds !== 'all') {
        filters.push(inArray(sessions.fabriqueId, [...query.visibleFabriqueIds]));
      }
      if (query.trainerId) {
        filters.push(
          inArray(
            sessions.id,
            executor
              .select({ id: sessionTrainers.sessionId })
              .from(sessionTrainers)
              .where(eq(sessionTrainers.userId, query.trainerId)),
          ),
        );
      }
      if (query.fabriqueId) filters.push(eq(sessions.fabriqueId, query.fabriqueId));
      if (query.programId) filters.push(eq(sessions.programId, query.programId));
      if (query.status) filters.push(eq(sessions.status, query.status as SessionRow['status']));
      if (query.from) filters.push(gte(sessions.startDate, query.from));
      if (query.to) filters.push(lte(sessions.startDate, query.to));
      if (query.after) {
        const after = or(
          gt(sessions.startDate, query.after.startDate),
          and(eq(sessions.startDate, query.after.startDate), gt(sessions.id, query.after.id)),
        );
        if (after) filters.push(after);
      }
      return executor
        .select()
        .from(sessions)
        .where(and(...filters))
        .orderBy(asc(sessions.startDate), asc(sessions.id))
        .limit(query.limit + 1);
    },

    async insert(executor: Executor, values: NewSession): Promise<SessionRow> {
      const [row] = await executor.insert(sessions).values(values).returning();
      if (!row) throw new Error('insert returned no row');
      return row;
    },

    /** Applies the changes when the row is still at `expectedVersion` (if given); undefined otherwise. */
    async update(
      executor: Executor,
      id: string,
      changes: SessionChanges,
      expectedVersion: number | undefined,
    ): Promise<SessionRow | undefined> {
      return updateVersioned(executor, sessions, id, changes, expectedVersion);
    },

    async programExists(
      executor: Executor,
      programId: string,
    ): Promise<{ fabriqueId: string | null } | undefined> {
      const rows = await executor
        .select({ fabriqueId: programs.fabriqueId })
        .from(programs)
        .where(eq(programs.id, programId));
      return rows[0];
    },

    async policyExists(executor: Executor, policyId: string): Promise<boolean> {
      const rows = await executor
        .select({ id: eligibilityPolicies.id })
        .from(eligibilityPolicies)
        .where(eq(eligibilityPolicies.id, policyId));
      return rows.length > 0;
    },

    /**
     * Candidacies of the session at the given stages, grouped by stage, criteria met and the
     * per-criterion statuses of their latest evaluation ("code:status"): one query returning a
     * handful of rows whatever the number of candidacies.
     */
    async compositionGroups(
      executor: Executor,
      sessionId: string,
      stages: readonly string[],
    ): Promise<CompositionGroup[]> {
      if (stages.length === 0) return [];
      const statuses = sql<string[]>`array(
        select (item->>'code') || ':' || (item->>'status')
        from jsonb_array_elements(
          case when jsonb_typeof(${candidacies.eligibility}->'criteria') = 'array'
            then ${candidacies.eligibility}->'criteria' else '[]'::jsonb end
        ) as item
        order by 1
      )`;
      const rows = await executor
        .select({
          stage: candidacies.stage,
          criteriaMet: candidacies.criteriaMet,
          criterionStatuses: statuses,
          count: sql<number>`count(*)::int`,
        })
        .from(candidacies)
        .where(
          and(
            eq(candidacies.sessionId, sessionId),
            inArray(candidacies.stage, [...stages] as Array<SessionCandidacyStage>),
          ),
        )
        .groupBy(sql`1`, sql`2`, sql`3`);
      return rows.map((row) => ({ ...row, count: Number(row.count) }));
    },

    /** Places taken in the session: admitted and enrolled candidacies. */
    async countOccupiedPlaces(executor: Executor, sessionId: string): Promise<number> {
      const [row] = await executor
        .select({ count: sql<number>`count(*)::int` })
        .from(candidacies)
        .where(
          and(eq(candidacies.sessionId, sessionId), inArray(candidacies.stage, ['admitted', 'enrolled'])),
        );
      return Number(row?.count ?? 0);
    },

    /**
     * Sessions taking applications on `today` (recruiting, window open), with what the public
     * page shows: fabrique, program, current policy rules and places taken (admitted + enrolled).
     */
    async listOpen(
      executor: Executor,
      query: {
        today: string;
        limit: number;
        after?: { startDate: string; id: string } | undefined;
        fabriqueId?: string | undefined;
        programId?: string | undefined;
      },
    ): Promise<PublicSessionRow[]> {
      const filters: SQL[] = [
        eq(sessions.status, 'recruiting'),
        eq(fabriques.isActive, true),
        lte(sessions.applicationOpensOn, query.today),
        gte(sessions.applicationClosesOn, query.today),
      ];
      if (query.fabriqueId) filters.push(eq(sessions.fabriqueId, query.fabriqueId));
      if (query.programId) filters.push(eq(sessions.programId, query.programId));
      if (query.after) {
        const after = or(
          gt(sessions.startDate, query.after.startDate),
          and(eq(sessions.startDate, query.after.startDate), gt(sessions.id, query.after.id)),
        );
        if (after) filters.push(after);
      }
      const taken = executor
        .select({
          sessionId: candidacies.sessionId,
          taken: sql<number>`count(*)::int`.as('taken'),
        })
        .from(candidacies)
        .where(inArray(candidacies.stage, ['admitted', 'enrolled']))
        .groupBy(candidacies.sessionId)
        .as('taken');
      const rows = await executor
        .select({
          session: sessions,
          fabriqueName: fabriques.name,
          fabriqueCity: fabriques.city,
          programTitle: programs.title,
          programKind: programs.kind,
          programDurationHours: programs.durationHours,
          rules: eligibilityPolicyVersions.rules,
          taken: taken.taken,
        })
        .from(sessions)
        .innerJoin(fabriques, eq(fabriques.id, sessions.fabriqueId))
        .innerJoin(programs, eq(programs.id, sessions.programId))
        .innerJoin(eligibilityPolicies, eq(eligibilityPolicies.id, sessions.eligibilityPolicyId))
        .innerJoin(
          eligibilityPolicyVersions,
          and(
            eq(eligibilityPolicyVersions.policyId, eligibilityPolicies.id),
            eq(eligibilityPolicyVersions.version, eligibilityPolicies.currentVersion),
          ),
        )
        .leftJoin(taken, eq(taken.sessionId, sessions.id))
        .where(and(...filters))
        .orderBy(asc(sessions.startDate), asc(sessions.id))
        .limit(query.limit + 1);
      return rows.map((row) => ({
        ...row,
        rules: EligibilityRulesSchema.parse(row.rules),
        taken: Number(row.taken ?? 0),
      }));
    },
  };
}

export type SessionRepository = ReturnType<typeof createSessionRepository>;
