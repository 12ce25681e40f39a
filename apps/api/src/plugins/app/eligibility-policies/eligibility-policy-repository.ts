import {
  type EligibilityRules,
  EligibilityRulesSchema,
} from '@passerelle/domain/eligibility/eligibility.schema';
import { and, asc, desc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { eligibilityPolicies, eligibilityPolicyVersions, sessions } from '../../../db/schema/index.ts';

export type EligibilityPolicyRow = typeof eligibilityPolicies.$inferSelect;
export type EligibilityPolicyVersionRow = typeof eligibilityPolicyVersions.$inferSelect;

/** One version of a policy, its rules parsed (defaults filled) with `EligibilityRulesSchema`. */
export interface PolicyVersion {
  policyId: string;
  version: number;
  name: string;
  rules: EligibilityRules;
  createdAt: Date;
  createdBy: string | null;
}

function toPolicyVersion(row: EligibilityPolicyVersionRow): PolicyVersion {
  return {
    policyId: row.policyId,
    version: row.version,
    name: row.name,
    rules: EligibilityRulesSchema.parse(row.rules),
    createdAt: row.createdAt,
    createdBy: row.createdBy,
  };
}

export function createEligibilityPolicyRepository() {
  return {
    async findById(executor: Executor, id: string): Promise<EligibilityPolicyRow | undefined> {
      const rows = await executor.select().from(eligibilityPolicies).where(eq(eligibilityPolicies.id, id));
      return rows[0];
    },

    async lockForUpdate(executor: Executor, id: string): Promise<EligibilityPolicyRow | undefined> {
      const rows = await executor
        .select()
        .from(eligibilityPolicies)
        .where(eq(eligibilityPolicies.id, id))
        .for('update');
      return rows[0];
    },

    /**
     * The given version of a policy, or its current one when `version` is omitted; undefined when
     * the policy or that version does not exist.
     */
    async findVersion(
      executor: Executor,
      policyId: string,
      version?: number,
    ): Promise<PolicyVersion | undefined> {
      const rows =
        version === undefined
          ? await executor
              .select({ row: eligibilityPolicyVersions })
              .from(eligibilityPolicyVersions)
              .innerJoin(eligibilityPolicies, eq(eligibilityPolicies.id, eligibilityPolicyVersions.policyId))
              .where(
                and(
                  eq(eligibilityPolicyVersions.policyId, policyId),
                  eq(eligibilityPolicyVersions.version, eligibilityPolicies.currentVersion),
                ),
              )
              .then((result) => result.map((entry) => entry.row))
          : await executor
              .select()
              .from(eligibilityPolicyVersions)
              .where(
                and(
                  eq(eligibilityPolicyVersions.policyId, policyId),
                  eq(eligibilityPolicyVersions.version, version),
                ),
              );
      const row = rows[0];
      return row ? toPolicyVersion(row) : undefined;
    },

    async listVersions(executor: Executor, policyId: string): Promise<PolicyVersion[]> {
      const rows = await executor
        .select()
        .from(eligibilityPolicyVersions)
        .where(eq(eligibilityPolicyVersions.policyId, policyId))
        .orderBy(desc(eligibilityPolicyVersions.version));
      return rows.map(toPolicyVersion);
    },

    /** Policies with their current version, ordered by id. */
    async list(
      executor: Executor,
      query: { limit: number; afterId?: string | undefined },
    ): Promise<Array<{ policy: EligibilityPolicyRow; current: PolicyVersion }>> {
      const rows = await executor
        .select({ policy: eligibilityPolicies, current: eligibilityPolicyVersions })
        .from(eligibilityPolicies)
        .innerJoin(
          eligibilityPolicyVersions,
          and(
            eq(eligibilityPolicyVersions.policyId, eligibilityPolicies.id),
            eq(eligibilityPolicyVersions.version, eligibilityPolicies.currentVersion),
          ),
        )
        .where(query.afterId ? gt(eligibilityPolicies.id, query.afterId) : undefined)
        .orderBy(asc(eligibilityPolicies.id))
        .limit(query.limit + 1);
      return rows.map((row) => ({ policy: row.policy, current: toPolicyVersion(row.current) }));
    },

    /** Inserts the policy and its version 1. */
    async insert(
      executor: Executor,
      values: { name: string; programId: string | null; rules: EligibilityRules; createdBy: string | null },
    ): Promise<{ policy: EligibilityPolicyRow; current: PolicyVersion }> {
      const [policy] = await executor
        .insert(eligibilityPolicies)
        .values({ name: values.name, programId: values.programId, currentVersion: 1 })
        .returning();
      if (!policy) throw new Error('insert returned no row');
      const [version] = await executor
        .insert(eligibilityPolicyVersions)
        .values({
          policyId: policy.id,
          version: 1,
          name: values.name,
          rules: { ...values.rules },
          createdBy: values.createdBy,
        })
        .returning();
      if (!version) throw new Error('insert returned no row');
      return { policy, current: toPolicyVersion(version) };
    },

    /**
     * Adds the next version when the current one is still `expectedVersion`; undefined otherwise
     * (stale version). Earlier versions are kept untouched.
     */
    async addVersion(
      executor: Executor,
      policyId: string,
      values: { name: string; rules: EligibilityRules; createdBy: string | null },
      expectedVersion: number,
    ): Promise<{ policy: EligibilityPolicyRow; current: PolicyVersion } | undefined> {
      const [policy] = await executor
        .update(eligibilityPolicies)
        .set({
          name: values.name,
          currentVersion: sql`${eligibilityPolicies.currentVersion} + 1`,
          version: sql`${eligibilityPolicies.version} + 1`,
          updatedAt: new Date(),
        })
        .where(
          and(eq(eligibilityPolicies.id, policyId), eq(eligibilityPolicies.currentVersion, expectedVersion)),
        )
        .returning();
      if (!policy) return undefined;
      const [version] = await executor
        .insert(eligibilityPolicyVersions)
        .values({
          policyId,
          version: policy.currentVersion,
          name: values.name,
          rules: { ...values.rules },
          createdBy: values.createdBy,
        })
        .returning();
      if (!version) throw new Error('insert returned no row');
      return { policy, current: toPolicyVersion(version) };
    },

    /** Sessions per policy, for a page of policies in one query. */
    async countSessionsByPolicy(
      executor: Executor,
      policyIds: readonly string[],
    ): Promise<Map<string, number>> {
      const counts = new Map<string, number>();
      if (policyIds.length === 0) return counts;
      const rows = await executor
        .select({ policyId: sessions.eligibilityPolicyId, count: sql<number>`count(*)::int` })
        .from(sessions)
        .where(inArray(sessions.eligibilityPolicyId, [...policyIds]))
        .groupBy(sessions.eligibilityPolicyId);
      for (const row of rows) counts.set(row.policyId, Number(row.count));
      return counts;
    },

    /** How many sessions use the policy. */
    async countSessions(executor: Executor, policyId: string): Promise<number> {
      const [row] = await executor
        .select({ count: sql<number>`count(*)::int` })
        .from(sessions)
        .where(eq(sessions.eligibilityPolicyId, policyId));
      return row?.count ?? 0;
    },
  };
}

export type EligibilityPolicyRepository = ReturnType<typeof createEligibilityPolicyRepository>;
