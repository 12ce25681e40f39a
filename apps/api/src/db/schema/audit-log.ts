import { index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { idColumn, instant } from './columns.ts';

export const auditLog = pgTable(
  'audit_log',
  {
    id: idColumn(),
    occurredAt: instant('occurred_at').notNull().defaultNow(),
    actorType: text('actor_type', { enum: ['user', 'api_client', 'system', 'anonymous'] }).notNull(),
    actorId: uuid('actor_id'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: uuid('entity_id'),
    fabriqueId: uuid('fabrique_id'),
    requestId: text('request_id'),
    ip: text('ip'),
    details: jsonb('details').$type<Record<string, unknown>>(),
  },
  (table) => [
    index().on(table.entityType, table.entityId),
    index().on(table.actorId),
    index().on(table.occurredAt),
  ],
);

export type AuditLogRow = typeof auditLog.$inferSelect;
