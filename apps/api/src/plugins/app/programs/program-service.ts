import { type Actor, canAccessFabrique, visibleFabriqueIds } from '@passerelle/domain/auth/access';
import { OutcomeMappingSchema } from '@passerelle/domain/outcome/outcome.schema';
import type { CreateProgram, Program, UpdateProgram } from '@passerelle/domain/program/program.schema';
import { DomainError } from '@passerelle/domain/shared/errors';
import type { Database, Executor } from '../../../db/client.ts';
import type { AuditRepository } from '../audit/audit-repository.ts';
import type { EligibilityPolicyRepository } from '../eligibility-policies/eligibility-policy-repository.ts';
import type { FabriqueRepository } from '../fabriques/fabrique-repository.ts';
import { type AuthenticatedContext, auditMeta } from '../http/context.ts';
import { decodeCursor, toPage } from '../http/pagination.ts';
import { type ExpectedVersion, staleVersionError } from '../http/versioning.ts';
import type { ProgramRepository, ProgramRow } from './program-repository.ts';

export function toProgramDto(row: ProgramRow): Program {
  return {
    id: row.id,
    fabriqueId: row.fabriqueId,
    title: row.title,
    kind: row.kind,
    rncpCode: row.rncpCode,
    rncpLevel: row.rncpLevel,
    durationHours: row.durationHours,
    defaultEligibilityPolicyId: row.defaultEligibilityPolicyId,
    outcomeMapping: OutcomeMappingSchema.nullable()
      .catch(null)
      .parse(row.outcomeMapping ?? null),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function requireAdmin(actor: Actor): void {
  if (actor.role !== 'admin') throw new DomainError('forbidden', 'only an admin may change programs');
}

/** Network-wide programs (no fabrique) are visible to every authenticated caller. */
function canSeeProgram(actor: Actor, row: ProgramRow): boolean {
  return row.fabriqueId === null || canAccessFabrique(actor, row.fabriqueId);
}

export function createProgramService(deps: {
  db: Database;
  programs: ProgramRepository;
  fabriques: FabriqueRepository;
  policies: EligibilityPolicyRepository;
  audit: AuditRepository;
}) {
  const { db, programs, fabriques, policies, audit } = deps;

  async function checkReferences(
    executor: Executor,
    refs: { fabriqueId?: string | null | undefined; defaultEligibilityPolicyId?: string | null | undefined },
  ) {
    if (refs.fabriqueId && !(await fabriques.findById(executor, refs.fabriqueId))) {
      throw new DomainError('rule_violated', `no fabrique ${refs.fabriqueId}`);
    }
    if (
      refs.defaultEligibilityPolicyId &&
      !(await policies.findById(executor, refs.defaultEligibilityPolicyId))
    ) {
      throw new DomainError('rule_violated', `no eligibility policy ${refs.defaultEligibilityPolicyId}`);
    }
  }

  return {
    async listPrograms(
      actor: Actor,
      query: { limit: number; cursor?: string | undefined; fabriqueId?: string | undefined },
    ) {
      const rows = await programs.list(db, {
        limit: query.limit,
        afterId: decodeCursor(query.cursor),
        visibleIds: visibleFabriqueIds(actor),
        fabriqueId: query.fabriqueId,
      });
      const page = toPage(rows, query.limit);
      return { data: page.data.map(toProgramDto), nextCursor: page.nextCursor };
    },

    async getProgram(actor: Actor, id: string): Promise<Program> {
      const row = await programs.findById(db, id);
      if (!row || !canSeeProgram(actor, row)) throw new DomainError('not_found', 'no such program');
      return toProgramDto(row);
    },

    async createProgram(context: AuthenticatedContext, input: CreateProgram): Promise<Program> {
      requireAdmin(context.actor);
      return db.transaction(async (tx) => {
        await checkReferences(tx, input);
        const row = await programs.insert(tx, input);
        await audit.record(tx, {
          ...auditMeta(context),
          action: 'program.created',
          entityType: 'program',
          entityId: row.id,
          fabriqueId: row.fabriqueId,
          details: { after: toProgramDto(row) },
        });
        return toProgramDto(row);
      });
    },

    async updateProgram(
      context: AuthenticatedContext,
      id: string,
      input: UpdateProgram,
      expected: ExpectedVersion | undefined,
    ): Promise<Program> {
      requireAdmin(context.actor);
      const { version: _ignored, ...changes } = input;
      return db.transaction(async (tx) => {
        const before = await programs.findById(tx, id);
        if (!before) throw new DomainError('not_found', 'no such program');
        const merged = { ...before, ...changes };
        if (merged.kind === 'certifying_paid' && (!merged.rncpCode || !merged.rncpLevel)) {
          throw new DomainError('rule_violated', 'program.rncp_required');
        }
        await checkReferences(tx, changes);
        const row = await programs.update(tx, id, changes, expected?.version);
        if (!row) throw staleVersionError(expected ?? { version: 0, source: 'body' }, before.version);
        await audit.record(tx, {
          ...auditMeta(context),
          action: 'program.updated',
          entityType: 'program',
          entityId: id,
          fabriqueId: row.fabriqueId,
          details: { changes },
        });
        return toProgramDto(row);
      });
    },
  };
}

export type ProgramService = ReturnType<typeof createProgramService>;
