import { type Actor, canAccessFabrique } from '@passerelle/domain/auth/access';
import type { CreateSessionFunding, SessionFunding } from '@passerelle/domain/funding/funding.schema';
import type { Offer } from '@passerelle/domain/offer/offer.schema';
import {
  type CreatePartner,
  type Partner,
  type PartnerContact,
  PartnerContactSchema,
  type PartnerLinks,
  type PartnerListQuery,
  type PutSessionHost,
  type SessionHostDetail,
  type UpdatePartner,
} from '@passerelle/domain/partner/partner.schema';
import { DomainError } from '@passerelle/domain/shared/errors';
import type { Database, Executor } from '../../../db/client.ts';
import type { AuditRepository } from '../audit/audit-repository.ts';
import type { FabriqueRepository } from '../fabriques/fabrique-repository.ts';
import { type AuthenticatedContext, auditMeta } from '../http/context.ts';
import { decodeKeyset, toKeysetPage } from '../http/keyset.ts';
import { type ExpectedVersion, staleVersionError } from '../http/versioning.ts';
import type { SessionRepository, SessionRow } from '../sessions/session-repository.ts';
import type { PartnerRepository, PartnerWithFabriques } from './partner-repository.ts';

const NO_SUCH_PARTNER = 'no such partner';

function toPartnerDto(row: PartnerWithFabriques): Partner {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    siret: row.siret,
    contacts: PartnerContactSchema.array().catch([]).parse(row.contacts) as PartnerContact[],
    fabriqueIds: row.fabriqueIds,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function visibleOf(actor: Actor): readonly string[] | 'all' {
  if (actor.role === 'admin') return 'all';
  if (actor.role === 'viewer') return [];
  return actor.fabriqueIds;
}

function requireManager(actor: Actor) {
  if (actor.role !== 'admin' && actor.role !== 'coordinator') {
    throw new DomainError('forbidden', 'partners are managed by coordinators and admins');
  }
}

/**
 * Partners: read by the staff of a fabrique they work with (viewers none: contacts are personal
 * data), written by its coordinators and admins; links to sessions as funders and hosts.
 */
export function createPartnerService(deps: {
  db: Database;
  partners: PartnerRepository;
  sessions: SessionRepository;
  fabriques: FabriqueRepository;
  audit: AuditRepository;
  listPartnerOffers: (executor: Executor, actor: Actor, partnerId: string) => Promise<Offer[]>;
}) {
  const { db, partners, sessions, fabriques, audit } = deps;

  async function findVisible(executor: Executor, actor: Actor, id: string, lock = false) {
    if (actor.role === 'viewer') throw new DomainError('forbidden', 'a viewer sees no partner records');
    const row = lock ? await partners.lockById(executor, id) : await partners.findById(executor, id);
    const isVisible =
      row &&
      (actor.role === 'admin' ||
        row.fabriqueIds.some((fabriqueId) => actor.fabriqueIds.includes(fabriqueId)));
    if (!row || !isVisible) throw new DomainError('not_found', NO_SUCH_PARTNER);
    return row;
  }

  async function checkFabriques(executor: Executor, actor: Actor, fabriqueIds: readonly string[]) {
    const existing = new Set(await fabriques.findExistingIds(executor, fabriqueIds));
    const refused = fabriqueIds.find(
      (fabriqueId) => !canAccessFabrique(actor, fabriqueId) || !existing.has(fabriqueId),
    );
    if (refused) throw new DomainError('rule_violated', `no fabrique ${refused}`);
  }

  /** The session, for reading (its staff) or writing (coordinators and admins) its partners. */
  async function findSession(
    executor: Executor,
    actor: Actor,
    id: string,
    write: boolean,
  ): Promise<SessionRow> {
    if (actor.role === 'viewer') throw new DomainError('forbidden', 'a viewer sees no session records');
    const row = write ? await sessions.lockForUpdate(executor, id) : await sessions.findById(executor, id);
    if (!row || !canAccessFabrique(actor, row.fabriqueId))
      throw new DomainError('not_found', 'no such session');
    if (actor.role === 'trainer' && !(await sessions.isTrainerOf(executor, id, actor.id))) {
      throw new DomainError('not_found', 'no such session');
    }
    if (write) requireManager(actor);
    return row;
  }

  /** A partner the caller sees, linked to the session's fabrique if it was not yet. */
  async function partnerForSession(executor: Executor, actor: Actor, partnerId: string, session: SessionRow) {
    const partner = await findVisible(executor, actor, partnerId).catch((error: unknown) => {
      if (error instanceof DomainError && error.code === 'not_found') {
        throw new DomainError('rule_violated', `no partner ${partnerId}`);
      }
      throw error;
    });
    await partners.linkFabrique(executor, partnerId, session.fabriqueId);
    return partner;
  }

  return {
    async listPartners(actor: Actor, query: PartnerListQuery) {
      if (actor.role === 'viewer') throw new DomainError('forbidden', 'a viewer sees no partner records');
      const rows = await partners.list(db, {
        visible: visibleOf(actor),
        limit: query.limit,
        after: decodeKeyset(query.cursor),
        kind: query.kind,
        fabriqueId: query.fabriqueId,
        q: query.q,
      });
      const page = toKeysetPage(rows, query.limit, (row) => row.name);
      return { data: page.data.map(toPartnerDto), nextCursor: page.nextCursor };
    },

    async getPartner(actor: Actor, id: string): Promise<Partner> {
      return toPartnerDto(await findVisible(db, actor, id));
    },

    /** A coordinator's partner works with their fabriques unless they name some of them. */
    async createPartner(context: AuthenticatedContext, input: CreatePartner): Promise<Partner> {
      const { actor } = context;
      requireManager(actor);
      const fabriqueIds =
        input.fabriqueIds.length > 0 || actor.role === 'admin' ? input.fabriqueIds : [...actor.fabriqueIds];
      return db.transaction(async (tx) => {
        await checkFabriques(tx, actor, fabriqueIds);
        const { fabriqueIds: _ignored, ...values } = input;
        const row = await partners.insert(tx, values);
        await partners.replaceFabriques(tx, row.id, fabriqueIds);
        await audit.record(tx, {
          ...auditMeta(context),
          action: 'partner.created',
          entityType: 'partner',
          entityId: row.id,
          fabriqueId: fabriqueIds[0] ?? null,
          details: { name: row.name, kind: row.kind, fabriqueIds },
        });
        return toPartnerDto({ ...row, fabriqueIds: [...new Set(fabriqueIds)].sort() });
      });
    },

    /** `fabriqueIds` replaces the caller's share of the list; other fabriques' links stay. */
    async updatePartner(
      context: AuthenticatedContext,
      id: string,
      input: UpdatePartner,
      expected: ExpectedVersion | undefined,
    ): Promise<Partner> {
      const { actor } = context;
      requireManager(actor);
      const { version: _ignored, fabriqueIds, ...changes } = input;
      return db.transaction(async (tx) => {
        const before = await findVisible(tx, actor, id, true);
        if (expected && expected.version !== before.version)
          throw staleVersionError(expected, before.version);
        let nextFabriqueIds = before.fabriqueIds;
        if (fabriqueIds) {
          await checkFabriques(tx, actor, fabriqueIds);
          const kept = before.fabriqueIds.filter((fabriqueId) => !canAccessFabrique(actor, fabriqueId));
          nextFabriqueIds = [...new Set([...kept, ...fabriqueIds])].sort();
          if (nextFabriqueIds.length === 0 && actor.role !== 'admin') {
            throw new DomainError('rule_violated', 'a partner must keep at least one fabrique');
          }
        }
        const row = await partners.update(tx, id, changes, before.version);
        if (!row)
          throw staleVersionError(expected ?? { version: before.version, source: 'body' }, before.version);
        if (fabriqueIds) await partners.replaceFabriques(tx, id, nextFabriqueIds);
        await audit.record(tx, {
          ...auditMeta(context),
          action: 'partner.updated',
          entityType: 'partner',
          entityId: id,
          fabriqueId: nextFabriqueIds[0] ?? null,
          details: { changes: fabriqueIds ? { ...changes, fabriqueIds: nextFabriqueIds } : changes },
        });
        return toPartnerDto({ ...row, fabriqueIds: nextFabriqueIds });
      });
    },

    /** Everything the partner is linked to, within the caller's fabriques. */
    async getPartnerLinks(actor: Actor, id: string): Promise<PartnerLinks> {
      await findVisible(db, actor, id);
      const visible = visibleOf(actor);
      const links = await partners.findLinks(db, id, visible);
      const canSeePeople = actor.role === 'admin' || actor.role === 'coordinator';
      return {
        partnerId: id,
        fundings: links.fundings.map((row) => ({
          id: row.funding.id,
          session: row.session,
          amountCents: row.funding.amountCents,
          scheme: row.funding.scheme,
          version: row.funding.version,
        })),
        totalFundingCents: links.fundings.reduce((total, row) => total + row.funding.amountCents, 0),
        hostedSessions: links.hosted.map((row) => ({ session: row.session, role: row.role })),
        referrals: {
          count: links.referralCount,
          candidacies: canSeePeople
            ? links.referrals.map((row) => ({
                id: row.id,
                learner: { firstName: row.firstName, lastName: row.lastName },
                sessionName: row.sessionName,
                stage: row.stage,
              }))
            : [],
        },
        placements: canSeePeople
          ? links.placed.map((row) => ({
              id: row.id,
              candidacyId: row.candidacyId,
              learner: { firstName: row.firstName, lastName: row.lastName },
              kind: row.kind,
              jobTitle: row.jobTitle,
              startDate: row.startDate,
            }))
          : [],
        offers: await deps.listPartnerOffers(db, actor, id),
      };
    },

    async listSessionFundings(actor: Actor, sessionId: string): Promise<SessionFunding[]> {
      await findSession(db, actor, sessionId, false);
      return (await partners.listFundingsOfSession(db, sessionId)).map((row) => ({
        id: row.funding.id,
        sessionId: row.funding.sessionId,
        partnerId: row.funding.partnerId,
        partnerName: row.partnerName,
        amountCents: row.funding.amountCents,
        scheme: row.funding.scheme,
        auditRetentionYears: row.funding.auditRetentionYears,
        version: row.funding.version,
        createdAt: row.funding.createdAt.toISOString(),
      }));
    },

    async addSessionFunding(
      context: AuthenticatedContext,
      sessionId: string,
      input: CreateSessionFunding,
    ): Promise<SessionFunding> {
      return db.transaction(async (tx) => {
        const session = await findSession(tx, context.actor, sessionId, true);
        const partner = await partnerForSession(tx, context.actor, input.partnerId, session);
        const row = await partners.insertFunding(tx, { ...input, sessionId });
        await audit.record(tx, {
          ...auditMeta(context),
          action: 'session.funding_added',
          entityType: 'session',
          entityId: sessionId,
          fabriqueId: session.fabriqueId,
          details: {
            fundingId: row.id,
            partnerId: input.partnerId,
            amountCents: input.amountCents,
            scheme: input.scheme,
          },
        });
        return {
          id: row.id,
          sessionId,
          partnerId: row.partnerId,
          partnerName: partner.name,
          amountCents: row.amountCents,
          scheme: row.scheme,
          auditRetentionYears: row.auditRetentionYears,
          version: row.version,
          createdAt: row.createdAt.toISOString(),
        };
      });
    },

    async removeSessionFunding(
      context: AuthenticatedContext,
      sessionId: string,
      fundingId: string,
    ): Promise<void> {
      await db.transaction(async (tx) => {
        const session = await findSession(tx, context.actor, sessionId, true);
        const row = await partners.deleteFunding(tx, sessionId, fundingId);
        if (!row) throw new DomainError('not_found', 'no such funding');
        await audit.record(tx, {
          ...auditMeta(context),
          action: 'session.funding_removed',
          entityType: 'session',
          entityId: sessionId,
          fabriqueId: session.fabriqueId,
          details: { fundingId, partnerId: row.partnerId, amountCents: row.amountCents, scheme: row.scheme },
        });
      });
    },

    async listSessionHosts(actor: Actor, sessionId: string): Promise<SessionHostDetail[]> {
      await findSession(db, actor, sessionId, false);
      return partners.listHostsOfSession(db, sessionId);
    },

    async putSessionHost(
      context: AuthenticatedContext,
      sessionId: string,
      partnerId: string,
      input: PutSessionHost,
    ): Promise<SessionHostDetail> {
      return db.transaction(async (tx) => {
        const session = await findSession(tx, context.actor, sessionId, true);
        const partner = await partnerForSession(tx, context.actor, partnerId, session);
        await partners.upsertHost(tx, { sessionId, partnerId, role: input.role });
        await audit.record(tx, {
          ...auditMeta(context),
          action: 'session.host_set',
          entityType: 'session',
          entityId: sessionId,
          fabriqueId: session.fabriqueId,
          details: { partnerId, role: input.role },
        });
        return { sessionId, partnerId, partnerName: partner.name, role: input.role };
      });
    },

    async removeSessionHost(
      context: AuthenticatedContext,
      sessionId: string,
      partnerId: string,
    ): Promise<void> {
      await db.transaction(async (tx) => {
        const session = await findSession(tx, context.actor, sessionId, true);
        if (!(await partners.deleteHost(tx, sessionId, partnerId)))
          throw new DomainError('not_found', 'no such host');
        await audit.record(tx, {
          ...auditMeta(context),
          action: 'session.host_removed',
          entityType: 'session',
          entityId: sessionId,
          fabriqueId: session.fabriqueId,
          details: { partnerId },
        });
      });
    },
  };
}

export type PartnerService = ReturnType<typeof createPartnerService>;
