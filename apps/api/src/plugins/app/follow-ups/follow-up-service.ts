import type { Actor } from '@passerelle/domain/auth/access';
import { calendarDateInParis } from '@passerelle/domain/calendar/paris-date';
import {
  computeFollowUpSchedule,
  computeFollowUpStatus,
  overdueBefore,
  situationOfPlacement,
  situationWithoutPlacement,
} from '@passerelle/domain/follow-up/follow-up';
import {
  type FollowUp,
  type FollowUpListQuery,
  type RecordFollowUp,
  SituationSchema,
} from '@passerelle/domain/follow-up/follow-up.schema';
import { DomainError } from '@passerelle/domain/shared/errors';
import type { Database, Executor } from '../../../db/client.ts';
import type { AuditRepository } from '../audit/audit-repository.ts';
import { type AuthenticatedContext, auditMeta } from '../http/context.ts';
import { decodeKeyset, toKeysetPage } from '../http/keyset.ts';
import { type ExpectedVersion, staleVersionError } from '../http/versioning.ts';
import type { PlacementRepository } from '../placements/placement-repository.ts';
import { isInLearnerScope, learnerScopeOf } from '../placements/placement-service.ts';
import type { FollowUpRepository, FollowUpWithLearner } from './follow-up-repository.ts';

const NO_SUCH_FOLLOW_UP = 'no such follow-up';

export function toFollowUpDto(row: FollowUpWithLearner, today: string): FollowUp {
  const { followUp } = row;
  const situation = followUp.situation ? SituationSchema.safeParse(followUp.situation) : null;
  return {
    id: followUp.id,
    candidacyId: followUp.candidacyId,
    fabriqueId: followUp.fabriqueId,
    learner: { firstName: row.firstName, lastName: row.lastName },
    session: { id: row.sessionId, name: row.sessionName, endDate: row.sessionEndDate },
    milestone: followUp.milestone,
    dueOn: followUp.dueOn,
    status: computeFollowUpStatus({ dueOn: followUp.dueOn, isRecorded: followUp.recordedAt !== null, today }),
    situation: situation?.success ? situation.data : null,
    placementId: followUp.placementId,
    comment: followUp.comment,
    recordedBy: followUp.recordedBy,
    recordedAt: followUp.recordedAt?.toISOString() ?? null,
    version: followUp.version,
  };
}

/**
 * Follow-ups: scheduled when a learner enrols (and re-dated when the session's end moves),
 * listed as a to-do, recorded by coordinators and the learner's trainers.
 */
export function createFollowUpService(deps: {
  db: Database;
  followUps: FollowUpRepository;
  placements: PlacementRepository;
  audit: AuditRepository;
}) {
  const { db, followUps, placements, audit } = deps;

  return {
    /** Inside the enrolment's transaction: exit, +3, +6 and +12 months from the session's end. */
    async scheduleForLearner(
      tx: Executor,
      learner: { id: string; fabriqueId: string; sessionId: string },
    ): Promise<void> {
      const sessionEndDate = await followUps.findSessionEndDate(tx, learner.sessionId);
      if (!sessionEndDate) return;
      await followUps.schedule(
        tx,
        { candidacyId: learner.id, fabriqueId: learner.fabriqueId },
        computeFollowUpSchedule(sessionEndDate),
      );
    },

    /** Inside the session update's transaction, when its end date moved. */
    async rescheduleForSession(tx: Executor, sessionId: string, sessionEndDate: string): Promise<void> {
      await followUps.reschedule(tx, sessionId, computeFollowUpSchedule(sessionEndDate));
    },

    async listFollowUps(actor: Actor, query: FollowUpListQuery, now: Date = new Date()) {
      const scope = await learnerScopeOf(db, placements, actor);
      const today = calendarDateInParis(now);
      const rows = await followUps.list(db, {
        scope,
        limit: query.limit,
        after: decodeKeyset(query.cursor),
        today,
        overdueBefore: overdueBefore(today),
        fabriqueId: query.fabriqueId,
        sessionId: query.sessionId,
        candidacyId: query.candidacyId,
        milestone: query.milestone,
        status: query.status,
      });
      const page = toKeysetPage(
        rows.map((row) => ({ ...row, id: row.followUp.id })),
        query.limit,
        (row) => row.followUp.dueOn,
      );
      return { data: page.data.map((row) => toFollowUpDto(row, today)), nextCursor: page.nextCursor };
    },

    async getFollowUp(actor: Actor, id: string, now: Date = new Date()): Promise<FollowUp> {
      const scope = await learnerScopeOf(db, placements, actor);
      const row = await followUps.findById(db, id);
      if (
        !row ||
        !isInLearnerScope(scope, { fabriqueId: row.followUp.fabriqueId, sessionId: row.sessionId })
      ) {
        throw new DomainError('not_found', NO_SUCH_FOLLOW_UP);
      }
      return toFollowUpDto(row, calendarDateInParis(now));
    },

    /** Records (or corrects) the learner's situation: the placement held then, or none. */
    async recordFollowUp(
      context: AuthenticatedContext,
      id: string,
      input: RecordFollowUp,
      expected: ExpectedVersion | undefined,
      now: Date = new Date(),
    ): Promise<FollowUp> {
      return db.transaction(async (tx) => {
        const scope = await learnerScopeOf(tx, placements, context.actor);
        const before = await followUps.findById(tx, id, true);
        if (
          !before ||
          !isInLearnerScope(scope, { fabriqueId: before.followUp.fabriqueId, sessionId: before.sessionId })
        ) {
          throw new DomainError('not_found', NO_SUCH_FOLLOW_UP);
        }
        const current = before.followUp;
        if (expected && expected.version !== current.version)
          throw staleVersionError(expected, current.version);
        let situation = input.situationKind ? situationWithoutPlacement(input.situationKind) : null;
        if (input.placementId) {
          const placement = await placements.findById(tx, input.placementId);
          if (!placement || placement.placement.candidacyId !== current.candidacyId) {
            throw new DomainError(
              'rule_violated',
              `placement ${input.placementId} is not one of this learner’s`,
            );
          }
          situation = situationOfPlacement(placement.placement);
        }
        if (!situation) throw new DomainError('validation_failed', 'follow_up.placement_or_situation');
        const row = await followUps.update(
          tx,
          id,
          {
            situation,
            situationKind: situation.kind,
            placementId: input.placementId,
            comment: input.comment,
            recordedBy: context.actor.id,
            recordedAt: now,
          },
          current.version,
        );
        if (!row)
          throw staleVersionError(expected ?? { version: current.version, source: 'body' }, current.version);
        await audit.record(tx, {
          ...auditMeta(context),
          action: 'follow_up.recorded',
          entityType: 'follow_up',
          entityId: id,
          fabriqueId: row.fabriqueId,
          details: { milestone: row.milestone, situation, placementId: row.placementId },
        });
        return toFollowUpDto({ ...before, followUp: row }, calendarDateInParis(now));
      });
    },
  };
}

export type FollowUpService = ReturnType<typeof createFollowUpService>;
