import { sql } from 'drizzle-orm';
import {
  boolean,
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

/** Integrations authenticating with the OAuth 2.0 client-credentials grant; `id` is the client_id. */
export const apiClients = pgTable('api_clients', {
  id: idColumn(),
  name: text('name').notNull(),
  description: text('description'),
  scopes: text('scopes').array().notNull(),
  isAllFabriques: boolean('is_all_fabriques').notNull().default(false),
  /** SHA-256 of the 256-bit secret: see api-client-service.ts for why not argon2. */
  secretHash: text('secret_hash').notNull(),
  secretPrefix: text('secret_prefix').notNull(),
  secretRotatedAt: instant('secret_rotated_at').notNull().defaultNow(),
  lastUsedAt: instant('last_used_at'),
  revokedAt: instant('revoked_at'),
  createdBy: uuid('created_by'),
  version: versionColumn(),
  ...timestampColumns(),
});
export type ApiClientRow = typeof apiClients.$inferSelect;

export const apiClientFabriques = pgTable(
  'api_client_fabriques',
  {
    apiClientId: uuid('api_client_id')
      .notNull()
      .references(() => apiClients.id, { onDelete: 'cascade' }),
    fabriqueId: uuid('fabrique_id')
      .notNull()
      .references(() => fabriques.id, { onDelete: 'restrict' }),
  },
  (table) => [primaryKey({ columns: [table.apiClientId, table.fabriqueId] }), index().on(table.fabriqueId)],
);

export const webhookSubscriptions = pgTable(
  'webhook_subscriptions',
  {
    id: idColumn(),
    url: text('url').notNull(),
    description: text('description'),
    events: text('events').array().notNull(),
    /** Null: events of every fabrique. */
    fabriqueId: uuid('fabrique_id').references(() => fabriques.id, { onDelete: 'cascade' }),
    /**
     * The signing key, base64. Kept in clear because signing needs it (as every Standard Webhooks
     * sender does); it never leaves the server after creation.
     */
    secret: text('secret').notNull(),
    isEnabled: boolean('is_enabled').notNull().default(true),
    disabledReason: text('disabled_reason', { enum: ['manual', 'persistent_failure'] }),
    disabledAt: instant('disabled_at'),
    consecutiveFailures: integer('consecutive_failures').notNull().default(0),
    createdBy: uuid('created_by'),
    version: versionColumn(),
    ...timestampColumns(),
  },
  (table) => [index().on(table.fabriqueId)],
);
export type WebhookSubscriptionRow = typeof webhookSubscriptions.$inferSelect;

/** The outbox: one row per domain event, written in the transaction of the change. */
export const webhookEvents = pgTable(
  'webhook_events',
  {
    id: idColumn(),
    type: text('type').notNull(),
    fabriqueId: uuid('fabrique_id'),
    payload: jsonb('payload').notNull().$type<Record<string, unknown>>(),
    occurredAt: instant('occurred_at').notNull().defaultNow(),
  },
  (table) => [index().on(table.occurredAt)],
);
export type WebhookEventRow = typeof webhookEvents.$inferSelect;

/**
 * One event to one subscription. The worker claims due rows with `FOR UPDATE SKIP LOCKED` and a
 * lease (`lease_expires_at`), so that two instances never hold the same delivery at once and a
 * crashed instance's delivery is taken again once its lease ends.
 */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: idColumn(),
    subscriptionId: uuid('subscription_id')
      .notNull()
      .references(() => webhookSubscriptions.id, { onDelete: 'cascade' }),
    eventId: uuid('event_id')
      .notNull()
      .references(() => webhookEvents.id, { onDelete: 'cascade' }),
    status: text('status', { enum: ['pending', 'delivering', 'succeeded', 'failed'] })
      .notNull()
      .default('pending'),
    attemptCount: integer('attempt_count').notNull().default(0),
    /** Attempts of the current run: a manual redelivery starts a new run of attempts. */
    runAttemptCount: integer('run_attempt_count').notNull().default(0),
    nextAttemptAt: instant('next_attempt_at').defaultNow(),
    leaseToken: uuid('lease_token'),
    leaseExpiresAt: instant('lease_expires_at'),
    createdAt: instant('created_at').notNull().defaultNow(),
    completedAt: instant('completed_at'),
  },
  (table) => [
    uniqueIndex().on(table.subscriptionId, table.eventId),
    index('webhook_deliveries_due')
      .on(table.nextAttemptAt)
      .where(sql`${table.status} in ('pending', 'delivering')`),
    index().on(table.subscriptionId, table.id),
  ],
);
export type WebhookDeliveryRow = typeof webhookDeliveries.$inferSelect;

/** Every attempt, once: (delivery, attempt number) is unique, so a duplicate attempt cannot be logged. */
export const webhookAttempts = pgTable(
  'webhook_attempts',
  {
    id: idColumn(),
    deliveryId: uuid('delivery_id')
      .notNull()
      .references(() => webhookDeliveries.id, { onDelete: 'cascade' }),
    attemptNumber: integer('attempt_number').notNull(),
    startedAt: instant('started_at').notNull(),
    durationMs: integer('duration_ms'),
    statusCode: integer('status_code'),
    isSuccess: boolean('is_success').notNull(),
    responseExcerpt: text('response_excerpt'),
    error: text('error'),
    instanceId: text('instance_id'),
  },
  (table) => [uniqueIndex().on(table.deliveryId, table.attemptNumber)],
);
export type WebhookAttemptRow = typeof webhookAttempts.$inferSelect;
