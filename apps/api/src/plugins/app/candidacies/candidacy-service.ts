import type { Actor } from '@passerelle/domain/auth/access';
import { addDays } from '@passerelle/domain/calendar/calendar';
import { calendarDateInParis } from '@passerelle/domain/calendar/paris-date';
import {
  type CandidacyMoveRefusal,
  type CandidacyMoveRequest,
  checkCandidacyMove,
  isEligibilityFrozen,
  listCandidaciesToFlag,
} from '@passerelle/domain/candidacy/candidacy';
import {
  type CandidacyStage,
  REJECTION_REASONS,
  type Rejection,
  type RejectionReason,
  WITHDRAWAL_REASONS,
  type WithdrawalReason,
} from '@passerelle/domain/candidacy/candidacy.schema';
import type {
  BulkTransitionResult,
  CandidacyBulkTransition,
  CandidacyDetail,
  CandidacyEvent,
  CandidacyListItem,
  CandidacyListQuery,
  CandidacyNote,
  CandidacySort,
  CandidacyTransition,
  CreateCandidacyNote,
  CreateCandidacyScorecard,
  FactVerification,
  PutEligibilityDecision,
  UpdateCandidacy,
} from '@passerelle/domain/candidacy/candidacy-pipeline.schema';
import type {
  Address,
  Candidate,
  CandidateFacts,
  CandidateSource,
} from '@passerelle/domain/candidate/candidate.schema';
import type {
  CriterionCode,
  EligibilityDecision,
  EligibilityEvaluation,
} from '@passerelle/domain/eligibility/eligibility.schema';
import { type Scorecard, sumScores } from '@passerelle/domain/scorecard/scorecard.schema';
import { DomainError } from '@passerelle/domain/shared/errors';
import type { Database, Executor } from '../../../db/client.ts';
import { isUniqueViolation } from '../../../db/errors.ts';
import type { AuditRepository } from '../audit/audit-repository.ts';
import { normaliseSearchQuery } from '../candidates/candidate-search.ts';
import type { FollowUpService } from '../follow-ups/follow-up-service.ts';
import { type AuthenticatedContext, auditMeta } from '../http/context.ts';
import { decodeCursor, encodeCursor, toPage } from '../http/pagination.ts';
import { type ExpectedVersion, staleVersionError } from '../http/versioning.ts';
import { isPartnerOfFabrique } from '../partners/partner-repository.ts';
import { recordEvent } from '../webhooks/webhook-outbox.ts';
import type {
  CandidacyChanges,
  CandidacyEventRow,
  CandidacyNoteRow,
  CandidacyRepository,
  CandidacyRow,
  CandidacyScope,
  CandidateRow,
  ListCursor,
  NewCandidacyEvent,
  ScorecardRow,
} from './candidacy-repository.ts';
import { evaluateCandidacyEligibility } from './eligibility-evaluator.ts';

/** A trainer's learners: candidacies of the sessions they teach, from admission on. */
const LEARNER_STAGES: readonly CandidacyStage[] = ['admitted', 'enrolled', 'completed', 'dropped_out'];
const LATEST_EVENTS = 20;

const CONFLICT_REFUSALS: readonly CandidacyMoveRefusal[] = [
  'same_stage',
  'final_stage',
  'move_not_allowed',
  'session_full',
];

const notFound = () => new DomainError('not_found', 'no such candidacy');

// ---------------------------------------------------------------------------------------------
// Row → DTO

const iso = (value: Date) => value.toISOString();

function toListItem(row: {
  candidacy: CandidacyRow;
  candidate: CandidacyListItem['candidate'];
  session: CandidacyListItem['session'];
}): CandidacyListItem {
  const { candidacy } = row;
  const decision = candidacy.eligibilityDecision as EligibilityDecision | null;
  return {
    id: candidacy.id,
    sessionId: candidacy.sessionId,
    candidateId: candidacy.candidateId,
    fabriqueId: candidacy.fabriqueId,
    stage: candidacy.stage,
    applicationDate: candidacy.applicationDate,
    submittedAt: iso(candidacy.submittedAt),
    stageChangedAt: iso(candidacy.stageChangedAt),
    source: candidacy.source,
    eligibilityStatus: candidacy.eligibilityStatus,
    eligibilityDecisionStatus: decision?.status ?? null,
    criteriaMet: candidacy.criteriaMet as CriterionCode[],
    isFlaggedEnrolledElsewhere: candidacy.isFlaggedEnrolledElsewhere,
    version: candidacy.version,
    candidate: row.candidate,
    session: row.session,
  };
}

function toEventDto(row: CandidacyEventRow): CandidacyEvent {
  return {
    id: row.id,
    candidacyId: row.candidacyId,
    occurredAt: iso(row.occurredAt),
    actorType: row.actorType,
    actorId: row.actorId,
    type: row.type,
    fromStage: row.fromStage as CandidacyStage | null,
    toStage: row.toStage as CandidacyStage | null,
    details: row.details ?? null,
    requestId: row.requestId,
  };
}

function toScorecardDto(row: ScorecardRow): Scorecard {
  return {
    id: row.id,
    candidacyId: row.candidacyId,
    step: row.step,
    scores: row.scores as Scorecard['scores'],
    total: Number(row.total),
    maxTotal: Number(row.maxTotal),
    recommendation: row.recommendation,
    comment: row.comment,
    evaluatorId: row.evaluatorId,
    evaluatedAt: iso(row.evaluatedAt),
    version: row.version,
  };
}

function toNoteDto(row: CandidacyNoteRow): CandidacyNote {
  return {
    id: row.id,
    candidacyId: row.candidacyId,
    authorId: row.authorId,
    body: row.body,
    createdAt: iso(row.createdAt),
  };
}

/** RQTH is health data: only admins and the candidacy's coordinators see it. */
function toCandidateDto(row: CandidateRow, actor: Actor): Candidate {
  const candidate: Candidate = {
    id: row.id,
    firstName: row.firstName,
    lastName: row.lastName,
    email: row.email,
    phone: row.phone,
    address: (row.address as Address | null) ?? null,
    facts: row.facts as CandidateFacts,
    source: (row.source as CandidateSource | null) ?? null,
    consent: row.consent as Candidate['consent'],
    version: row.version,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
  if (actor.role === 'admin' || actor.role === 'coordinator')
    candidate.disabilityRecognition = row.disabilityRecognition;
  return candidate;
}

// ---------------------------------------------------------------------------------------------
// Cursors: the sort they belong to, the exact sort value and the id, opaque to clients

function encodeKeysetCursor(sort: string, key: ListCursor): string {
  return encodeCursor(JSON.stringify([sort, key.value, key.id]));
}

function decodeKeysetCursor(sort: string, cursor: string | undefined): ListCursor | undefined {
  if (cursor === undefined) return undefined;
  const invalid = new DomainError('validation_failed', 'query.cursor: invalid cursor');
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid;
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 3 ||
    parsed[0] !== sort ||
    typeof parsed[1] !== 'string' ||
    typeof parsed[2] !== 'string' ||
    !/^[0-9a-f-]{36}$/.test(parsed[2])
  )
    throw invalid;
  if (sort.endsWith('At') && Number.isNaN(Date.parse(parsed[1]))) throw invalid;
  return { value: parsed[1], id: parsed[2] };
}

function toKeysetPage<T, R>(
  rows: (T & { sortValue: string })[],
  limit: number,
  sort: string,
  idOf: (row: T) => string,
  map: (row: T) => R,
) {
  const data = rows.slice(0, limit);
  const last = data.at(-1);
  return {
    data: data.map(map),
    nextCursor:
      rows.length > limit && last
        ? encodeKeysetCursor(sort, { value: last.sortValue, id: idOf(last) })
        : null,
  };
}

// ---------------------------------------------------------------------------------------------
// Dates of the `submittedFrom` / `submittedTo` filters

/** The instant a calendar day starts in Europe/Paris. */
function startOfParisDay(date: string): Date {
  const utcMidnight = new Date(`${date}T00:00:00Z`);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Paris',
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    })
      .formatToParts(utcMidnight)
      .map((part) => [part.type, part.value]),
  );
  const parisWallClock = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
  );
  return new Date(utcMidnight.getTime() - (parisWallClock - utcMidnight.getTime()));
}

const isCalendarDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

// ---------------------------------------------------------------------------------------------
// Moves

interface MoveInput {
  to: CandidacyStage;
  reason?: string | undefined;
  rejection?: Rejection | undefined;
  withdrawalReason?: WithdrawalReason | undefined;
  comment?: string | undefined;
  shareReasonWithCandidate?: boolean | undefined;
}

/** Reads api.md's `reason` shortcut into the domain's rejection or withdrawal reason. */
function resolveMoveReasons(input: MoveInput): {
  rejection?: Rejection;
  withdrawalReason?: WithdrawalReason;
} {
  let rejection = input.rejection;
  let withdrawalReason = input.withdrawalReason;
  if (input.to === 'rejected' && !rejection && input.reason) {
    if (!(REJECTION_REASONS as readonly string[]).includes(input.reason))
      throw new DomainError('validation_failed', 'body.reason: not a rejection reason');
    rejection = {
      reason: input.reason as RejectionReason,
      comment: input.comment,
      isSharedWithCandidate: false,
    };
  }
  if (input.to === 'withdrawn' && !withdrawalReason && input.reason) {
    if (!(WITHDRAWAL_REASONS as readonly string[]).includes(input.reason))
      throw new DomainError('validation_failed', 'body.reason: not a withdrawal reason');
    withdrawalReason = input.reason as WithdrawalReason;
  }
  if (rejection) {
    rejection = {
      ...rejection,
      comment: rejection.comment ?? input.comment,
      isSharedWithCandidate: input.shareReasonWithCandidate ?? rejection.isSharedWithCandidate,
    };
    if (rejection.comment === undefined) delete rejection.comment;
  }
  return {
    ...(input.to === 'rejected' && rejection ? { rejection } : {}),
    ...(input.to === 'withdrawn' && withdrawalReason ? { withdrawalReason } : {}),
  };
}

function refusalError(refusal: CandidacyMoveRefusal): DomainError {
  return new DomainError(
    CONFLICT_REFUSALS.includes(refusal) ? 'conflict' : 'rule_violated',
    `candidacy.move.${refusal}`,
  );
}

function requireManager(actor: Actor): void {
  if (actor.role !== 'admin' && actor.role !== 'coordinator')
    throw new DomainError('forbidden', 'only a coordinator or an admin may change a candidacy');
}

function requireEvaluator(actor: Actor): void {
  if (actor.role === 'viewer') throw new DomainError('forbidden', 'a viewer sees no personal data');
}

// ---------------------------------------------------------------------------------------------

export function createCandidacyService(deps: {
  db: Database;
  candidacies: CandidacyRepository;
  audit: AuditRepository;
  /** Enrolment schedules the learner's follow-ups in the same transaction. */
  followUps: Pick<FollowUpService, 'scheduleForLearner'>;
}) {
  const { db, candidacies: repository, audit } = deps;

  /** Viewers see no personal data: every candidacy endpoint is closed to them. */
  async function scopeOf(executor: Executor, actor: Actor): Promise<CandidacyScope> {
    if (actor.role === 'viewer') throw new DomainError('forbidden', 'a viewer sees no personal data');
    if (actor.role === 'admin') return { kind: 'all' };
    if (actor.role === 'coordinator') return { kind: 'fabriques', fabriqueIds: actor.fabriqueIds };
    return {
      kind: 'learners',
      fabriqueIds: actor.fabriqueIds,
      sessionIds: await repository.listTaughtSessionIds(executor, actor.id),
      stages: LEARNER_STAGES,
    };
  }

  function isInScope(
    scope: CandidacyScope,
    row: { fabriqueId: string; sessionId: string; stage: CandidacyStage },
  ): boolean {
    if (scope.kind === 'all') return true;
    if (!scope.fabriqueIds.includes(row.fabriqueId)) return false;
    if (scope.kind === 'fabriques') return true;
    return scope.sessionIds.includes(row.sessionId) && scope.stages.includes(row.stage);
  }

  async function findVisible(executor: Executor, scope: CandidacyScope, id: string, lock = false) {
    const row = lock ? await repository.lockById(executor, id) : await repository.findById(executor, id);
    if (!row || !isInScope(scope, row)) throw notFound();
    return row;
  }

  function checkVersion(row: CandidacyRow, expected: ExpectedVersion | undefined): void {
    if (expected && expected.version !== row.version) throw staleVersionError(expected, row.version);
  }

  function eventOf(
    context: AuthenticatedContext,
    event: Omit<NewCandidacyEvent, 'actorType' | 'actorId' | 'requestId'>,
  ): NewCandidacyEvent {
    const meta = auditMeta(context);
    return { ...event, actorType: meta.actorType, actorId: meta.actorId, requestId: meta.requestId };
  }

  async function recordAudit(
    executor: Executor,
    context: AuthenticatedContext,
    row: { id: string; fabriqueId: string },
    action: string,
    details: Record<string, unknown>,
  ) {
    await audit.record(executor, {
      ...auditMeta(context),
      action,
      entityType: 'candidacy',
      entityId: row.id,
      fabriqueId: row.fabriqueId,
      details,
    });
  }

  /**
   * A candidate's facts changed: every candidacy of theirs whose evaluation is not frozen is
   * evaluated again with its session's policy. Returns the new columns of `current`.
   */
  async function reevaluateCandidacies(
    tx: Executor,
    context: AuthenticatedContext,
    current: CandidacyRow,
    facts: CandidateFacts,
    trigger: string,
  ): Promise<CandidacyChanges> {
    const others = await repository.listCandidaciesOfCandidate(tx, current.candidateId);
    let ownChanges: CandidacyChanges = {};
    for (const candidacy of others) {
      if (isEligibilityFrozen(candidacy.stage)) continue;
      const columns = await evaluateCandidacyEligibility(tx, {
        session: candidacy.sessionId,
        facts,
        applicationDate: candidacy.applicationDate,
      });
      if (candidacy.id === current.id) {
        ownChanges = columns;
        continue;
      }
      await repository.update(tx, candidacy.id, columns);
      await repository.insertEvents(tx, [
        eventOf(context, {
          candidacyId: candidacy.id,
          type: 'eligibility_evaluated',
          details: { status: columns.eligibilityStatus, trigger, viaCandidacyId: current.id },
        }),
      ]);
    }
    if (ownChanges.eligibilityStatus !== undefined) {
      await repository.insertEvents(tx, [
        eventOf(context, {
          candidacyId: current.id,
          type: 'eligibility_evaluated',
          details: {
            status: ownChanges.eligibilityStatus,
            previousStatus: current.eligibilityStatus,
            trigger,
          },
        }),
      ]);
    }
    return ownChanges;
  }

  /**
   * One move in its own transaction. Admitting locks the session row first, so concurrent
   * admissions to the same session count admitted + enrolled one after the other.
   */
  async function moveOne(
    context: AuthenticatedContext,
    scope: CandidacyScope,
    id: string,
    input: MoveInput,
    expected: ExpectedVersion | undefined,
  ): Promise<CandidacyRow> {
    const reasons = resolveMoveReasons(input);
    try {
      return await db.transaction(async (tx) => {
        const found = await findVisible(tx, scope, id);
        let places: CandidacyMoveRequest['places'];
        if (input.to === 'admitted') {
          const session = await repository.lockSession(tx, found.sessionId);
          if (!session) throw notFound();
          places = {
            capacity: session.capacity,
            admittedOrEnrolled: await repository.countAdmittedOrEnrolled(tx, found.sessionId),
          };
        }
        const current = await findVisible(tx, scope, id, true);
        checkVersion(current, expected);
        const check = checkCandidacyMove({
          from: current.stage,
          to: input.to,
          rejection: reasons.rejection,
          withdrawalReason: reasons.withdrawalReason,
          comment: input.comment,
          places,
        });
        if (!check.allowed) throw refusalError(check.refusal);

        const now = new Date();
        const row = await repository.update(tx, id, {
          stage: input.to,
          stageChangedAt: now,
          rejection: reasons.rejection ?? null,
          withdrawalReason: reasons.withdrawalReason ?? null,
        });
        const decision = current.eligibilityDecision as EligibilityDecision | null;
        const eligibility = current.eligibility as EligibilityEvaluation | null;
        const details = {
          rejection: reasons.rejection ?? null,
          withdrawalReason: reasons.withdrawalReason ?? null,
          comment: input.comment ?? null,
          // The eligibility as it stood when the decision was taken.
          eligibility: {
            status: current.eligibilityStatus,
            policyId: eligibility?.policyId ?? null,
            policyVersion: eligibility?.policyVersion ?? null,
            criteriaMet: current.criteriaMet,
            decision: decision ? { status: decision.status, reason: decision.reason } : null,
          },
        };
        await repository.insertEvents(tx, [
          eventOf(context, {
            candidacyId: id,
            type: 'stage_changed',
            fromStage: current.stage,
            toStage: input.to,
            occurredAt: now,
            details,
          }),
        ]);
        await recordAudit(tx, context, row, 'candidacy.stage_changed', {
          from: current.stage,
          to: input.to,
          rejection: details.rejection,
          withdrawalReason: details.withdrawalReason,
          comment: details.comment,
        });
        await recordEvent(tx, {
          type: 'candidacy.stage_changed',
          fabriqueId: row.fabriqueId,
          occurredAt: now,
          data: {
            candidacyId: id,
            candidateId: row.candidateId,
            sessionId: row.sessionId,
            fabriqueId: row.fabriqueId,
            from: current.stage,
            to: input.to,
            rejectionReason: reasons.rejection?.reason ?? null,
            changedAt: now.toISOString(),
          },
        });
        if (input.to === 'enrolled') {
          await flagOtherCandidacies(tx, context, row);
          await deps.followUps.scheduleForLearner(tx, row);
        }
        return row;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new DomainError('conflict', 'candidacy.move.open_candidacy_exists');
      throw error;
    }
  }

  /** The candidate enrolled here: their other open candidacies are flagged, not rejected. */
  async function flagOtherCandidacies(tx: Executor, context: AuthenticatedContext, enrolled: CandidacyRow) {
    const all = await repository.listCandidaciesOfCandidate(tx, enrolled.candidateId);
    for (const other of listCandidaciesToFlag(all, enrolled.id)) {
      const row = await repository.update(tx, other.id, { isFlaggedEnrolledElsewhere: true });
      const details = { enrolledCandidacyId: enrolled.id, enrolledSessionId: enrolled.sessionId };
      await repository.insertEvents(tx, [
        eventOf(context, { candidacyId: other.id, type: 'flagged_enrolled_elsewhere', details }),
      ]);
      await recordAudit(tx, context, row, 'candidacy.flagged_enrolled_elsewhere', details);
    }
  }

  async function buildDetail(executor: Executor, actor: Actor, scope: CandidacyScope, row: CandidacyRow) {
    const [candidate, session, scorecardRows, eventRows, others] = await Promise.all([
      repository.findCandidate(executor, row.candidateId),
      repository.findSession(executor, row.sessionId),
      repository.listScorecards(executor, row.id),
      repository.listEvents(executor, row.id, { limit: LATEST_EVENTS }),
      repository.listOtherCandidaciesOfCandidate(executor, row.candidateId, row.id),
    ]);
    if (!candidate || !session) throw notFound();
    const detail: CandidacyDetail = {
      id: row.id,
      sessionId: row.sessionId,
      candidateId: row.candidateId,
      fabriqueId: row.fabriqueId,
      stage: row.stage,
      applicationDate: row.applicationDate,
      submittedAt: iso(row.submittedAt),
      stageChangedAt: iso(row.stageChangedAt),
      source: row.source,
      referrerPartnerId: row.referrerPartnerId,
      answers: row.answers as CandidacyDetail['answers'],
      rejection: (row.rejection as Rejection | null) ?? null,
      withdrawalReason: (row.withdrawalReason as WithdrawalReason | null) ?? null,
      eligibility: (row.eligibility as EligibilityEvaluation | null) ?? null,
      eligibilityStatus: row.eligibilityStatus,
      eligibilityInputs: (row.eligibilityInputs as CandidateFacts | null) ?? null,
      eligibilityDecision: (row.eligibilityDecision as EligibilityDecision | null) ?? null,
      isEligibilityFrozen: isEligibilityFrozen(row.stage),
      criteriaMet: row.criteriaMet as CriterionCode[],
      isFlaggedEnrolledElsewhere: row.isFlaggedEnrolledElsewhere,
      version: row.version,
      createdAt: iso(row.createdAt),
      updatedAt: iso(row.updatedAt),
      candidate: toCandidateDto(candidate, actor),
      session: {
        id: session.id,
        name: session.name,
        fabriqueId: session.fabriqueId,
        capacity: session.capacity,
      },
      scorecards: scorecardRows.map(toScorecardDto),
      latestEvents: eventRows.slice(0, LATEST_EVENTS).map((entry) => toEventDto(entry.event)),
      duplicates: others
        .filter((other) => isInScope(scope, other))
        .map((other) => ({ ...other, submittedAt: iso(other.submittedAt) })),
    };
    return detail;
  }

  return {
    async listCandidacies(actor: Actor, query: CandidacyListQuery) {
      const scope = await scopeOf(db, actor);
      const sort: CandidacySort = query.sort;
      const submittedFrom = query.submittedFrom
        ? isCalendarDate(query.submittedFrom)
          ? startOfParisDay(query.submittedFrom)
          : new Date(query.submittedFrom)
        : undefined;
      const submittedTo = query.submittedTo
        ? isCalendarDate(query.submittedTo)
          ? new Date(startOfParisDay(addDays(query.submittedTo, 1)).getTime() - 1)
          : new Date(query.submittedTo)
        : undefined;
      const search = query.q ? normaliseSearchQuery(query.q) : undefined;
      const rows = await repository.list(db, {
        scope,
        limit: query.limit,
        after: decodeKeysetCursor(sort, query.cursor),
        sort,
        sessionId: query.sessionId,
        fabriqueId: query.fabriqueId,
        stages: query.stage,
        eligible: query.eligible,
        criterion: query.criterion,
        source: query.source,
        search: search === '' ? undefined : search,
        submittedFrom,
        submittedTo,
      });
      return toKeysetPage(rows, query.limit, sort, (row) => row.candidacy.id, toListItem);
    },

    async getCandidacy(actor: Actor, id: string): Promise<CandidacyDetail> {
      const scope = await scopeOf(db, actor);
      const row = await findVisible(db, scope, id);
      return buildDetail(db, actor, scope, row);
    },

    async updateCandidacy(
      context: AuthenticatedContext,
      id: string,
      input: UpdateCandidacy,
      expected: ExpectedVersion | undefined,
    ): Promise<CandidacyDetail> {
      const scope = await scopeOf(db, context.actor);
      requireManager(context.actor);
      const row = await db.transaction(async (tx) => {
        const current = await findVisible(tx, scope, id, true);
        checkVersion(current, expected);
        const changes: CandidacyChanges = {};
        if (input.answers !== undefined) changes.answers = input.answers;
        if (input.source !== undefined) changes.source = input.source;
        if (input.referrerPartnerId !== undefined) {
          if (
            input.referrerPartnerId &&
            !(await isPartnerOfFabrique(tx, input.referrerPartnerId, current.fabriqueId))
          ) {
            throw new DomainError(
              'rule_violated',
              `no partner ${input.referrerPartnerId} working with this fabrique`,
            );
          }
          changes.referrerPartnerId = input.referrerPartnerId;
        }
        if (input.facts !== undefined) {
          const candidate = await repository.findCandidate(tx, current.candidateId);
          if (!candidate) throw notFound();
          const facts = { ...(candidate.facts as CandidateFacts), ...input.facts };
          await repository.updateCandidateFacts(tx, candidate.id, facts);
          Object.assign(changes, await reevaluateCandidacies(tx, context, current, facts, 'facts_updated'));
        }
        const updated = await repository.update(tx, id, changes);
        const fields = Object.keys(input).filter((key) => key !== 'version');
        await repository.insertEvents(tx, [
          eventOf(context, { candidacyId: id, type: 'updated', details: { fields } }),
        ]);
        await recordAudit(tx, context, updated, 'candidacy.updated', {
          fields,
          eligibilityStatus: { before: current.eligibilityStatus, after: updated.eligibilityStatus },
        });
        return updated;
      });
      return buildDetail(db, context.actor, scope, row);
    },

    async moveCandidacy(
      context: AuthenticatedContext,
      id: string,
      input: CandidacyTransition,
      expected: ExpectedVersion | undefined,
    ): Promise<CandidacyDetail> {
      const scope = await scopeOf(db, context.actor);
      requireManager(context.actor);
      const row = await moveOne(context, scope, id, input, expected);
      return buildDetail(db, context.actor, scope, row);
    },

    /** Each id moves in its own transaction: one refusal leaves the others moved. */
    async moveCandidacies(
      context: AuthenticatedContext,
      input: CandidacyBulkTransition,
    ): Promise<BulkTransitionResult> {
      const scope = await scopeOf(db, context.actor);
      requireManager(context.actor);
      const { ids, ...move } = input;
      const results: BulkTransitionResult['results'] = [];
      for (const id of ids) {
        try {
          const row = await moveOne(context, scope, id, move, undefined);
          results.push({ id, status: 'moved', version: row.version });
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          results.push({
            id,
            status: 'refused',
            problem: { code: error.code, detail: error.detail ?? error.code },
          });
        }
      }
      return { results };
    },

    async listEvents(actor: Actor, id: string, query: { limit: number; cursor?: string | undefined }) {
      const scope = await scopeOf(db, actor);
      await findVisible(db, scope, id);
      const rows = await repository.listEvents(db, id, {
        limit: query.limit,
        before: decodeKeysetCursor('events', query.cursor),
      });
      return toKeysetPage(
        rows,
        query.limit,
        'events',
        (row) => row.event.id,
        (row) => toEventDto(row.event),
      );
    },

    async listScorecards(actor: Actor, id: string, query: { limit: number; cursor?: string | undefined }) {
      const scope = await scopeOf(db, actor);
      await findVisible(db, scope, id);
      const rows = await repository.listScorecardsPage(db, id, {
        limit: query.limit,
        afterId: decodeCursor(query.cursor),
      });
      const page = toPage(rows, query.limit);
      return { data: page.data.map(toScorecardDto), nextCursor: page.nextCursor };
    },

    async createScorecard(
      context: AuthenticatedContext,
      id: string,
      input: CreateCandidacyScorecard,
    ): Promise<Scorecard> {
      const scope = await scopeOf(db, context.actor);
      requireEvaluator(context.actor);
      return db.transaction(async (tx) => {
        const candidacy = await findVisible(tx, scope, id);
        const { total, maxTotal } = sumScores(input.scores);
        const row = await repository.insertScorecard(tx, {
          candidacyId: id,
          step: input.step,
          scores: input.scores,
          total,
          maxTotal,
          recommendation: input.recommendation,
          comment: input.comment,
          evaluatorId: context.actor.id,
        });
        const details = {
          scorecardId: row.id,
          step: row.step,
          total,
          maxTotal,
          recommendation: row.recommendation,
        };
        await repository.insertEvents(tx, [
          eventOf(context, { candidacyId: id, type: 'scorecard_recorded', details }),
        ]);
        await recordAudit(tx, context, candidacy, 'candidacy.scorecard_recorded', details);
        return toScorecardDto(row);
      });
    },

    async listNotes(actor: Actor, id: string, query: { limit: number; cursor?: string | undefined }) {
      const scope = await scopeOf(db, actor);
      await findVisible(db, scope, id);
      const rows = await repository.listNotes(db, id, {
        limit: query.limit,
        beforeId: decodeCursor(query.cursor),
      });
      const page = toPage(rows, query.limit);
      return { data: page.data.map(toNoteDto), nextCursor: page.nextCursor };
    },

    async createNote(
      context: AuthenticatedContext,
      id: string,
      input: CreateCandidacyNote,
    ): Promise<CandidacyNote> {
      const scope = await scopeOf(db, context.actor);
      requireEvaluator(context.actor);
      return db.transaction(async (tx) => {
        const candidacy = await findVisible(tx, scope, id);
        const row = await repository.insertNote(tx, {
          candidacyId: id,
          authorId: context.actor.id,
          body: input.body,
        });
        await repository.insertEvents(tx, [
          eventOf(context, { candidacyId: id, type: 'note_added', details: { noteId: row.id } }),
        ]);
        // The note's text stays out of the audit log: it may hold personal details.
        await recordAudit(tx, context, candidacy, 'candidacy.note_added', { noteId: row.id });
        return toNoteDto(row);
      });
    },

    /** A derogation, kept apart from the computed evaluation; `null` withdraws it. */
    async setEligibilityDecision(
      context: AuthenticatedContext,
      id: string,
      input: PutEligibilityDecision | null,
      expected: ExpectedVersion | undefined,
    ): Promise<CandidacyDetail> {
      const scope = await scopeOf(db, context.actor);
      requireManager(context.actor);
      const row = await db.transaction(async (tx) => {
        const current = await findVisible(tx, scope, id, true);
        checkVersion(current, expected);
        if (isEligibilityFrozen(current.stage))
          throw new DomainError('rule_violated', 'candidacy.eligibility_frozen');
        const decision: EligibilityDecision | null = input
          ? {
              status: input.status,
              reason: input.reason,
              decidedBy: context.actor.id,
              decidedAt: new Date().toISOString(),
            }
          : null;
        const updated = await repository.update(tx, id, { eligibilityDecision: decision });
        const type = decision ? 'eligibility_decision_recorded' : 'eligibility_decision_withdrawn';
        const details = {
          decision: decision ? { status: decision.status, reason: decision.reason } : null,
          previous: current.eligibilityDecision ?? null,
          computedStatus: current.eligibilityStatus,
        };
        await repository.insertEvents(tx, [eventOf(context, { candidacyId: id, type, details })]);
        await recordAudit(tx, context, updated, `candidacy.${type}`, details);
        return updated;
      });
      return buildDetail(db, context.actor, scope, row);
    },

    /** A coordinator saw a proof: the fact becomes `verified`, and the eligibility is redone unless frozen. */
    async verifyFact(
      context: AuthenticatedContext,
      id: string,
      fact: keyof CandidateFacts,
      input: FactVerification,
    ): Promise<CandidacyDetail> {
      const scope = await scopeOf(db, context.actor);
      requireManager(context.actor);
      if (input.documentDate > calendarDateInParis(new Date()))
        throw new DomainError(
          'validation_failed',
          'body.documentDate: the document cannot be dated in the future',
        );
      const row = await db.transaction(async (tx) => {
        const current = await findVisible(tx, scope, id, true);
        const candidate = await repository.findCandidate(tx, current.candidateId);
        if (!candidate) throw notFound();
        const facts = { ...(candidate.facts as CandidateFacts) };
        const known = facts[fact];
        if (!known) throw new DomainError('rule_violated', 'candidacy.fact_unknown');
        const proof = {
          type: input.proofType,
          documentDate: input.documentDate,
          verifiedBy: context.actor.id,
          verifiedAt: new Date().toISOString(),
          ...(input.note ? { note: input.note } : {}),
        };
        (facts as Record<string, unknown>)[fact] = { value: known.value, origin: 'verified', proof };
        await repository.updateCandidateFacts(tx, candidate.id, facts);
        const details = {
          fact,
          proofType: input.proofType,
          documentDate: input.documentDate,
          previousOrigin: known.origin,
        };
        await repository.insertEvents(tx, [
          eventOf(context, { candidacyId: id, type: 'fact_verified', details }),
        ]);
        const changes = await reevaluateCandidacies(tx, context, current, facts, 'fact_verified');
        const updated = await repository.update(tx, id, changes);
        await recordAudit(tx, context, updated, 'candidacy.fact_verified', details);
        return updated;
      });
      return buildDetail(db, context.actor, scope, row);
    },
  };
}

export type CandidacyService = ReturnType<typeof createCandidacyService>;
