import { type Actor, isAdmin, visibleFabriqueIds } from '@passerelle/domain/auth/access';
import { isEligibilityFrozen } from '@passerelle/domain/candidacy/candidacy';
import type {
  Address,
  Candidate,
  CandidateFacts,
  CandidateSource,
  UpdateCandidate,
} from '@passerelle/domain/candidate/candidate.schema';
import { computeDuplicateKeys } from '@passerelle/domain/candidate/candidate-identity';
import { DomainError } from '@passerelle/domain/shared/errors';
import type { Database, Executor } from '../../../db/client.ts';
import { isUniqueViolation } from '../../../db/errors.ts';
import type { AuditRepository } from '../audit/audit-repository.ts';
import { evaluateCandidacyEligibility } from '../candidacies/eligibility-evaluator.ts';
import { type AuthenticatedContext, auditMeta } from '../http/context.ts';
import { decodeCursor, toPage } from '../http/pagination.ts';
import { type ExpectedVersion, staleVersionError } from '../http/versioning.ts';
import type { IntakeRepository } from '../intake/intake-repository.ts';
import type { CandidateChanges, CandidateRepository, CandidateRow } from './candidate-repository.ts';
import { buildSearchText, normaliseSearchQuery } from './candidate-search.ts';

/** `disabilityRecognition` is health data: only for admins and the candidacy's coordinators. */
export function toCandidateDto(row: CandidateRow, options: { showDisability: boolean }): Candidate {
  return {
    id: row.id,
    firstName: row.firstName,
    lastName: row.lastName,
    email: row.email,
    phone: row.phone,
    address: (row.address as Address | null) ?? null,
    facts: row.facts as CandidateFacts,
    source: (row.source as CandidateSource | null) ?? null,
    consent: row.consent as Candidate['consent'],
    ...(options.showDisability ? { disabilityRecognition: row.disabilityRecognition } : {}),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Candidates are personal data: admins and coordinators only (viewers and trainers get 403). */
function requireCandidateReader(actor: Actor): void {
  if (actor.role !== 'admin' && actor.role !== 'coordinator')
    throw new DomainError('forbidden', 'only admins and coordinators see candidates');
}

export function createCandidateService(deps: {
  db: Database;
  candidates: CandidateRepository;
  intake: IntakeRepository;
  audit: AuditRepository;
}) {
  const { db, candidates, intake, audit } = deps;

  /** The candidate if the actor may see them: an admin, or a coordinator of one of their candidacies' fabriques. */
  async function getVisible(executor: Executor, actor: Actor, id: string): Promise<CandidateRow> {
    requireCandidateReader(actor);
    const row = await candidates.findById(executor, id);
    if (!row) throw new DomainError('not_found', 'no such candidate');
    if (isAdmin(actor)) return row;
    const fabriqueIds = await candidates.listFabriqueIds(executor, id);
    if (!fabriqueIds.some((fabriqueId) => actor.fabriqueIds.includes(fabriqueId)))
      throw new DomainError('not_found', 'no such candidate');
    return row;
  }

  /** Re-evaluates the candidate's candidacies whose evaluation is not frozen by a decision. */
  async function reevaluateCandidacies(
    tx: Executor,
    context: AuthenticatedContext,
    candidate: CandidateRow,
  ): Promise<number> {
    const facts = candidate.facts as CandidateFacts;
    const meta = auditMeta(context);
    let count = 0;
    for (const candidacy of await intake.listCandidaciesOfCandidate(tx, candidate.id)) {
      if (isEligibilityFrozen(candidacy.stage)) continue;
      const session = await intake.findSession(tx, candidacy.sessionId);
      if (!session) continue;
      const columns = await evaluateCandidacyEligibility(tx, {
        session,
        facts,
        applicationDate: candidacy.applicationDate,
      });
      await intake.updateEligibility(tx, candidacy.id, {
        ...columns,
        eligibility: columns.eligibility as unknown as Record<string, unknown>,
        eligibilityInputs: columns.eligibilityInputs as Record<string, unknown>,
      });
      await intake.insertEvent(tx, {
        candidacyId: candidacy.id,
        actorType: meta.actorType,
        actorId: meta.actorId,
        type: 'eligibility_reevaluated',
        fromStage: candidacy.stage,
        toStage: candidacy.stage,
        details: {
          from: candidacy.eligibilityStatus,
          to: columns.eligibilityStatus,
          policyVersion: columns.eligibility.policyVersion,
          reason: 'candidate_facts_changed',
        },
        requestId: context.requestId,
      });
      count++;
    }
    return count;
  }

  return {
    async listCandidates(
      actor: Actor,
      query: { limit: number; cursor?: string | undefined; q?: string | undefined },
    ) {
      requireCandidateReader(actor);
      const search = query.q ? normaliseSearchQuery(query.q) : undefined;
      const rows = await candidates.list(db, {
        limit: query.limit,
        afterId: decodeCursor(query.cursor),
        visibleIds: visibleFabriqueIds(actor),
        search: search || undefined,
      });
      const page = toPage(rows, query.limit);
      return {
        data: page.data.map((row) => toCandidateDto(row, { showDisability: true })),
        nextCursor: page.nextCursor,
      };
    },

    async getCandidate(actor: Actor, id: string): Promise<Candidate> {
      return toCandidateDto(await getVisible(db, actor, id), { showDisability: true });
    },

    /** Updates a candidate; changed facts re-evaluate their open, undecided candidacies. */
    async updateCandidate(
      context: AuthenticatedContext,
      id: string,
      input: UpdateCandidate,
      expected: ExpectedVersion | undefined,
    ): Promise<Candidate> {
      const { version: _version, ...fields } = input;
      try {
        return await db.transaction(async (tx) => {
          const before = await getVisible(tx, context.actor, id);
          const facts = fields.facts ? { ...(before.facts as CandidateFacts), ...fields.facts } : undefined;
          const next = {
            firstName: fields.firstName ?? before.firstName,
            lastName: fields.lastName ?? before.lastName,
            email: fields.email ?? before.email,
            phone: fields.phone ?? before.phone,
          };
          const birthDate = (facts ?? (before.facts as CandidateFacts)).birthDate?.value;
          const changes: CandidateChanges = {
            ...fields,
            ...(facts ? { facts } : {}),
            searchText: buildSearchText(next),
            identityKey:
              computeDuplicateKeys({ ...next, birthDate }).find((key) => key.startsWith('name_birth:')) ??
              null,
          };
          const row = await candidates.update(tx, id, changes, expected?.version);
          if (!row) throw staleVersionError(expected ?? { version: 0, source: 'body' }, before.version);
          const reevaluated = facts ? await reevaluateCandidacies(tx, context, row) : 0;
          await audit.record(tx, {
            ...auditMeta(context),
            action: 'candidate.updated',
            entityType: 'candidate',
            entityId: id,
            details: { fields: Object.keys(fields), reevaluatedCandidacies: reevaluated },
          });
          return toCandidateDto(row, { showDisability: true });
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw new DomainError('duplicate', 'another candidate has this e-mail');
        throw error;
      }
    },
  };
}

export type CandidateService = ReturnType<typeof createCandidateService>;
