import type { FollowUpDue } from '@passerelle/domain/follow-up/follow-up';
import { and, asc, eq, gt, gte, inArray, isNotNull, isNull, lt, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { candidacies, candidates, followUps, sessions } from '../../../db/schema/index.ts';
import { updateVersioned } from '../../../db/versioned-update.ts';
import type { Keyset } from '../http/keyset.ts';
import { type LearnerScope, learnerScopeFilter } from '../placements/placement-repository.ts';

export type FollowUpRow = typeof followUps.$inferSelect;

export interface FollowUpWithLearner {
  followUp: FollowUpRow;
  firstName: string;
  lastName: string;
  sessionId: string;
  sessionName: string;
  sessionEndDate: string;
}

const columns = {
  followUp: followUps,
  firstName: candidates.firstName,
  lastName: candidates.lastName,
  sessionId: sessions.id,
  sessionName: sessions.name,
  sessionEndDate: sessions.endDate,
};

export type FollowUpStatusFilter = 'upcoming' | 'due' | 'overdue' | 'recorded' | 'todo';

function statusFilter(
  status: FollowUpStatusFilter | undefined,
  today: string,
  overdueBefore: string,
): SQL | undefined {
  switch (status) {
    case undefined:
      return undefined;
    case 'recorded':
      return isNotNull(followUps.recordedAt);
    case 'upcoming':
      return and(isNull(followUps.recordedAt), gt(followUps.dueOn, today));
    case 'due':
      return and(
        isNull(followUps.recordedAt),
        lte(followUps.dueOn, today),
        gte(followUps.dueOn, overdueBefore),
      );
    case 'overdue':
      return and(isNull(followUps.recordedAt), lt(followUps.dueOn, overdueBefore));
    case 'todo':
      return and(isNull(followUps.recordedAt), lte(followUps.dueOn, today));
  }
}

export function createFollowUpRepository() {
  function selectWithLearner(executor: Executor) {
    return executor
      .select(columns)
      .from(followUps)
      .innerJoin(candidacies, eq(candidacies.id, followUps.candidacyId))
      .innerJoin(candidates, eq(candidates.id, candidacies.candidateId))
      .innerJoin(sessions, eq(sessions.id, candidacies.sessionId));
  }

  return {
    async findSessionEndDate(executor: Executor, sessionId: string): Promise<string | undefined> {
      const rows = await executor
        .select({ endDate: sessions.endDate })
        .from(sessions)
        .where(eq(sessions.id, sessionId));
      return rows[0]?.endDate;
    },

    /**
     * One follow-up per milestone; a re-enrolment keeps the recorded ones and re-dates the others.
     */
    async schedule(
      executor: Executor,
      learner: { candidacyId: string; fabriqueId: string },
      dues: readonly FollowUpDue[],
    ): Promise<void> {
      if (dues.length === 0) return;
      await executor
        .insert(followUps)
        .values(dues.map((due) => ({ ...learner, milestone: due.milestone, dueOn: due.dueOn })))
        .onConflictDoUpdate({
          target: [followUps.candidacyId, followUps.milestone],
          set: { dueOn: sql`excluded.due_on`, updatedAt: new Date() },
          setWhere: isNull(followUps.recordedAt),
        });
    },

    /** Re-dates the unrecorded follow-ups of a session's learners to a new schedule. */
    async reschedule(executor: Executor, sessionId: string, dues: readonly FollowUpDue[]): Promise<void> {
      for (const due of dues) {
        await executor
          .update(followUps)
          .set({ dueOn: due.dueOn, updatedAt: new Date() })
          .where(
            and(
              eq(followUps.milestone, due.milestone),
              isNull(followUps.recordedAt),
              inArray(
                followUps.candidacyId,
                executor
                  .select({ id: candidacies.id })
                  .from(candidacies)
                  .where(eq(candidacies.sessionId, sessionId)),
              ),
            ),
          );
      }
    },

    async list(
      executor: Executor,
      query: {
        scope: LearnerScope;
        limit: number;
        after?: Keyset | undefined;
        today: string;
        overdueBefore: string;
        fabriqueId?: string | undefined;
        sessionId?: string | undefined;
        candidacyId?: string | undefined;
        milestone?: FollowUpRow['milestone'] | undefined;
        status?: FollowUpStatusFilter | undefined;
      },
    ): Promise<FollowUpWithLearner[]> {
      return selectWithLearner(executor)
        .where(
          and(
            learnerScopeFilter(query.scope),
            query.fabriqueId ? eq(followUps.fabriqueId, query.fabriqueId) : undefined,
            query.sessionId ? eq(candidacies.sessionId, query.sessionId) : undefined,
            query.candidacyId ? eq(followUps.candidacyId, query.candidacyId) : undefined,
            query.milestone ? eq(followUps.milestone, query.milestone) : undefined,
            statusFilter(query.status, query.today, query.overdueBefore),
            query.after
              ? or(
                  gt(followUps.dueOn, query.after.value),
                  and(eq(followUps.dueOn, query.after.value), gt(followUps.id, query.after.id)),
                )
              : undefined,
          ),
        )
        .orderBy(asc(followUps.dueOn), asc(followUps.id))
        .limit(query.limit + 1);
    },

    async findById(executor: Executor, id: string, lock = false): Promise<FollowUpWithLearner | undefined> {
      const base = selectWithLearner(executor).where(eq(followUps.id, id));
      const rows = lock ? await base.for('update', { of: followUps }) : await base;
      return rows[0];
    },

    async update(
      executor: Executor,
      id: string,
      changes: Partial<
        Pick<
          FollowUpRow,
          'situation' | 'situationKind' | 'placementId' | 'comment' | 'recordedBy' | 'recordedAt'
        >
      >,
      expectedVersion: number,
    ): Promise<FollowUpRow | undefined> {
      return updateVersioned(executor, followUps, id, changes, expectedVersion);
    },
  };
}

export type FollowUpRepository = ReturnType<typeof createFollowUpRepository>;
