import { type Actor, canAccessFabrique, visibleFabriqueIds } from '@passerelle/domain/auth/access';
import { calendarDateInParis } from '@passerelle/domain/calendar/paris-date';
import type { CandidacyStage } from '@passerelle/domain/candidacy/candidacy.schema';
import {
  COHORT_STAGES,
  type CompositionMember,
  computeComposition,
  SHORTLIST_STAGES,
} from '@passerelle/domain/composition/composition';
import {
  CRITERION_CODES,
  type CriterionCode,
  type CriterionStatus,
  type EligibilityRules,
} from '@passerelle/domain/eligibility/eligibility.schema';
import { formatMessage } from '@passerelle/domain/messages/messages';
import type { PublicSession } from '@passerelle/domain/session/public-session.schema';
import { checkSessionStatusMove } from '@passerelle/domain/session/session';
import {
  type CreateSession,
  type Session,
  type SessionStatusChange,
  type SessionTarget,
  SessionTargetSchema,
  type TargetCriterion,
  type UpdateSession,
  UpdateSessionSchema,
} from '@passerelle/domain/session/session.schema';
import type { SessionComposition } from '@passerelle/domain/session/session-composition.schema';
import type { PublicSessionQuery, SessionListQuery } from '@passerelle/domain/session/session-query.schema';
import { DomainError } from '@passerelle/domain/shared/errors';
import type { Database, Executor } from '../../../db/client.ts';
import type { AuditRepository } from '../audit/audit-repository.ts';
import type { EligibilityPolicyRepository } from '../eligibility-policies/eligibility-policy-repository.ts';
import type { FabriqueRepository } from '../fabriques/fabrique-repository.ts';
import type { FollowUpService } from '../follow-ups/follow-up-service.ts';
import { type AuthenticatedContext, auditMeta } from '../http/context.ts';
import { encodeCursor } from '../http/pagination.ts';
import { type ExpectedVersion, staleVersionError } from '../http/versioning.ts';
import type { ProgramRepository } from '../programs/program-repository.ts';
import { recordEvent } from '../webhooks/webhook-outbox.ts';
import type { SessionChanges, SessionRepository, SessionRow } from './session-repository.ts';

const NO_SUCH_SESSION = 'no such session';

export function toSessionDto(row: SessionRow, trainerIds: readonly string[]): Session {
  return {
    id: row.id,
    fabriqueId: row.fabriqueId,
    programId: row.programId,
    name: row.name,
    status: row.status,
    applicationOpensOn: row.applicationOpensOn,
    applicationClosesOn: row.applicationClosesOn,
    startDate: row.startDate,
    endDate: row.endDate,
    capacity: row.capacity,
    trainerIds: [...trainerIds],
    eligibilityPolicyId: row.eligibilityPolicyId,
    targets: parseTargets(row.targets),
    autoCloseAfterDays: row.autoCloseAfterDays,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function parseTargets(targets: unknown): SessionTarget[] {
  return SessionTargetSchema.array().catch([]).parse(targets);
}

/** Sessions are listed by start date; the cursor carries the last (startDate, id). */
function encodeSessionCursor(row: { startDate: string; id: string }): string {
  return encodeCursor(`${row.startDate}~${row.id}`);
}

function decodeSessionCursor(cursor: string | undefined): { startDate: string; id: string } | undefined {
  if (cursor === undefined) return undefined;
  const key = Buffer.from(cursor, 'base64url').toString('utf8');
  const match = /^(\d{4}-\d{2}-\d{2})~([0-9a-f-]{36})$/.exec(key);
  if (!match?.[1] || !match[2]) throw new DomainError('validation_failed', 'query.cursor: invalid cursor');
  return { startDate: match[1], id: match[2] };
}

function pageOf<T extends { startDate: string; id: string }>(rows: T[], limit: number) {
  const data = rows.slice(0, limit);
  const last = data.at(-1);
  return { data, nextCursor: rows.length > limit && last ? encodeSessionCursor(last) : null };
}

function enabledCriteria(rules: EligibilityRules): CriterionCode[] {
  return CRITERION_CODES.filter((code) => rules.criteria[code].enabled);
}

const CRITERION_STATUS_VALUES: readonly string[] = ['met', 'not_met', 'unknown'];

/** A group of the composition query as the member `computeComposition` expects. */
function toCompositionMember(group: {
  stage: CandidacyStage;
  criteriaMet: readonly string[];
  criterionStatuses: readonly string[];
}): CompositionMember {
  const criteria: Partial<Record<CriterionCode, CriterionStatus>> = {};
  for (const entry of group.criterionStatuses) {
    const [code, status] = entry.split(':');
    if (
      code &&
      status &&
      (CRITERION_CODES as readonly string[]).includes(code) &&
      CRITERION_STATUS_VALUES.includes(status)
    ) {
      criteria[code as CriterionCode] = status as CriterionStatus;
    }
  }
  // `criteria_met` is the latest word (it also holds criteria verified since the evaluation).
  for (const code of group.criteriaMet) {
    if ((CRITERION_CODES as readonly string[]).includes(code)) criteria[code as CriterionCode] = 'met';
  }
  return { stage: group.stage, criteria };
}

/**
 * Sessions: coordinators of the fabrique and admins write; trainers read the sessions they teach,
 * and only those; viewers read none (operational records; their aggregates are in reports).
 */
export function createSessionService(deps: {
  db: Database;
  sessions: SessionRepository;
  programs: ProgramRepository;
  policies: EligibilityPolicyRepository;
  fabriques: FabriqueRepository;
  audit: AuditRepository;
  followUps: Pick<FollowUpService, 'rescheduleForSession'>;
}) {
  const { db, sessions, programs, policies, fabriques, audit } = deps;

  async function canSeeSession(executor: Executor, actor: Actor, row: SessionRow): Promise<boolean> {
    if (!canAccessFabrique(actor, row.fabriqueId)) return false;
    if (actor.role === 'trainer') return sessions.isTrainerOf(executor, row.id, actor.id);
    return true;
  }

  async function getVisible(executor: Executor, actor: Actor, id: string): Promise<SessionRow> {
    const row = await sessions.findById(executor, id);
    if (!row || !(await canSeeSession(executor, actor, row)))
      throw new DomainError('not_found', NO_SUCH_SESSION);
    return row;
  }

  /** The session row locked for the rest of the transaction, for its writers only. */
  async function lockWritable(executor: Executor, actor: Actor, id: string): Promise<SessionRow> {
    const row = await sessions.lockForUpdate(executor, id);
    if (!row || !canAccessFabrique(actor, row.fabriqueId))
      throw new DomainError('not_found', NO_SUCH_SESSION);
    if (actor.role !== 'admin' && actor.role !== 'coordinator') {
      throw new DomainError(
        'forbidden',
        'only a coordinator of the fabrique or an admin may change a session',
      );
    }
    return row;
  }

  async function checkReferences(
    executor: Executor,
    fabriqueId: string,
    refs: {
      programId?: string | undefined;
      eligibilityPolicyId?: string | undefined;
      trainerIds?: string[] | undefined;
    },
  ) {
    if (refs.programId) {
      const program = await programs.findById(executor, refs.programId);
      if (!program || (program.fabriqueId !== null && program.fabriqueId !== fabriqueId)) {
        throw new DomainError('rule_violated', `no program ${refs.programId} for this fabrique`);
      }
    }
    if (refs.eligibilityPolicyId && !(await policies.findById(executor, refs.eligibilityPolicyId))) {
      throw new DomainError('rule_violated', `no eligibility policy ${refs.eligibilityPolicyId}`);
    }
    if (refs.trainerIds && refs.trainerIds.length > 0) {
      const wanted = [...new Set(refs.trainerIds)];
      const found = new Set(await sessions.findTrainersOfFabrique(executor, fabriqueId, wanted));
      const missing = wanted.filter((id) => !found.has(id));
      if (missing.length > 0) {
        throw new DomainError('rule_violated', 'session.trainer_not_in_fabrique');
      }
    }
  }

  async function toDto(executor: Executor, row: SessionRow): Promise<Session> {
    return toSessionDto(row, await sessions.listTrainerIds(executor, row.id));
  }

  return {
    async listSessions(actor: Actor, query: SessionListQuery) {
      if (actor.role === 'viewer') {
        throw new DomainError('forbidden', 'viewers read aggregated reports, not sessions');
      }
      const rows = await sessions.list(db, {
        limit: query.limit,
        after: decodeSessionCursor(query.cursor),
        visibleFabriqueIds: visibleFabriqueIds(actor),
        trainerId: actor.role === 'trainer' ? actor.id : undefined,
        fabriqueId: query.fabriqueId,
        programId: query.programId,
        status: query.status,
        from: query.from,
        to: query.to,
      });
      const page = pageOf(rows, query.limit);
      const trainers = await sessions.listTrainerIdsBySession(
        db,
        page.data.map((row) => row.id),
      );
      return {
        data: page.data.map((row) => toSessionDto(row, trainers.get(row.id) ?? [])),
        nextCursor: page.nextCursor,
      };
    },

    async getSession(actor: Actor, id: string): Promise<Session> {
      return toDto(db, await getVisible(db, actor, id));
    },

    /** New sessions start as drafts. */
    async createSession(context: AuthenticatedContext, input: CreateSession): Promise<Session> {
      const { actor } = context;
      if (
        actor.role !== 'admin' &&
        !(actor.role === 'coordinator' && canAccessFabrique(actor, input.fabriqueId))
      ) {
        throw new DomainError(
          'forbidden',
          'sessions are created by a coordinator of the fabrique or an admin',
        );
      }
      const { trainerIds, ...values } = input;
      return db.transaction(async (tx) => {
        if (!(await fabriques.findById(tx, input.fabriqueId))) {
          throw new DomainError('rule_violated', `no fabrique ${input.fabriqueId}`);
        }
        await checkReferences(tx, input.fabriqueId, input);
        const row = await sessions.insert(tx, { ...values, status: 'draft' });
        await sessions.replaceTrainers(tx, row.id, trainerIds);
        const dto = await toDto(tx, row);
        await audit.record(tx, {
          ...auditMeta(context),
          action: 'session.created',
          entityType: 'session',
          entityId: row.id,
          fabriqueId: row.fabriqueId,
          details: { after: dto },
        });
        return dto;
      });
    },

    /** Dates are re-checked together with the stored ones; capacity never drops below the places taken. */
    async updateSession(
      context: AuthenticatedContext,
      id: string,
      input: UpdateSession,
      expected: ExpectedVersion | undefined,
    ): Promise<Session> {
      const { version: _ignored, trainerIds, ...changes } = input;
      return db.transaction(async (tx) => {
        const before = await lockWritable(tx, context.actor, id);
        if (expected && expected.version !== before.version)
          throw staleVersionError(expected, before.version);
        const dates = UpdateSessionSchema.safeParse({
          applicationOpensOn: changes.applicationOpensOn ?? before.applicationOpensOn,
          applicationClosesOn: changes.applicationClosesOn ?? before.applicationClosesOn,
          startDate: changes.startDate ?? before.startDate,
          endDate: changes.endDate ?? before.endDate,
        });
        if (!dates.success) {
          throw new DomainError('rule_violated', dates.error.issues[0]?.message ?? 'session.dates_inverted');
        }
        await checkReferences(tx, before.fabriqueId, { ...changes, trainerIds });
        if (changes.capacity !== undefined) {
          const taken = await sessions.countOccupiedPlaces(tx, id);
          if (changes.capacity < taken) {
            // A catalogue key: the API localises it, so the form can show it as is.
            throw new DomainError('rule_violated', 'session.capacity_below_taken');
          }
        }
        const row = await sessions.update(tx, id, changes satisfies SessionChanges, before.version);
        if (!row)
          throw staleVersionError(expected ?? { version: before.version, source: 'body' }, before.version);
        if (trainerIds) await sessions.replaceTrainers(tx, id, trainerIds);
        if (row.endDate !== before.endDate) await deps.followUps.rescheduleForSession(tx, id, row.endDate);
        await audit.record(tx, {
          ...auditMeta(context),
          action: 'session.updated',
          entityType: 'session',
          entityId: id,
          fabriqueId: row.fabriqueId,
          details: { changes: trainerIds ? { ...changes, trainerIds } : changes },
        });
        return toDto(tx, row);
      });
    },

    async moveSessionStatus(
      context: AuthenticatedContext,
      id: string,
      input: SessionStatusChange,
      expected: ExpectedVersion,
    ): Promise<Session> {
      return db.transaction(async (tx) => {
        const before = await lockWritable(tx, context.actor, id);
        if (expected.version !== before.version) throw staleVersionError(expected, before.version);
        const check = checkSessionStatusMove(before.status, input.to);
        if (!check.allowed) {
          throw new DomainError('conflict', `session.${check.refusal}`);
        }
        const row = await sessions.update(tx, id, { status: input.to }, before.version);
        if (!row) throw staleVersionError(expected, before.version);
        await audit.record(tx, {
          ...auditMeta(context),
          action: 'session.status_changed',
          entityType: 'session',
          entityId: id,
          fabriqueId: row.fabriqueId,
          details: { from: before.status, to: input.to, comment: input.comment ?? null },
        });
        await recordEvent(tx, {
          type: 'session.status_changed',
          fabriqueId: row.fabriqueId,
          data: { sessionId: id, fabriqueId: row.fabriqueId, from: before.status, to: input.to },
        });
        return toDto(tx, row);
      });
    },

    async getComposition(actor: Actor, id: string): Promise<SessionComposition> {
      const row = await getVisible(db, actor, id);
      const policy = await policies.findVersion(db, row.eligibilityPolicyId);
      const targets = parseTargets(row.targets);
      const groups = await sessions.compositionGroups(db, id, [...COHORT_STAGES, ...SHORTLIST_STAGES]);
      const members: CompositionMember[] = [];
      for (const group of groups) {
        const member = toCompositionMember(group);
        for (let index = 0; index < group.count; index += 1) members.push(member);
      }
      const criteria: TargetCriterion[] = [...(policy ? enabledCriteria(policy.rules) : []), 'any_priority'];
      const composition = computeComposition(members, targets, criteria);
      const cohortSize = members.filter((member) => COHORT_STAGES.includes(member.stage)).length;
      return {
        sessionId: row.id,
        capacity: row.capacity,
        cohortSize,
        projectedSize: members.length,
        criteria: (Object.keys(composition.current) as TargetCriterion[]).map((criterion) => ({
          criterion,
          current: composition.current[criterion],
          projected: composition.projected[criterion],
        })),
        targets: composition.targets.map((progress) => ({
          criterion: progress.target.criterion,
          minShare: progress.target.minShare,
          current: progress.current,
          projected: progress.projected,
          status: progress.status,
        })),
      };
    },

    /** Sessions taking applications today (Europe/Paris), for a public site: no personal data. */
    async listPublicSessions(query: PublicSessionQuery, now: Date = new Date()) {
      const rows = await sessions.listOpen(db, {
        today: calendarDateInParis(now),
        limit: query.limit,
        after: decodeSessionCursor(query.cursor),
        fabriqueId: query.fabriqueId,
        programId: query.programId,
      });
      const page = pageOf(
        rows.map((row) => ({ ...row, id: row.session.id, startDate: row.session.startDate })),
        query.limit,
      );
      return { data: page.data.map(toPublicSession), nextCursor: page.nextCursor };
    },
  };
}

function toPublicSession(row: {
  session: SessionRow;
  fabriqueName: string;
  fabriqueCity: string;
  programTitle: string;
  programKind: 'qualifying_free' | 'certifying_paid';
  programDurationHours: number;
  rules: EligibilityRules;
  taken: number;
}): PublicSession {
  const { session, rules } = row;
  return {
    id: session.id,
    name: session.name,
    fabrique: { id: session.fabriqueId, name: row.fabriqueName, city: row.fabriqueCity },
    program: {
      id: session.programId,
      title: row.programTitle,
      kind: row.programKind,
      durationHours: row.programDurationHours,
    },
    applicationOpensOn: session.applicationOpensOn,
    applicationClosesOn: session.applicationClosesOn,
    startDate: session.startDate,
    endDate: session.endDate,
    capacity: session.capacity,
    placesLeft: Math.max(0, session.capacity - row.taken),
    eligibility: {
      criteria: enabledCriteria(rules).map((code) => ({
        code,
        labels: {
          fr: formatMessage({ key: `criterion.${code}` }, 'fr'),
          en: formatMessage({ key: `criterion.${code}` }, 'en'),
        },
        sufficientAlone: rules.criteria[code].sufficientAlone,
        isRequired: rules.requiredCriteria.includes(code),
      })),
      minCriteria: rules.minCriteria,
      minAge: rules.minAge,
      maxAge: rules.maxAge,
      rules,
    },
  };
}

export type SessionService = ReturnType<typeof createSessionService>;
