import type { Actor } from '@passerelle/domain/auth/access';
import { checkPlacementFields } from '@passerelle/domain/placement/placement';
import type {
  CreatePlacement,
  Placement,
  PlacementListQuery,
  UpdatePlacement,
} from '@passerelle/domain/placement/placement.schema';
import { DomainError } from '@passerelle/domain/shared/errors';
import type { Database, Executor } from '../../../db/client.ts';
import type { AuditRepository } from '../audit/audit-repository.ts';
import { type AuthenticatedContext, auditMeta } from '../http/context.ts';
import { decodeCursor, toPage } from '../http/pagination.ts';
import { type ExpectedVersion, staleVersionError } from '../http/versioning.ts';
import type { PartnerRepository } from '../partners/partner-repository.ts';
import { recordEvent } from '../webhooks/webhook-outbox.ts';
import type {
  LearnerScope,
  PlacementChanges,
  PlacementRepository,
  PlacementWithLearner,
} from './placement-repository.ts';

/** Placements are the outcomes of learners: candidacies that enrolled. */
const LEARNER_STAGES: readonly string[] = ['enrolled', 'completed', 'dropped_out'];
const NO_SUCH_PLACEMENT = 'no such placement';

export function toPlacementDto(row: PlacementWithLearner): Placement {
  const { placement } = row;
  return {
    id: placement.id,
    candidacyId: placement.candidacyId,
    fabriqueId: placement.fabriqueId,
    sessionId: row.sessionId,
    learner: { firstName: row.firstName, lastName: row.lastName },
    kind: placement.kind,
    partnerId: placement.partnerId,
    partnerName: row.partnerName,
    employerName: placement.employerName,
    jobTitle: placement.jobTitle,
    startDate: placement.startDate,
    endDate: placement.endDate,
    durationMonths: placement.durationMonths,
    hasHiringPromise: placement.hasHiringPromise,
    isQualifyingTraining: placement.isQualifyingTraining,
    previousPlacementId: placement.previousPlacementId,
    version: placement.version,
    createdAt: placement.createdAt.toISOString(),
    updatedAt: placement.updatedAt.toISOString(),
  };
}

/**
 * Whose learners an actor reads and records outcomes for: admins all, coordinators their
 * fabriques, trainers the sessions they teach; viewers none (no personal data).
 */
export async function learnerScopeOf(
  executor: Executor,
  placements: PlacementRepository,
  actor: Actor,
): Promise<LearnerScope> {
  if (actor.role === 'viewer') throw new DomainError('forbidden', 'a viewer sees no personal data');
  if (actor.role === 'admin') return { fabriqueIds: 'all' };
  if (actor.role === 'coordinator') return { fabriqueIds: actor.fabriqueIds };
  return {
    fabriqueIds: actor.fabriqueIds,
    sessionIds: await placements.listTaughtSessionIds(executor, actor.id),
  };
}

export function isInLearnerScope(
  scope: LearnerScope,
  learner: { fabriqueId: string; sessionId: string },
): boolean {
  if (scope.fabriqueIds !== 'all' && !scope.fabriqueIds.includes(learner.fabriqueId)) return false;
  return !scope.sessionIds || scope.sessionIds.includes(learner.sessionId);
}

export function createPlacementService(deps: {
  db: Database;
  placements: PlacementRepository;
  partners: PartnerRepository;
  audit: AuditRepository;
}) {
  const { db, placements, partners, audit } = deps;

  async function findVisible(executor: Executor, actor: Actor, id: string, lock = false) {
    const scope = await learnerScopeOf(executor, placements, actor);
    const row = await placements.findById(executor, id, lock);
    if (
      !row ||
      !isInLearnerScope(scope, { fabriqueId: row.placement.fabriqueId, sessionId: row.sessionId })
    ) {
      throw new DomainError('not_found', NO_SUCH_PLACEMENT);
    }
    return row;
  }

  /** The references of a placement: the partner works with the fabrique, the previous one is the learner's. */
  async function checkReferences(
    executor: Executor,
    learner: { fabriqueId: string; candidateId: string },
    fields: { kind: string; partnerId: string | null; previousPlacementId: string | null },
    ownId?: string,
  ) {
    if (fields.partnerId) {
      const partner = await partners.findById(executor, fields.partnerId);
      if (!partner?.fabriqueIds.includes(learner.fabriqueId)) {
        throw new DomainError('rule_violated', `no partner ${fields.partnerId} working with this fabrique`);
      }
      if (fields.kind === 'incubation' && partner.kind !== 'incubator') {
        throw new DomainError('rule_violated', 'placement.incubator_required');
      }
    }
    if (fields.previousPlacementId) {
      const candidateId = await placements.findCandidateIdOfPlacement(executor, fields.previousPlacementId);
      if (candidateId !== learner.candidateId || fields.previousPlacementId === ownId) {
        throw new DomainError(
          'rule_violated',
          `previousPlacementId ${fields.previousPlacementId} is not another placement of this learner`,
        );
      }
    }
  }

  function checkRules(fields: Parameters<typeof checkPlacementFields>[0]) {
    const issue = checkPlacementFields(fields)[0];
    if (issue) throw new DomainError('rule_violated', issue.message);
  }

  async function insertPlacement(tx: Executor, context: AuthenticatedContext, input: CreatePlacement) {
    const scope = await learnerScopeOf(tx, placements, context.actor);
    const learner = await placements.findLearner(tx, input.candidacyId);
    if (!learner || !isInLearnerScope(scope, learner)) {
      throw new DomainError('not_found', 'no such candidacy');
    }
    if (!LEARNER_STAGES.includes(learner.stage)) {
      throw new DomainError(
        'rule_violated',
        `candidacy at stage ${learner.stage}: placements are for enrolled learners`,
      );
    }
    checkRules(input);
    await checkReferences(tx, learner, input);
    const row = await placements.insert(tx, {
      ...input,
      fabriqueId: learner.fabriqueId,
      hasHiringPromise: input.kind === 'internship' && input.hasHiringPromise,
    });
    await audit.record(tx, {
      ...auditMeta(context),
      action: 'placement.recorded',
      entityType: 'placement',
      entityId: row.id,
      fabriqueId: row.fabriqueId,
      details: { candidacyId: row.candidacyId, kind: row.kind },
    });
    await recordEvent(tx, {
      type: 'placement.recorded',
      fabriqueId: row.fabriqueId,
      data: {
        placementId: row.id,
        candidacyId: row.candidacyId,
        fabriqueId: row.fabriqueId,
        kind: row.kind,
        partnerId: row.partnerId,
        startDate: row.startDate,
      },
    });
    const created = await placements.findById(tx, row.id);
    if (!created) throw new Error('placement vanished');
    return toPlacementDto(created);
  }

  return {
    async listPlacements(actor: Actor, query: PlacementListQuery) {
      const scope = await learnerScopeOf(db, placements, actor);
      const rows = await placements.list(db, {
        scope,
        limit: query.limit,
        before: decodeCursor(query.cursor),
        candidacyId: query.candidacyId,
        sessionId: query.sessionId,
        fabriqueId: query.fabriqueId,
        partnerId: query.partnerId,
        kind: query.kind,
      });
      const page = toPage(
        rows.map((row) => ({ ...row, id: row.placement.id })),
        query.limit,
      );
      return { data: page.data.map(toPlacementDto), nextCursor: page.nextCursor };
    },

    async getPlacement(actor: Actor, id: string): Promise<Placement> {
      return toPlacementDto(await findVisible(db, actor, id));
    },

    /**
     * Records a learner's placement (the one place placements are created: the API and an accepted
     * offer proposal both come here). Runs inside `tx` when given.
     */
    async createPlacement(
      context: AuthenticatedContext,
      input: CreatePlacement,
      tx?: Executor,
    ): Promise<Placement> {
      if (tx) return insertPlacement(tx, context, input);
      return db.transaction((inner) => insertPlacement(inner, context, input));
    },

    /** Partial update; the merged placement is checked against the rules again (422). */
    async updatePlacement(
      context: AuthenticatedContext,
      id: string,
      input: UpdatePlacement,
      expected: ExpectedVersion | undefined,
    ): Promise<Placement> {
      const { version: _ignored, ...changes } = input;
      return db.transaction(async (tx) => {
        const before = await findVisible(tx, context.actor, id, true);
        const current = before.placement;
        if (expected && expected.version !== current.version)
          throw staleVersionError(expected, current.version);
        const merged = { ...current, ...changes };
        checkRules(merged);
        const learner = await placements.findLearner(tx, current.candidacyId);
        if (!learner) throw new DomainError('not_found', NO_SUCH_PLACEMENT);
        await checkReferences(tx, learner, merged, id);
        const values: PlacementChanges = {
          ...changes,
          hasHiringPromise: merged.kind === 'internship' && merged.hasHiringPromise,
        };
        const row = await placements.update(tx, id, values, current.version);
        if (!row)
          throw staleVersionError(expected ?? { version: current.version, source: 'body' }, current.version);
        await audit.record(tx, {
          ...auditMeta(context),
          action: 'placement.updated',
          entityType: 'placement',
          entityId: id,
          fabriqueId: row.fabriqueId,
          details: { changes },
        });
        await recordEvent(tx, {
          type: 'placement.updated',
          fabriqueId: row.fabriqueId,
          data: {
            placementId: id,
            candidacyId: row.candidacyId,
            fabriqueId: row.fabriqueId,
            kind: row.kind,
            changedFields: Object.keys(changes),
          },
        });
        const updated = await placements.findById(tx, id);
        if (!updated) throw new DomainError('not_found', NO_SUCH_PLACEMENT);
        return toPlacementDto(updated);
      });
    },
  };
}

export type PlacementService = ReturnType<typeof createPlacementService>;
