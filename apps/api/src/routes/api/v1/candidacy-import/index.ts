import {
  CANDIDACY_IMPORT_COLUMNS,
  CandidacyImportQuerySchema,
  CandidacyImportReportSchema,
} from '@passerelle/domain/application/application.schema';
import type { Locale } from '@passerelle/domain/messages/messages';
import { DomainError } from '@passerelle/domain/shared/errors';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireRole } from '../../../../plugins/app/authentication.ts';
import { contextOf } from '../../../../plugins/app/http/context.ts';

const IMPORT_BODY_LIMIT = 10 * 1024 * 1024;

export default async function candidacyImportRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  fastify.addContentTypeParser(
    'text/csv',
    { parseAs: 'string', bodyLimit: IMPORT_BODY_LIMIT },
    (_request, body, done) => done(null, body),
  );

  app.post(
    '/candidacies/import',
    {
      config: { scope: 'candidacies:write' },
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags: ['candidacies'],
        summary: 'Import candidacies from a CSV file',
        description:
          'Body: a `text/csv` file (UTF-8, comma or semicolon separated, up to 10 MiB), a header row then one ' +
          `candidacy a row. Columns: ${CANDIDACY_IMPORT_COLUMNS.map((column) => `\`${column}\``).join(', ')}. ` +
          '`sessionId` may be given once as a query parameter instead; booleans read `oui`/`non`, `true`/`false`, ' +
          '`1`/`0`; `diplomaLevel`, `gender`, `employmentSituation` and `source` take the API’s codes; ' +
          '`privacyNoticeVersion` records the consent collected. Every row goes through the same intake as ' +
          '`POST /candidacies`. `mode=all_or_nothing` (default) stores nothing when a row fails (the valid ' +
          'rows are `skipped`); `mode=per_row` stores the valid rows. `dryRun=true` validates and reports ' +
          'without storing anything.',
        consumes: ['text/csv'],
        querystring: CandidacyImportQuerySchema,
        body: z.string().describe('The CSV file'),
        response: { 200: CandidacyImportReportSchema },
      },
    },
    async (request) => {
      const context = { ...contextOf(request), actor: requireRole(request, 'admin', 'coordinator') };
      if (!(request.headers['content-type'] ?? '').toLowerCase().startsWith('text/csv'))
        throw new DomainError('unsupported_media_type', 'send the file as text/csv');
      const locale: Locale = (request.headers['accept-language'] ?? '').toLowerCase().startsWith('fr')
        ? 'fr'
        : 'en';
      return app.services.candidacyImport.importCandidacies(context, request.body, {
        sessionId: request.query.sessionId,
        dryRun: request.query.dryRun,
        mode: request.query.mode,
        locale,
      });
    },
  );
}
