import { z } from 'zod';
import { IdSchema, InstantSchema } from '../shared/common.schema.ts';

export const AuditLogEntrySchema = z
  .object({
    id: IdSchema,
    occurredAt: InstantSchema,
    actorType: z.enum(['user', 'api_client', 'system', 'anonymous']),
    actorId: IdSchema.nullable(),
    action: z.string().describe('What happened, e.g. `user.updated`, `auth.login_failed`'),
    entityType: z.string(),
    entityId: IdSchema.nullable(),
    fabriqueId: IdSchema.nullable(),
    requestId: z.string().nullable().describe('The request id (X-Request-Id) that made the change'),
    ip: z.string().nullable(),
    details: z.record(z.string(), z.unknown()).nullable(),
  })
  .meta({ id: 'AuditLogEntry', description: 'Who did what to which record, when, from where' });
export type AuditLogEntry = z.infer<typeof AuditLogEntrySchema>;

export const AuditLogQuerySchema = z.object({
  entityType: z.string().trim().min(1).max(60).optional(),
  entityId: IdSchema.optional(),
  actorId: IdSchema.optional(),
  action: z.string().trim().min(1).max(100).optional(),
  from: InstantSchema.optional().describe('Only entries at or after this instant'),
  to: InstantSchema.optional().describe('Only entries at or before this instant'),
});
