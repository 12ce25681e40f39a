import { PublicSessionSchema } from '@passerelle/domain/session/public-session.schema';
import { PublicSessionQuerySchema } from '@passerelle/domain/session/session-query.schema';
import { createPageSchema, ProblemSchema } from '@passerelle/domain/shared/common.schema';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';

const PublicSessionPageSchema = createPageSchema(PublicSessionSchema).meta({ id: 'PublicSessionPage' });

/** Public: no authentication, rate-limited per IP, no personal data. */
export default async function publicSessionRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/public/sessions',
    {
      config: { rateLimit: { max: 120, timeWindow: '1 minute' } },
      schema: {
        tags: ['public'],
        summary: 'List the sessions open to applications',
        description:
          'Sessions recruiting whose application window is open today (Europe/Paris), sorted by start date, with their fabrique, program, places left and who they are for. No authentication.',
        querystring: PublicSessionQuerySchema,
        response: {
          200: PublicSessionPageSchema,
          429: ProblemSchema.describe('Rate limited: see Retry-After'),
        },
      },
    },
    async (request) => app.services.sessions.listPublicSessions(request.query),
  );
}
