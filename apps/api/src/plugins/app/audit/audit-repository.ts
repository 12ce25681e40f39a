import { and, desc, eq, gte, lt, lte, type SQL } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { auditLog } from '../../../db/schema/index.ts';

export interface AuditEntry {
  actorType: 'user' | 'api_client' | 'system' | 'anonymous';
  actorId?: string | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  fabriqueId?: string | null;
  requestId?: string | null;
  ip?: string | null;
  details?: Record<string, unknown> | null;
}

export interface AuditQuery {
  limit: number;
  beforeId?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  actorId?: string | undefined;
  action?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
}

export function createAuditRepository() {
  return {
    async record(executor: Executor, entry: AuditEntry) {
      await executor.insert(auditLog).values(entry);
    },

    async list(executor: Executor, query: AuditQuery) {
      const filters: SQL[] = [];
      if (query.beforeId) filters.push(lt(auditLog.id, query.beforeId));
      if (query.entityType) filters.push(eq(auditLog.entityType, query.entityType));
      if (query.entityId) filters.push(eq(auditLog.entityId, query.entityId));
      if (query.actorId) filters.push(eq(auditLog.actorId, query.actorId));
      if (query.action) filters.push(eq(auditLog.action, query.action));
      if (query.from) filters.push(gte(auditLog.occurredAt, query.from));
      if (query.to) filters.push(lte(auditLog.occurredAt, query.to));
      return executor
        .select()
        .from(auditLog)
        .where(and(...filters))
        .orderBy(desc(auditLog.id))
        .limit(query.limit + 1);
    },
  };
}

export type AuditRepository = ReturnType<typeof createAuditRepository>;
