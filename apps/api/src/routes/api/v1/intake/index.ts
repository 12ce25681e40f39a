import { CandidacyIntakeSchema, IntakeResultSchema } from '@passerelle/domain/application/application.schema';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireRole } from '../../../../plugins/app/authentication.ts';
import { contextOf } from '../../../../plugins/app/http/context.ts';

export default async function intakeRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.post(
    '/candidacies',
    {
      config: { scope: 'candidacies:write' },
      schema: {
        tags: ['candidacies'],
        summary: 'Record a candidacy (coordinator or integration)',
        description:
          'The public form’s body plus `sessionId`, `source` and `prescriberPartnerId`. The candidate is found by ' +
          'normalised e-mail, then phone, or created; the same names and birth date are reported in ' +
          '`possibleDuplicates`, never merged. Eligibility is evaluated with the session’s policy and stored with ' +
          'its inputs. A second open candidacy of the person for the session is 409; a session of another ' +
          'fabrique is 404; a finished or cancelled session is 409.',
        body: CandidacyIntakeSchema,
        response: { 201: IntakeResultSchema },
      },
    },
    async (request, reply) => {
      const context = { ...contextOf(request), actor: requireRole(request, 'admin', 'coordinator') };
      const result = await app.services.intake.createCandidacy(context, request.body);
      return reply.code(201).header('location', `/api/v1/candidacies/${result.candidacyId}`).send(result);
    },
  );
}
