import { MILESTONES } from '@passerelle/domain/follow-up/follow-up.schema';
import { OFFER_KINDS, OFFER_PROPOSAL_STATUSES } from '@passerelle/domain/offer/offer.schema';
import { PARTNER_KINDS } from '@passerelle/domain/partner/partner.schema';
import { PLACEMENT_KINDS } from '@passerelle/domain/placement/placement.schema';
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { idColumn, instant, timestampColumns, versionColumn } from './columns.ts';
import { fabriques } from './fabriques.ts';
import { candidacies, sessions } from './recruitment.ts';

/** Organisations a fabrique works with; contacts are few and always read with their partner. */
export const partners = pgTable(
  'partners',
  {
    id: idColumn(),
    name: text('name').notNull(),
    kind: text('kind', { enum: PARTNER_KINDS }).notNull(),
    siret: text('siret'),
    contacts: jsonb('contacts').notNull().default([]).$type<unknown[]>(),
    version: versionColumn(),
    ...timestampColumns(),
  },
  (table) => [
    index().on(table.kind),
    index('partners_name_trgm').using('gin', sql`${table.name} gin_trgm_ops`),
  ],
);

/** Which fabriques work with a partner: the unit of access to it. */
export const partnerFabriques = pgTable(
  'partner_fabriques',
  {
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    fabriqueId: uuid('fabrique_id')
      .notNull()
      .references(() => fabriques.id, { onDelete: 'cascade' }),
  },
  (table) => [primaryKey({ columns: [table.partnerId, table.fabriqueId] }), index().on(table.fabriqueId)],
);

/** A funder's contribution to a session. */
export const sessionFundings = pgTable(
  'session_fundings',
  {
    id: idColumn(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'restrict' }),
    amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
    scheme: text('scheme').notNull(),
    auditRetentionYears: integer('audit_retention_years').notNull().default(10),
    version: versionColumn(),
    ...timestampColumns(),
  },
  (table) => [index().on(table.sessionId), index().on(table.partnerId)],
);

/** A partner hosting a session (premises, incubator …). */
export const sessionHosts = pgTable(
  'session_hosts',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'restrict' }),
    role: text('role'),
  },
  (table) => [primaryKey({ columns: [table.sessionId, table.partnerId] }), index().on(table.partnerId)],
);

export const offers = pgTable(
  'offers',
  {
    id: idColumn(),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'restrict' }),
    /** The fabrique whose coordinators manage the offer (a partner may work with several). */
    fabriqueId: uuid('fabrique_id')
      .notNull()
      .references(() => fabriques.id, { onDelete: 'restrict' }),
    title: text('title').notNull(),
    kind: text('kind', { enum: OFFER_KINDS }).notNull(),
    positions: integer('positions').notNull().default(1),
    skills: text('skills').array().notNull().default(sql`'{}'::text[]`),
    startDate: date('start_date', { mode: 'string' }),
    endDate: date('end_date', { mode: 'string' }),
    description: text('description'),
    isOpen: boolean('is_open').notNull().default(true),
    version: versionColumn(),
    ...timestampColumns(),
  },
  (table) => [index().on(table.partnerId), index().on(table.fabriqueId, table.isOpen)],
);

export const placements = pgTable(
  'placements',
  {
    id: idColumn(),
    candidacyId: uuid('candidacy_id')
      .notNull()
      .references(() => candidacies.id, { onDelete: 'cascade' }),
    /** Copied from the candidacy for access checks and report filters without a join. */
    fabriqueId: uuid('fabrique_id')
      .notNull()
      .references(() => fabriques.id, { onDelete: 'restrict' }),
    kind: text('kind', { enum: PLACEMENT_KINDS }).notNull(),
    partnerId: uuid('partner_id').references(() => partners.id, { onDelete: 'restrict' }),
    employerName: text('employer_name'),
    jobTitle: text('job_title'),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }),
    durationMonths: integer('duration_months'),
    hasHiringPromise: boolean('has_hiring_promise').notNull().default(false),
    isQualifyingTraining: boolean('is_qualifying_training'),
    previousPlacementId: uuid('previous_placement_id'),
    version: versionColumn(),
    ...timestampColumns(),
  },
  (table) => [
    index().on(table.candidacyId, table.startDate),
    index().on(table.fabriqueId),
    index().on(table.partnerId),
  ],
);

export const offerProposals = pgTable(
  'offer_proposals',
  {
    id: idColumn(),
    offerId: uuid('offer_id')
      .notNull()
      .references(() => offers.id, { onDelete: 'cascade' }),
    candidacyId: uuid('candidacy_id')
      .notNull()
      .references(() => candidacies.id, { onDelete: 'cascade' }),
    status: text('status', { enum: OFFER_PROPOSAL_STATUSES }).notNull().default('proposed'),
    proposedAt: instant('proposed_at').notNull().defaultNow(),
    decidedAt: instant('decided_at'),
    placementId: uuid('placement_id').references(() => placements.id, { onDelete: 'set null' }),
    comment: text('comment'),
    version: versionColumn(),
  },
  (table) => [uniqueIndex().on(table.offerId, table.candidacyId), index().on(table.candidacyId)],
);

/**
 * One row per learner and milestone, created when the learner enrols (due dates from the session's end);
 * `situation` stays null until someone records it.
 */
export const followUps = pgTable(
  'follow_ups',
  {
    id: idColumn(),
    candidacyId: uuid('candidacy_id')
      .notNull()
      .references(() => candidacies.id, { onDelete: 'cascade' }),
    fabriqueId: uuid('fabrique_id')
      .notNull()
      .references(() => fabriques.id, { onDelete: 'restrict' }),
    milestone: text('milestone', { enum: MILESTONES }).notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    situation: jsonb('situation').$type<Record<string, unknown>>(),
    /** The situation's kind, copied out of `situation` for report grouping. */
    situationKind: text('situation_kind'),
    placementId: uuid('placement_id').references(() => placements.id, { onDelete: 'set null' }),
    comment: text('comment'),
    recordedBy: uuid('recorded_by'),
    recordedAt: instant('recorded_at'),
    version: versionColumn(),
    ...timestampColumns(),
  },
  (table) => [
    uniqueIndex().on(table.candidacyId, table.milestone),
    index().on(table.fabriqueId, table.dueOn).where(sql`${table.recordedAt} is null`),
  ],
);
