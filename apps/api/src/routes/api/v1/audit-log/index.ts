import { AuditLogEntrySchema, AuditLogQuerySchema } from '@passerelle/domain/audit/audit.schema';
import { createPageSchema, PageQuerySchema } from '@passerelle/domain/shared/common.schema';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AuditLogRow } from '../../../../db/schema/index.ts';
import { requireRole } from '../../../../plugins/app/authentication.ts';
import { decodeCursor, toPage } from '../../../../plugins/app/http/pagination.ts';

const AuditLogPageSchema = createPageSchema(AuditLogEntrySchema).meta({ id: 'AuditLogPage' });

function toAuditLogEntry(row: AuditLogRow) {
  return { ...row, occurredAt: row.occurredAt.toISOString() };
}

export default async function auditLogRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/audit-log',
    {
      schema: {
        tags: ['audit-log'],
        summary: 'Read the audit log, newest first (admin)',
        querystring: PageQuerySchema.extend(AuditLogQuerySchema.shape),
        response: { 200: AuditLogPageSchema },
      },
    },
    async (request) => {
      requireRole(request, 'admin');
      const { limit, cursor, from, to, ...filters } = request.query;
      const rows = await app.services.audit.list(app.db, {
        ...filters,
        limit,
        beforeId: decodeCursor(cursor),
        from: from ? new Date(from) : undefined,
        to: to ? new Date(to) : undefined,
      });
      const page = toPage(rows, limit);
      return { data: page.data.map(toAuditLogEntry), nextCursor: page.nextCursor };
    },
  );
}
