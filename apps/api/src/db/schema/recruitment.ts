import { CANDIDACY_STAGES } from '@passerelle/domain/candidacy/candidacy.schema';
import { ELIGIBILITY_STATUSES } from '@passerelle/domain/eligibility/eligibility.schema';
import { PROGRAM_KINDS } from '@passerelle/domain/program/program.schema';
import { RECOMMENDATIONS, SCORECARD_STEPS } from '@passerelle/domain/scorecard/scorecard.schema';
import { SESSION_STATUSES } from '@passerelle/domain/session/session.schema';
import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { idColumn, instant, timestampColumns, versionColumn } from './columns.ts';
import { fabriques } from './fabriques.ts';
import { users } from './users.ts';

/** A policy's identity; its rules live in versions, and evaluations keep the version they used. */
export const eligibilityPolicies = pgTable('eligibility_policies', {
  id: idColumn(),
  name: text('name').notNull(),
  programId: uuid('program_id'),
  currentVersion: integer('current_version').notNull().default(1),
  version: versionColumn(),
  ...timestampColumns(),
});

export const eligibilityPolicyVersions = pgTable(
  'eligibility_policy_versions',
  {
    policyId: uuid('policy_id')
      .notNull()
      .references(() => eligibilityPolicies.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    name: text('name').notNull(),
    rules: jsonb('rules').notNull().$type<Record<string, unknown>>(),
    createdAt: instant('created_at').notNull().defaultNow(),
    createdBy: uuid('created_by'),
  },
  (table) => [primaryKey({ columns: [table.policyId, table.version] })],
);

export const programs = pgTable('programs', {
  id: idColumn(),
  fabriqueId: uuid('fabrique_id').references(() => fabriques.id, { onDelete: 'restrict' }),
  title: text('title').notNull(),
  kind: text('kind', { enum: PROGRAM_KINDS }).notNull(),
  rncpCode: text('rncp_code'),
  rncpLevel: integer('rncp_level'),
  durationHours: integer('duration_hours').notNull(),
  defaultEligibilityPolicyId: uuid('default_eligibility_policy_id').references(() => eligibilityPolicies.id, {
    onDelete: 'set null',
  }),
  /** The program's positive-exit mapping (domain OutcomeMapping); null means domain.md's default. */
  outcomeMapping: jsonb('outcome_mapping').$type<Record<string, unknown>>(),
  version: versionColumn(),
  ...timestampColumns(),
});

export const sessions = pgTable(
  'sessions',
  {
    id: idColumn(),
    fabriqueId: uuid('fabrique_id')
      .notNull()
      .references(() => fabriques.id, { onDelete: 'restrict' }),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'restrict' }),
    name: text('name').notNull(),
    status: text('status', { enum: SESSION_STATUSES }).notNull().default('draft'),
    applicationOpensOn: date('application_opens_on', { mode: 'string' }).notNull(),
    applicationClosesOn: date('application_closes_on', { mode: 'string' }).notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }).notNull(),
    capacity: integer('capacity').notNull(),
    eligibilityPolicyId: uuid('eligibility_policy_id')
      .notNull()
      .references(() => eligibilityPolicies.id, { onDelete: 'restrict' }),
    targets: jsonb('targets').notNull().default([]).$type<unknown[]>(),
    autoCloseAfterDays: integer('auto_close_after_days').notNull().default(30),
    version: versionColumn(),
    ...timestampColumns(),
  },
  (table) => [
    index().on(table.fabriqueId, table.status),
    index().on(table.programId),
    index().on(table.startDate),
  ],
);

export const sessionTrainers = pgTable(
  'session_trainers',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (table) => [primaryKey({ columns: [table.sessionId, table.userId] }), index().on(table.userId)],
);

export const candidates = pgTable(
  'candidates',
  {
    id: idColumn(),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    email: text('email'),
    phone: text('phone'),
    address: jsonb('address').$type<Record<string, unknown>>(),
    facts: jsonb('facts').notNull().default({}).$type<Record<string, unknown>>(),
    source: jsonb('source').$type<Record<string, unknown>>(),
    consent: jsonb('consent').notNull().$type<Record<string, unknown>>(),
    disabilityRecognition: boolean('disability_recognition'),
    /** Normalised "first last email phone" for trigram search. */
    searchText: text('search_text').notNull().default(''),
    /** Name + birth date key for duplicate detection. */
    identityKey: text('identity_key'),
    version: versionColumn(),
    ...timestampColumns(),
  },
  (table) => [
    uniqueIndex('candidates_email_unique').on(table.email).where(sql`${table.email} is not null`),
    index().on(table.phone),
    index().on(table.identityKey),
    index('candidates_search_trgm').using('gin', sql`${table.searchText} gin_trgm_ops`),
  ],
);

export const candidacies = pgTable(
  'candidacies',
  {
    id: idColumn(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'restrict' }),
    candidateId: uuid('candidate_id')
      .notNull()
      .references(() => candidates.id, { onDelete: 'restrict' }),
    /** The session's fabrique, copied for access checks and filters without a join. */
    fabriqueId: uuid('fabrique_id')
      .notNull()
      .references(() => fabriques.id, { onDelete: 'restrict' }),
    stage: text('stage', { enum: CANDIDACY_STAGES }).notNull().default('submitted'),
    applicationDate: date('application_date', { mode: 'string' }).notNull(),
    submittedAt: instant('submitted_at').notNull().defaultNow(),
    stageChangedAt: instant('stage_changed_at').notNull().defaultNow(),
    source: text('source'),
    referrerPartnerId: uuid('referrer_partner_id'),
    answers: jsonb('answers').notNull().default([]).$type<unknown[]>(),
    rejection: jsonb('rejection').$type<Record<string, unknown>>(),
    withdrawalReason: text('withdrawal_reason'),
    eligibility: jsonb('eligibility').$type<Record<string, unknown>>(),
    eligibilityStatus: text('eligibility_status', { enum: ELIGIBILITY_STATUSES }),
    eligibilityInputs: jsonb('eligibility_inputs').$type<Record<string, unknown>>(),
    /** Criteria met by the latest evaluation, for the `criterion` filter and composition. */
    criteriaMet: text('criteria_met').array().notNull().default(sql`'{}'::text[]`),
    eligibilityDecision: jsonb('eligibility_decision').$type<Record<string, unknown>>(),
    isFlaggedEnrolledElsewhere: boolean('is_flagged_enrolled_elsewhere').notNull().default(false),
    version: versionColumn(),
    ...timestampColumns(),
  },
  (table) => [
    // A candidate holds at most one open candidacy per session.
    uniqueIndex('candidacies_one_open_per_session')
      .on(table.candidateId, table.sessionId)
      .where(sql`${table.stage} not in ('rejected', 'withdrawn')`),
    index().on(table.sessionId, table.stage),
    index().on(table.fabriqueId, table.submittedAt, table.id),
    // The default sort across fabriques (admins, coordinators of several fabriques): a keyset walk, no sort.
    index().on(table.submittedAt, table.id),
    index().on(table.candidateId),
    index('candidacies_criteria_met_gin').using('gin', table.criteriaMet),
  ],
);

export const candidacyEvents = pgTable(
  'candidacy_events',
  {
    id: idColumn(),
    candidacyId: uuid('candidacy_id')
      .notNull()
      .references(() => candidacies.id, { onDelete: 'cascade' }),
    occurredAt: instant('occurred_at').notNull().defaultNow(),
    actorType: text('actor_type', { enum: ['user', 'api_client', 'system', 'anonymous'] }).notNull(),
    actorId: uuid('actor_id'),
    type: text('type').notNull(),
    fromStage: text('from_stage'),
    toStage: text('to_stage'),
    details: jsonb('details').$type<Record<string, unknown>>(),
    requestId: text('request_id'),
  },
  (table) => [index().on(table.candidacyId, table.occurredAt)],
);

export const scorecards = pgTable(
  'scorecards',
  {
    id: idColumn(),
    candidacyId: uuid('candidacy_id')
      .notNull()
      .references(() => candidacies.id, { onDelete: 'cascade' }),
    step: text('step', { enum: SCORECARD_STEPS }).notNull(),
    scores: jsonb('scores').notNull().$type<unknown[]>(),
    total: numeric('total', { mode: 'number' }).notNull(),
    maxTotal: numeric('max_total', { mode: 'number' }).notNull(),
    recommendation: text('recommendation', { enum: RECOMMENDATIONS }).notNull(),
    comment: text('comment'),
    evaluatorId: uuid('evaluator_id').notNull(),
    evaluatedAt: instant('evaluated_at').notNull().defaultNow(),
    version: versionColumn(),
  },
  (table) => [index().on(table.candidacyId)],
);

export const candidacyNotes = pgTable(
  'candidacy_notes',
  {
    id: idColumn(),
    candidacyId: uuid('candidacy_id')
      .notNull()
      .references(() => candidacies.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').notNull(),
    body: text('body').notNull(),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (table) => [index().on(table.candidacyId)],
);

/** Responses kept 24 h per caller and Idempotency-Key, so that a retried POST does its work once. */
export const idempotencyRecords = pgTable(
  'idempotency_records',
  {
    callerKey: text('caller_key').notNull(),
    key: text('key').notNull(),
    method: text('method').notNull(),
    path: text('path').notNull(),
    requestHash: text('request_hash').notNull(),
    statusCode: integer('status_code'),
    responseBody: text('response_body'),
    responseHeaders: jsonb('response_headers').$type<Record<string, string>>(),
    createdAt: instant('created_at').notNull().defaultNow(),
    completedAt: instant('completed_at'),
  },
  (table) => [primaryKey({ columns: [table.callerKey, table.key] }), index().on(table.createdAt)],
);
