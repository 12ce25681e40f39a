import { calendarDateInParis } from '@passerelle/domain/calendar/paris-date';
import {
  CapacityReportSchema,
  CompositionReportSchema,
  FunnelReportSchema,
  OutcomesReportSchema,
  ReportQuerySchema,
} from '@passerelle/domain/report/report.schema';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../../../../plugins/app/authentication.ts';
import {
  capacityToCsv,
  compositionToCsv,
  funnelToCsv,
  outcomesToCsv,
} from '../../../../plugins/app/reports/report-csv.ts';

const ACCESS =
  'Admins and viewers (aggregates only: no person is ever named or identified) read every fabrique, coordinators their fabriques; trainers get 403. A fabrique, program or session filter outside the caller’s fabriques answers 404. Send `Accept: text/csv` for a CSV file (UTF-8 with BOM, `;` separated, decimal comma).';

function wantsCsv(request: FastifyRequest): boolean {
  return (request.headers.accept ?? '').toLowerCase().includes('text/csv');
}

function sendCsv(reply: FastifyReply, name: string, csv: string) {
  const filename = `passerelle-${name}-${calendarDateInParis(new Date())}.csv`;
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${filename}"`)
    .send(csv);
}

export default async function reportRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const config = { scope: 'reports:read' as const };

  app.get(
    '/reports/funnel',
    {
      config,
      schema: {
        tags: ['reports'],
        summary: 'Recruitment funnel with conversion rates, split by source and referrer',
        description: `Applications submitted in the period (\`from\`/\`to\` on the submission date) → eligible → each stage reached → admitted → enrolled → completed → positive exit (latest recorded follow-up, each program’s mapping). ${ACCESS}`,
        querystring: ReportQuerySchema,
        response: { 200: FunnelReportSchema },
      },
    },
    async (request, reply) => {
      const report = await app.services.reports.getFunnel(actorOf(request), request.query);
      return wantsCsv(request) ? sendCsv(reply, 'entonnoir', funnelToCsv(report)) : report;
    },
  );

  app.get(
    '/reports/composition',
    {
      config,
      schema: {
        tags: ['reports'],
        summary: 'Share of each criterion at each stage, against the sessions’ targets',
        description: `Candidacies submitted in the period (submission date). ${ACCESS}`,
        querystring: ReportQuerySchema,
        response: { 200: CompositionReportSchema },
      },
    },
    async (request, reply) => {
      const report = await app.services.reports.getComposition(actorOf(request), request.query);
      return wantsCsv(request) ? sendCsv(reply, 'composition', compositionToCsv(report)) : report;
    },
  );

  app.get(
    '/reports/outcomes',
    {
      config,
      schema: {
        tags: ['reports'],
        summary: 'Situations and positive-exit rates at each milestone, by category',
        description: `Learners of sessions that ended in the period (\`from\`/\`to\` on the session’s end date) who left the training: completed or dropped out (completers only where the program’s mapping says so). Unknowns stay in the denominator and are counted apart, those with no follow-up recorded too; a milestone not due yet is counted apart, outside the denominator. ${ACCESS}`,
        querystring: ReportQuerySchema,
        response: { 200: OutcomesReportSchema },
      },
    },
    async (request, reply) => {
      const report = await app.services.reports.getOutcomes(actorOf(request), request.query);
      return wantsCsv(request) ? sendCsv(reply, 'sorties', outcomesToCsv(report)) : report;
    },
  );

  app.get(
    '/reports/capacity',
    {
      config,
      schema: {
        tags: ['reports'],
        summary: 'Demand against places, per fabrique and program',
        description: `Places: sessions (not cancelled) whose application window meets the period; demand: applications submitted in it. ${ACCESS}`,
        querystring: ReportQuerySchema,
        response: { 200: CapacityReportSchema },
      },
    },
    async (request, reply) => {
      const report = await app.services.reports.getCapacity(actorOf(request), request.query);
      return wantsCsv(request) ? sendCsv(reply, 'capacite', capacityToCsv(report)) : report;
    },
  );
}
