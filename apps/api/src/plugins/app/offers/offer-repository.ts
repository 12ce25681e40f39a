import { and, asc, count, desc, eq, inArray, lt, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import {
  candidacies,
  candidates,
  offerProposals,
  offers,
  partners,
  sessions,
} from '../../../db/schema/index.ts';
import { updateVersioned } from '../../../db/versioned-update.ts';

export type OfferRow = typeof offers.$inferSelect;
export type OfferWithPartner = OfferRow & { partnerName: string };
export type ProposalRow = typeof offerProposals.$inferSelect;
export type ProposalStatus = ProposalRow['status'];
export type ProposalCounts = Record<ProposalStatus, number>;
type Visible = readonly string[] | 'all';

function inFabriques(visible: Visible): SQL | undefined {
  if (visible === 'all') return undefined;
  return visible.length === 0 ? sql`false` : inArray(offers.fabriqueId, [...visible]);
}

const offerWithPartner = { offer: offers, partnerName: partners.name };

const proposalColumns = {
  proposal: offerProposals,
  firstName: candidates.firstName,
  lastName: candidates.lastName,
  sessionId: sessions.id,
  sessionName: sessions.name,
};

export type ProposalWithLearner = {
  proposal: ProposalRow;
  firstName: string;
  lastName: string;
  sessionId: string;
  sessionName: string;
};

export function createOfferRepository() {
  return {
    async listOfPartner(
      executor: Executor,
      query: {
        partnerId: string;
        visible: Visible;
        limit: number;
        before?: string | undefined;
        isOpen?: boolean | undefined;
      },
    ): Promise<OfferWithPartner[]> {
      const rows = await executor
        .select(offerWithPartner)
        .from(offers)
        .innerJoin(partners, eq(partners.id, offers.partnerId))
        .where(
          and(
            eq(offers.partnerId, query.partnerId),
            inFabriques(query.visible),
            query.isOpen === undefined ? undefined : eq(offers.isOpen, query.isOpen),
            query.before ? lt(offers.id, query.before) : undefined,
          ),
        )
        .orderBy(desc(offers.id))
        .limit(query.limit + 1);
      return rows.map((row) => ({ ...row.offer, partnerName: row.partnerName }));
    },

    async findById(executor: Executor, id: string, lock = false): Promise<OfferWithPartner | undefined> {
      const base = executor
        .select(offerWithPartner)
        .from(offers)
        .innerJoin(partners, eq(partners.id, offers.partnerId))
        .where(eq(offers.id, id));
      const rows = lock ? await base.for('update', { of: offers }) : await base;
      const row = rows[0];
      return row ? { ...row.offer, partnerName: row.partnerName } : undefined;
    },

    async insert(executor: Executor, values: typeof offers.$inferInsert): Promise<OfferRow> {
      const [row] = await executor.insert(offers).values(values).returning();
      if (!row) throw new Error('offer insert returned nothing');
      return row;
    },

    async update(
      executor: Executor,
      id: string,
      changes: Partial<
        Pick<
          OfferRow,
          'title' | 'kind' | 'positions' | 'skills' | 'startDate' | 'endDate' | 'description' | 'isOpen'
        >
      >,
      expectedVersion: number,
    ): Promise<OfferRow | undefined> {
      return updateVersioned(executor, offers, id, changes, expectedVersion);
    },

    async countProposals(
      executor: Executor,
      offerIds: readonly string[],
    ): Promise<Map<string, ProposalCounts>> {
      const result = new Map<string, ProposalCounts>();
      if (offerIds.length === 0) return result;
      const rows = await executor
        .select({ offerId: offerProposals.offerId, status: offerProposals.status, value: count() })
        .from(offerProposals)
        .where(inArray(offerProposals.offerId, [...offerIds]))
        .groupBy(offerProposals.offerId, offerProposals.status);
      for (const row of rows) {
        const counts = result.get(row.offerId) ?? {
          proposed: 0,
          interviewing: 0,
          accepted: 0,
          declined: 0,
          not_retained: 0,
        };
        counts[row.status] = Number(row.value);
        result.set(row.offerId, counts);
      }
      return result;
    },

    async listProposals(executor: Executor, offerId: string): Promise<ProposalWithLearner[]> {
      return executor
        .select(proposalColumns)
        .from(offerProposals)
        .innerJoin(candidacies, eq(candidacies.id, offerProposals.candidacyId))
        .innerJoin(candidates, eq(candidates.id, candidacies.candidateId))
        .innerJoin(sessions, eq(sessions.id, candidacies.sessionId))
        .where(eq(offerProposals.offerId, offerId))
        .orderBy(asc(offerProposals.id));
    },

    async findProposal(executor: Executor, offerId: string, id: string, lock = false) {
      const base = executor
        .select(proposalColumns)
        .from(offerProposals)
        .innerJoin(candidacies, eq(candidacies.id, offerProposals.candidacyId))
        .innerJoin(candidates, eq(candidates.id, candidacies.candidateId))
        .innerJoin(sessions, eq(sessions.id, candidacies.sessionId))
        .where(and(eq(offerProposals.id, id), eq(offerProposals.offerId, offerId)));
      const rows = lock ? await base.for('update', { of: offerProposals }) : await base;
      return rows[0];
    },

    async insertProposal(
      executor: Executor,
      values: typeof offerProposals.$inferInsert,
    ): Promise<ProposalRow> {
      const [row] = await executor.insert(offerProposals).values(values).returning();
      if (!row) throw new Error('proposal insert returned nothing');
      return row;
    },

    /** Proposals have no `updated_at`: the versioned update is written out here. */
    async updateProposal(
      executor: Executor,
      id: string,
      changes: Partial<Pick<ProposalRow, 'status' | 'comment' | 'decidedAt' | 'placementId'>>,
      expectedVersion: number,
    ): Promise<ProposalRow | undefined> {
      const rows = await executor
        .update(offerProposals)
        .set({ ...changes, version: sql`${offerProposals.version} + 1` })
        .where(and(eq(offerProposals.id, id), eq(offerProposals.version, expectedVersion)))
        .returning();
      return rows[0];
    },
  };
}

export type OfferRepository = ReturnType<typeof createOfferRepository>;
