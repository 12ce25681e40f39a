import type { AuditLogEntry } from '@passerelle/domain/audit/audit.schema';
import type { Actor } from '@passerelle/domain/auth/access';
import { DomainError } from '@passerelle/domain/shared/errors';
import type { Database } from '../../../db/client.ts';
import type { AuditLogRow } from '../../../db/schema/index.ts';
import { decodeCursor, toPage } from '../http/pagination.ts';
import type { AuditQuery, AuditRepository } from './audit-repository.ts';

function toAuditLogEntry(row: AuditLogRow): AuditLogEntry {
  return { ...row, occurredAt: row.occurredAt.toISOString() };
}

export type AuditLogFilters = Omit<AuditQuery, 'limit' | 'beforeId' | 'from' | 'to'> & {
  from?: string | undefined;
  to?: string | undefined;
};

export function createAuditService(deps: { db: Database; audit: AuditRepository }) {
  return {
    async listAuditLog(
      actor: Actor,
      query: AuditLogFilters & { limit: number; cursor?: string | undefined },
    ) {
      if (actor.role !== 'admin') throw new DomainError('forbidden', 'only an admin may read the audit log');
      const { limit, cursor, from, to, ...filters } = query;
      const rows = await deps.audit.list(deps.db, {
        ...filters,
        limit,
        beforeId: decodeCursor(cursor),
        from: from ? new Date(from) : undefined,
        to: to ? new Date(to) : undefined,
      });
      const page = toPage(rows, limit);
      return { data: page.data.map(toAuditLogEntry), nextCursor: page.nextCursor };
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
