import { and, asc, count, desc, eq, gt, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Executor } from '../../../db/client.ts';
import {
  candidacies,
  candidates,
  partnerFabriques,
  partners,
  placements,
  sessionFundings,
  sessionHosts,
  sessions,
} from '../../../db/schema/index.ts';
import { updateVersioned } from '../../../db/versioned-update.ts';
import type { Keyset } from '../http/keyset.ts';

export type PartnerRow = typeof partners.$inferSelect;
export type PartnerWithFabriques = PartnerRow & { fabriqueIds: string[] };
export type FundingRow = typeof sessionFundings.$inferSelect;
type Visible = readonly string[] | 'all';

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/** A partner is visible when one of its fabriques is (admins see every partner, linked or not). */
function visiblePartner(visible: Visible): SQL | undefined {
  if (visible === 'all') return undefined;
  if (visible.length === 0) return sql`false`;
  return sql`exists (select 1 from ${partnerFabriques} where ${partnerFabriques.partnerId} = ${partners.id} and ${inArray(partnerFabriques.fabriqueId, [...visible])})`;
}

function inFabriques(column: AnyPgColumn, visible: Visible): SQL | undefined {
  if (visible === 'all') return undefined;
  return visible.length === 0 ? sql`false` : inArray(column, [...visible]);
}

const sessionColumns = {
  id: sessions.id,
  name: sessions.name,
  fabriqueId: sessions.fabriqueId,
  startDate: sessions.startDate,
  endDate: sessions.endDate,
};

/** Whether the partner works with the fabrique: what a candidacy's referrer must do. */
export async function isPartnerOfFabrique(executor: Executor, partnerId: string, fabriqueId: string) {
  const rows = await executor
    .select({ partnerId: partnerFabriques.partnerId })
    .from(partnerFabriques)
    .where(and(eq(partnerFabriques.partnerId, partnerId), eq(partnerFabriques.fabriqueId, fabriqueId)));
  return rows.length > 0;
}

export function createPartnerRepository() {
  async function attachFabriques(executor: Executor, rows: PartnerRow[]): Promise<PartnerWithFabriques[]> {
    if (rows.length === 0) return [];
    const links = await executor
      .select()
      .from(partnerFabriques)
      .where(
        inArray(
          partnerFabriques.partnerId,
          rows.map((row) => row.id),
        ),
      )
      .orderBy(asc(partnerFabriques.fabriqueId));
    return rows.map((row) => ({
      ...row,
      fabriqueIds: links.filter((link) => link.partnerId === row.id).map((link) => link.fabriqueId),
    }));
  }

  return {
    async list(
      executor: Executor,
      query: {
        visible: Visible;
        limit: number;
        after?: Keyset | undefined;
        kind?: string | undefined;
        fabriqueId?: string | undefined;
        q?: string | undefined;
      },
    ): Promise<PartnerWithFabriques[]> {
      const conditions = [
        visiblePartner(query.visible),
        query.kind ? eq(partners.kind, query.kind as PartnerRow['kind']) : undefined,
        query.fabriqueId
          ? sql`exists (select 1 from ${partnerFabriques} where ${partnerFabriques.partnerId} = ${partners.id} and ${partnerFabriques.fabriqueId} = ${query.fabriqueId})`
          : undefined,
        query.q ? ilike(partners.name, `%${escapeLike(query.q)}%`) : undefined,
        query.after
          ? or(
              gt(partners.name, query.after.value),
              and(eq(partners.name, query.after.value), gt(partners.id, query.after.id)),
            )
          : undefined,
      ];
      const rows = await executor
        .select()
        .from(partners)
        .where(and(...conditions))
        .orderBy(asc(partners.name), asc(partners.id))
        .limit(query.limit + 1);
      return attachFabriques(executor, rows);
    },

    async findById(executor: Executor, id: string): Promise<PartnerWithFabriques | undefined> {
      const rows = await executor.select().from(partners).where(eq(partners.id, id));
      return (await attachFabriques(executor, rows))[0];
    },

    async lockById(executor: Executor, id: string): Promise<PartnerWithFabriques | undefined> {
      const rows = await executor.select().from(partners).where(eq(partners.id, id)).for('update');
      return (await attachFabriques(executor, rows))[0];
    },

    async insert(executor: Executor, values: typeof partners.$inferInsert): Promise<PartnerRow> {
      const [row] = await executor.insert(partners).values(values).returning();
      if (!row) throw new Error('partner insert returned nothing');
      return row;
    },

    async update(
      executor: Executor,
      id: string,
      changes: Partial<Pick<PartnerRow, 'name' | 'kind' | 'siret' | 'contacts'>>,
      expectedVersion: number,
    ): Promise<PartnerRow | undefined> {
      return updateVersioned(executor, partners, id, changes, expectedVersion);
    },

    async replaceFabriques(executor: Executor, partnerId: string, fabriqueIds: readonly string[]) {
      await executor.delete(partnerFabriques).where(eq(partnerFabriques.partnerId, partnerId));
      if (fabriqueIds.length > 0) {
        await executor
          .insert(partnerFabriques)
          .values([...new Set(fabriqueIds)].map((fabriqueId) => ({ partnerId, fabriqueId })));
      }
    },

    async linkFabrique(executor: Executor, partnerId: string, fabriqueId: string) {
      await executor.insert(partnerFabriques).values({ partnerId, fabriqueId }).onConflictDoNothing();
    },

    async listFundingsOfSession(executor: Executor, sessionId: string) {
      return executor
        .select({ funding: sessionFundings, partnerName: partners.name })
        .from(sessionFundings)
        .innerJoin(partners, eq(partners.id, sessionFundings.partnerId))
        .where(eq(sessionFundings.sessionId, sessionId))
        .orderBy(asc(sessionFundings.id));
    },

    async insertFunding(
      executor: Executor,
      values: typeof sessionFundings.$inferInsert,
    ): Promise<FundingRow> {
      const [row] = await executor.insert(sessionFundings).values(values).returning();
      if (!row) throw new Error('funding insert returned nothing');
      return row;
    },

    async deleteFunding(
      executor: Executor,
      sessionId: string,
      fundingId: string,
    ): Promise<FundingRow | undefined> {
      const rows = await executor
        .delete(sessionFundings)
        .where(and(eq(sessionFundings.id, fundingId), eq(sessionFundings.sessionId, sessionId)))
        .returning();
      return rows[0];
    },

    async listHostsOfSession(executor: Executor, sessionId: string) {
      return executor
        .select({
          sessionId: sessionHosts.sessionId,
          partnerId: sessionHosts.partnerId,
          role: sessionHosts.role,
          partnerName: partners.name,
        })
        .from(sessionHosts)
        .innerJoin(partners, eq(partners.id, sessionHosts.partnerId))
        .where(eq(sessionHosts.sessionId, sessionId))
        .orderBy(asc(partners.name));
    },

    async upsertHost(
      executor: Executor,
      values: { sessionId: string; partnerId: string; role: string | null },
    ) {
      await executor
        .insert(sessionHosts)
        .values(values)
        .onConflictDoUpdate({
          target: [sessionHosts.sessionId, sessionHosts.partnerId],
          set: { role: values.role },
        });
    },

    async deleteHost(executor: Executor, sessionId: string, partnerId: string): Promise<boolean> {
      const rows = await executor
        .delete(sessionHosts)
        .where(and(eq(sessionHosts.sessionId, sessionId), eq(sessionHosts.partnerId, partnerId)))
        .returning();
      return rows.length > 0;
    },

    /** The partner's fundings, hosted sessions, referrals and placements within the visible fabriques. */
    async findLinks(executor: Executor, partnerId: string, visible: Visible) {
      const fundings = await executor
        .select({ funding: sessionFundings, session: sessionColumns })
        .from(sessionFundings)
        .innerJoin(sessions, eq(sessions.id, sessionFundings.sessionId))
        .where(and(eq(sessionFundings.partnerId, partnerId), inFabriques(sessions.fabriqueId, visible)))
        .orderBy(desc(sessions.startDate), asc(sessionFundings.id));
      const hosted = await executor
        .select({ role: sessionHosts.role, session: sessionColumns })
        .from(sessionHosts)
        .innerJoin(sessions, eq(sessions.id, sessionHosts.sessionId))
        .where(and(eq(sessionHosts.partnerId, partnerId), inFabriques(sessions.fabriqueId, visible)))
        .orderBy(desc(sessions.startDate));
      const referralWhere = and(
        eq(candidacies.referrerPartnerId, partnerId),
        inFabriques(candidacies.fabriqueId, visible),
      );
      const [referralCount] = await executor
        .select({ value: count() })
        .from(candidacies)
        .where(referralWhere);
      const referrals = await executor
        .select({
          id: candidacies.id,
          stage: candidacies.stage,
          firstName: candidates.firstName,
          lastName: candidates.lastName,
          sessionName: sessions.name,
        })
        .from(candidacies)
        .innerJoin(candidates, eq(candidates.id, candidacies.candidateId))
        .innerJoin(sessions, eq(sessions.id, candidacies.sessionId))
        .where(referralWhere)
        .orderBy(desc(candidacies.submittedAt))
        .limit(100);
      const placed = await executor
        .select({
          id: placements.id,
          candidacyId: placements.candidacyId,
          kind: placements.kind,
          jobTitle: placements.jobTitle,
          startDate: placements.startDate,
          firstName: candidates.firstName,
          lastName: candidates.lastName,
        })
        .from(placements)
        .innerJoin(candidacies, eq(candidacies.id, placements.candidacyId))
        .innerJoin(candidates, eq(candidates.id, candidacies.candidateId))
        .where(and(eq(placements.partnerId, partnerId), inFabriques(placements.fabriqueId, visible)))
        .orderBy(desc(placements.startDate))
        .limit(200);
      return { fundings, hosted, referralCount: referralCount?.value ?? 0, referrals, placed };
    },
  };
}

export type PartnerRepository = ReturnType<typeof createPartnerRepository>;
