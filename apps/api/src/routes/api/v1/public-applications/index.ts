import {
  ApplicationReceiptSchema,
  ApplicationSchema,
} from '@passerelle/domain/application/application.schema';
import { IdParamsSchema, ProblemSchema } from '@passerelle/domain/shared/common.schema';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { contextOf } from '../../../../plugins/app/http/context.ts';

export default async function publicApplicationRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.post(
    '/public/sessions/:id/applications',
    {
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: ['public'],
        summary: 'Apply to a session (public form)',
        description:
          'No authentication; rate-limited per IP (10 a minute). Accepted only while the session is `recruiting` ' +
          'and today (Europe/Paris) is inside its application window (409 otherwise; 404 for an unknown or draft ' +
          'session). Consent to the privacy notice is required. The `website` field is a honeypot: filled in, ' +
          'the application is refused with a 400 and nothing is stored. The answer gives the computed ' +
          'eligibility, an indication only: a person decides.',
        params: IdParamsSchema,
        body: ApplicationSchema,
        response: {
          201: ApplicationReceiptSchema,
          429: ProblemSchema.describe('Rate limited: see Retry-After'),
        },
      },
    },
    async (request, reply) => {
      const receipt = await app.services.intake.submitPublicApplication(
        contextOf(request),
        request.params.id,
        request.body,
      );
      return reply.code(201).send(receipt);
    },
  );
}
