import type { Actor } from '@passerelle/domain/auth/access';
import type { EligibilityPolicy } from '@passerelle/domain/eligibility/eligibility.schema';
import type {
  CreateEligibilityPolicy,
  UpdateEligibilityPolicy,
} from '@passerelle/domain/eligibility/eligibility-policy.schema';
import type { EligibilityPolicyResource } from '@passerelle/domain/eligibility/eligibility-policy-resource.schema';
import { DomainError } from '@passerelle/domain/shared/errors';
import type { Database } from '../../../db/client.ts';
import type { AuditRepository } from '../audit/audit-repository.ts';
import { type AuthenticatedContext, auditMeta } from '../http/context.ts';
import { decodeCursor, toPage } from '../http/pagination.ts';
import { type ExpectedVersion, staleVersionError } from '../http/versioning.ts';
import type { ProgramRepository } from '../programs/program-repository.ts';
import type {
  EligibilityPolicyRepository,
  EligibilityPolicyRow,
  PolicyVersion,
} from './eligibility-policy-repository.ts';

export function toEligibilityPolicyDto(version: PolicyVersion): EligibilityPolicy {
  return {
    ...version.rules,
    id: version.policyId,
    name: version.name,
    version: version.version,
    createdAt: version.createdAt.toISOString(),
  };
}

function toResource(
  policy: EligibilityPolicyRow,
  version: PolicyVersion,
  sessionCount: number,
): EligibilityPolicyResource {
  return {
    ...toEligibilityPolicyDto(version),
    programId: policy.programId,
    currentVersion: policy.currentVersion,
    createdBy: version.createdBy,
    updatedAt: policy.updatedAt.toISOString(),
    sessionCount,
  };
}

function requireAdmin(actor: Actor): void {
  if (actor.role !== 'admin')
    throw new DomainError('forbidden', 'only an admin may change eligibility policies');
}

const NO_SUCH_POLICY = 'no such eligibility policy';

/**
 * Policies hold rules, not personal data: every authenticated role reads them; admins write.
 * A change never edits a version: it adds the next one, so evaluations keep the rules they used.
 */
export function createEligibilityPolicyService(deps: {
  db: Database;
  policies: EligibilityPolicyRepository;
  programs: ProgramRepository;
  audit: AuditRepository;
}) {
  const { db, policies, programs, audit } = deps;

  return {
    async listPolicies(query: { limit: number; cursor?: string | undefined }) {
      const rows = await policies.list(db, { limit: query.limit, afterId: decodeCursor(query.cursor) });
      const page = toPage(
        rows.map((row) => ({ ...row, id: row.policy.id })),
        query.limit,
      );
      const counts = await policies.countSessionsByPolicy(
        db,
        page.data.map((row) => row.id),
      );
      return {
        data: page.data.map((row) => toResource(row.policy, row.current, counts.get(row.id) ?? 0)),
        nextCursor: page.nextCursor,
      };
    },

    async getPolicy(id: string, version?: number): Promise<EligibilityPolicyResource> {
      const policy = await policies.findById(db, id);
      if (!policy) throw new DomainError('not_found', NO_SUCH_POLICY);
      const found = await policies.findVersion(db, id, version);
      if (!found) throw new DomainError('not_found', `policy ${id} has no version ${version}`);
      return toResource(policy, found, await policies.countSessions(db, id));
    },

    async listVersions(id: string): Promise<EligibilityPolicy[]> {
      const policy = await policies.findById(db, id);
      if (!policy) throw new DomainError('not_found', NO_SUCH_POLICY);
      return (await policies.listVersions(db, id)).map(toEligibilityPolicyDto);
    },

    async createPolicy(
      context: AuthenticatedContext,
      input: CreateEligibilityPolicy,
    ): Promise<EligibilityPolicyResource> {
      requireAdmin(context.actor);
      const { name, programId, ...rules } = input;
      return db.transaction(async (tx) => {
        if (programId && !(await programs.findById(tx, programId))) {
          throw new DomainError('rule_violated', `no program ${programId}`);
        }
        const created = await policies.insert(tx, {
          name,
          programId: programId ?? null,
          rules,
          createdBy: context.actor.id,
        });
        await audit.record(tx, {
          ...auditMeta(context),
          action: 'eligibility_policy.created',
          entityType: 'eligibility_policy',
          entityId: created.policy.id,
          details: { version: 1, rules },
        });
        return toResource(created.policy, created.current, 0);
      });
    },

    /** `expected` (body `version` or If-Match) must be the current version; the change becomes the next. */
    async updatePolicy(
      context: AuthenticatedContext,
      id: string,
      input: UpdateEligibilityPolicy,
      expected: ExpectedVersion,
    ): Promise<EligibilityPolicyResource> {
      requireAdmin(context.actor);
      const { name, version: _version, ...rules } = input;
      return db.transaction(async (tx) => {
        const before = await policies.lockForUpdate(tx, id);
        if (!before) throw new DomainError('not_found', NO_SUCH_POLICY);
        if (before.currentVersion !== expected.version)
          throw staleVersionError(expected, before.currentVersion);
        const updated = await policies.addVersion(
          tx,
          id,
          { name, rules, createdBy: context.actor.id },
          expected.version,
        );
        if (!updated) throw staleVersionError(expected, before.currentVersion);
        await audit.record(tx, {
          ...auditMeta(context),
          action: 'eligibility_policy.updated',
          entityType: 'eligibility_policy',
          entityId: id,
          details: { fromVersion: before.currentVersion, version: updated.current.version, rules },
        });
        return toResource(updated.policy, updated.current, await policies.countSessions(tx, id));
      });
    },
  };
}

export type EligibilityPolicyService = ReturnType<typeof createEligibilityPolicyService>;
