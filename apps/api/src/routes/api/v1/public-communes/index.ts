import { CommuneListSchema, CommuneQuerySchema } from '@passerelle/domain/reference/commune.schema';
import { findCommunesByPostalCode } from '@passerelle/domain/reference/communes';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';

/** Serves the commune lookup so that the application form need not download INSEE's whole list. */
export default async function publicCommuneRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/public/communes',
    {
      config: { rateLimit: { max: 240, timeWindow: '1 minute' } },
      schema: {
        tags: ['public'],
        summary: 'Communes served by a postal code',
        description:
          'No authentication. A postal code can serve several communes: the applicant picks theirs, whose INSEE ' +
          'code decides the rural and QPV lookups.',
        querystring: CommuneQuerySchema,
        response: { 200: CommuneListSchema },
      },
    },
    async (request, reply) => {
      const communes = findCommunesByPostalCode(request.query.postalCode);
      reply.header('cache-control', 'public, max-age=86400');
      return {
        data: [...communes]
          .sort((a, b) => a.name.localeCompare(b.name, 'fr'))
          .map(({ inseeCode, name, departmentCode, postalCodes }) => ({
            inseeCode,
            name,
            departmentCode,
            postalCodes: [...postalCodes],
          })),
      };
    },
  );
}
