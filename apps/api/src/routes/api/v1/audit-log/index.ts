import { AuditLogEntrySchema, AuditLogQuerySchema } from '@passerelle/domain/audit/audit.schema';
import { createPageSchema, PageQuerySchema } from '@passerelle/domain/shared/common.schema';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../../../../plugins/app/authentication.ts';

const AuditLogPageSchema = createPageSchema(AuditLogEntrySchema).meta({ id: 'AuditLogPage' });

export default async function auditLogRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/audit-log',
    {
      config: { usersOnly: true },
      schema: {
        tags: ['audit-log'],
        summary: 'Read the audit log, newest first (admin)',
        description:
          'Every write and every sign-in attempt, with the actor, the request id and the IP address.',
        querystring: PageQuerySchema.extend(AuditLogQuerySchema.shape),
        response: { 200: AuditLogPageSchema },
      },
    },
    async (request) => app.services.auditLog.listAuditLog(actorOf(request), request.query),
  );
}
