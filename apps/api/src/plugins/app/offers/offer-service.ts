import { type Actor, canAccessFabrique } from '@passerelle/domain/auth/access';
import { calendarDateInParis } from '@passerelle/domain/calendar/paris-date';
import { canMoveProposal, computeOfferDurationMonths } from '@passerelle/domain/offer/offer';
import type {
  CreateOfferProposal,
  CreatePartnerOffer,
  Offer,
  OfferListQuery,
  OfferProposal,
  UpdateOffer,
  UpdateOfferProposal,
} from '@passerelle/domain/offer/offer.schema';
import { placementKindForOffer } from '@passerelle/domain/placement/placement';
import { DomainError } from '@passerelle/domain/shared/errors';
import type { Database, Executor } from '../../../db/client.ts';
import { isUniqueViolation } from '../../../db/errors.ts';
import type { AuditRepository } from '../audit/audit-repository.ts';
import { type AuthenticatedContext, auditMeta } from '../http/context.ts';
import { decodeCursor, toPage } from '../http/pagination.ts';
import { type ExpectedVersion, staleVersionError } from '../http/versioning.ts';
import type { PartnerRepository } from '../partners/partner-repository.ts';
import type { PlacementRepository } from '../placements/placement-repository.ts';
import type { PlacementService } from '../placements/placement-service.ts';
import type {
  OfferRepository,
  OfferRow,
  OfferWithPartner,
  ProposalCounts,
  ProposalWithLearner,
} from './offer-repository.ts';

const NO_SUCH_OFFER = 'no such offer';
const PROPOSABLE_STAGES: readonly string[] = ['enrolled', 'completed'];
const EMPTY_COUNTS: ProposalCounts = {
  proposed: 0,
  interviewing: 0,
  accepted: 0,
  declined: 0,
  not_retained: 0,
};

export function toOfferDto(
  row: OfferRow & { partnerName: string },
  counts: ProposalCounts | undefined,
): Offer {
  return {
    id: row.id,
    partnerId: row.partnerId,
    partnerName: row.partnerName,
    fabriqueId: row.fabriqueId,
    title: row.title,
    kind: row.kind,
    positions: row.positions,
    skills: row.skills,
    startDate: row.startDate,
    endDate: row.endDate,
    description: row.description,
    isOpen: row.isOpen,
    proposalCounts: { ...EMPTY_COUNTS, ...counts },
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function toProposalDto(row: ProposalWithLearner): OfferProposal {
  const { proposal } = row;
  return {
    id: proposal.id,
    offerId: proposal.offerId,
    candidacyId: proposal.candidacyId,
    learner: { firstName: row.firstName, lastName: row.lastName },
    sessionId: row.sessionId,
    sessionName: row.sessionName,
    status: proposal.status,
    proposedAt: proposal.proposedAt.toISOString(),
    decidedAt: proposal.decidedAt?.toISOString() ?? null,
    comment: proposal.comment,
    placementId: proposal.placementId,
    version: proposal.version,
  };
}

/** Offers are managed by coordinators of the offer's fabrique and admins; others see none. */
function requireManager(actor: Actor) {
  if (actor.role !== 'admin' && actor.role !== 'coordinator') {
    throw new DomainError('forbidden', 'offers are managed by coordinators and admins');
  }
}

export function createOfferService(deps: {
  db: Database;
  offers: OfferRepository;
  partners: PartnerRepository;
  placements: PlacementRepository;
  placementService: PlacementService;
  audit: AuditRepository;
}) {
  const { db, offers, partners, placements, placementService, audit } = deps;

  async function findVisibleOffer(executor: Executor, actor: Actor, id: string, lock = false) {
    requireManager(actor);
    const row = await offers.findById(executor, id, lock);
    if (!row || !canAccessFabrique(actor, row.fabriqueId)) throw new DomainError('not_found', NO_SUCH_OFFER);
    return row;
  }

  async function findVisiblePartner(executor: Executor, actor: Actor, id: string) {
    const partner = await partners.findById(executor, id);
    const isVisible =
      partner &&
      (actor.role === 'admin' ||
        partner.fabriqueIds.some((fabriqueId) => canAccessFabrique(actor, fabriqueId)));
    if (!partner || !isVisible) throw new DomainError('not_found', 'no such partner');
    return partner;
  }

  async function offerDto(executor: Executor, row: OfferWithPartner): Promise<Offer> {
    return toOfferDto(row, (await offers.countProposals(executor, [row.id])).get(row.id));
  }

  function visibleOf(actor: Actor): readonly string[] | 'all' {
    return actor.role === 'admin' ? 'all' : actor.fabriqueIds;
  }

  return {
    async listPartnerOffers(actor: Actor, partnerId: string, query: OfferListQuery) {
      requireManager(actor);
      await findVisiblePartner(db, actor, partnerId);
      const rows = await offers.listOfPartner(db, {
        partnerId,
        visible: visibleOf(actor),
        limit: query.limit,
        before: decodeCursor(query.cursor),
        isOpen: query.isOpen,
      });
      const page = toPage(rows, query.limit);
      const counts = await offers.countProposals(
        db,
        page.data.map((row) => row.id),
      );
      return {
        data: page.data.map((row) => toOfferDto(row, counts.get(row.id))),
        nextCursor: page.nextCursor,
      };
    },

    /** All offers of a partner the caller sees (the partner detail shows them). */
    async listAllPartnerOffers(executor: Executor, actor: Actor, partnerId: string): Promise<Offer[]> {
      if (actor.role !== 'admin' && actor.role !== 'coordinator') return [];
      const rows = await offers.listOfPartner(executor, { partnerId, visible: visibleOf(actor), limit: 500 });
      const counts = await offers.countProposals(
        executor,
        rows.map((row) => row.id),
      );
      return rows.map((row) => toOfferDto(row, counts.get(row.id)));
    },

    async createOffer(
      context: AuthenticatedContext,
      partnerId: string,
      input: CreatePartnerOffer,
    ): Promise<Offer> {
      const { actor } = context;
      requireManager(actor);
      return db.transaction(async (tx) => {
        const partner = await findVisiblePartner(tx, actor, partnerId);
        let fabriqueId = input.fabriqueId;
        if (fabriqueId) {
          if (!canAccessFabrique(actor, fabriqueId))
            throw new DomainError('rule_violated', `no fabrique ${fabriqueId}`);
          if (!partner.fabriqueIds.includes(fabriqueId)) {
            throw new DomainError('rule_violated', 'the partner does not work with this fabrique');
          }
        } else {
          const shared = partner.fabriqueIds.filter((id) => canAccessFabrique(actor, id));
          if (shared.length !== 1 || !shared[0]) {
            throw new DomainError('rule_violated', 'fabriqueId: say which fabrique manages this offer');
          }
          fabriqueId = shared[0];
        }
        const { fabriqueId: _ignored, ...values } = input;
        const row = await offers.insert(tx, { ...values, partnerId, fabriqueId });
        await audit.record(tx, {
          ...auditMeta(context),
          action: 'offer.created',
          entityType: 'offer',
          entityId: row.id,
          fabriqueId,
          details: { partnerId, title: row.title, kind: row.kind },
        });
        return toOfferDto({ ...row, partnerName: partner.name }, undefined);
      });
    },

    async getOffer(actor: Actor, id: string): Promise<Offer> {
      return offerDto(db, await findVisibleOffer(db, actor, id));
    },

    async updateOffer(
      context: AuthenticatedContext,
      id: string,
      input: UpdateOffer,
      expected: ExpectedVersion | undefined,
    ): Promise<Offer> {
      const { version: _ignored, ...changes } = input;
      return db.transaction(async (tx) => {
        const before = await findVisibleOffer(tx, context.actor, id, true);
        if (expected && expected.version !== before.version)
          throw staleVersionError(expected, before.version);
        const startDate = changes.startDate === undefined ? before.startDate : changes.startDate;
        const endDate = changes.endDate === undefined ? before.endDate : changes.endDate;
        if (startDate && endDate && endDate < startDate)
          throw new DomainError('rule_violated', 'offer.dates_inverted');
        const row = await offers.update(tx, id, changes, before.version);
        if (!row)
          throw staleVersionError(expected ?? { version: before.version, source: 'body' }, before.version);
        await audit.record(tx, {
          ...auditMeta(context),
          action: 'offer.updated',
          entityType: 'offer',
          entityId: id,
          fabriqueId: row.fabriqueId,
          details: { changes },
        });
        return offerDto(tx, { ...row, partnerName: before.partnerName });
      });
    },

    async listProposals(actor: Actor, offerId: string) {
      await findVisibleOffer(db, actor, offerId);
      return { data: (await offers.listProposals(db, offerId)).map(toProposalDto), nextCursor: null };
    },

    /** Only enrolled or completed learners of the offer's fabrique, once per offer. */
    async proposeLearner(
      context: AuthenticatedContext,
      offerId: string,
      input: CreateOfferProposal,
    ): Promise<OfferProposal> {
      try {
        return await db.transaction(async (tx) => {
          const offer = await findVisibleOffer(tx, context.actor, offerId, true);
          if (!offer.isOpen) throw new DomainError('conflict', 'the offer is closed');
          const learner = await placements.findLearner(tx, input.candidacyId);
          if (!learner || learner.fabriqueId !== offer.fabriqueId) {
            throw new DomainError('rule_violated', `no learner ${input.candidacyId} in the offer’s fabrique`);
          }
          if (!PROPOSABLE_STAGES.includes(learner.stage)) {
            throw new DomainError(
              'rule_violated',
              `candidacy at stage ${learner.stage}: only enrolled or completed learners are proposed`,
            );
          }
          const row = await offers.insertProposal(tx, {
            offerId,
            candidacyId: input.candidacyId,
            comment: input.comment,
          });
          await audit.record(tx, {
            ...auditMeta(context),
            action: 'offer.learner_proposed',
            entityType: 'offer',
            entityId: offerId,
            fabriqueId: offer.fabriqueId,
            details: { proposalId: row.id, candidacyId: input.candidacyId },
          });
          const created = await offers.findProposal(tx, offerId, row.id);
          if (!created) throw new Error('proposal vanished');
          return toProposalDto(created);
        });
      } catch (error) {
        if (isUniqueViolation(error))
          throw new DomainError('duplicate', 'this learner is already proposed to the offer');
        throw error;
      }
    },

    /**
     * Moves a proposal (proposed → interviewing → accepted | declined | not_retained); accepting
     * creates the placement in the same transaction and links it to the proposal.
     */
    async updateProposal(
      context: AuthenticatedContext,
      offerId: string,
      proposalId: string,
      input: UpdateOfferProposal,
      expected: ExpectedVersion | undefined,
      now: Date = new Date(),
    ): Promise<OfferProposal> {
      return db.transaction(async (tx) => {
        const offer = await findVisibleOffer(tx, context.actor, offerId, true);
        const before = await offers.findProposal(tx, offerId, proposalId, true);
        if (!before) throw new DomainError('not_found', 'no such proposal');
        const current = before.proposal;
        if (expected && expected.version !== current.version)
          throw staleVersionError(expected, current.version);
        const changes: Parameters<OfferRepository['updateProposal']>[2] = {};
        if (input.comment !== undefined) changes.comment = input.comment;
        if (input.status && input.status !== current.status) {
          if (!canMoveProposal(current.status, input.status)) {
            throw new DomainError(
              'conflict',
              `a proposal cannot move from ${current.status} to ${input.status}`,
            );
          }
          changes.status = input.status;
          if (input.status !== 'interviewing') changes.decidedAt = now;
          if (input.status === 'accepted') {
            const startDate = input.placement?.startDate ?? offer.startDate ?? calendarDateInParis(now);
            const endDate = offer.endDate && offer.endDate >= startDate ? offer.endDate : null;
            const placement = await placementService.createPlacement(
              context,
              {
                candidacyId: current.candidacyId,
                kind: placementKindForOffer(offer.kind),
                partnerId: offer.partnerId,
                employerName: null,
                jobTitle: input.placement?.jobTitle ?? offer.title,
                startDate,
                endDate,
                durationMonths:
                  input.placement?.durationMonths ??
                  (offer.startDate && offer.endDate
                    ? computeOfferDurationMonths(offer.startDate, offer.endDate)
                    : null),
                hasHiringPromise: offer.kind === 'internship' && (input.placement?.hasHiringPromise ?? false),
                isQualifyingTraining: null,
                previousPlacementId: null,
              },
              tx,
            );
            changes.placementId = placement.id;
          }
        }
        const row = await offers.updateProposal(tx, proposalId, changes, current.version);
        if (!row)
          throw staleVersionError(expected ?? { version: current.version, source: 'body' }, current.version);
        await audit.record(tx, {
          ...auditMeta(context),
          action: 'offer.proposal_updated',
          entityType: 'offer',
          entityId: offerId,
          fabriqueId: offer.fabriqueId,
          details: { proposalId, from: current.status, to: row.status, placementId: row.placementId },
        });
        return toProposalDto({ ...before, proposal: row });
      });
    },
  };
}

export type OfferService = ReturnType<typeof createOfferService>;
