import { ApiClientMeSchema } from '@passerelle/domain/api-client/api-client.schema';
import { MeSchema } from '@passerelle/domain/auth/auth.schema';
import { DomainError } from '@passerelle/domain/shared/errors';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';

export default async function meRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/me',
    {
      config: { anyClient: true },
      schema: {
        tags: ['me'],
        summary: 'The authenticated caller, its role and fabriques',
        description:
          'A signed-in user (`kind: user`, role and fabriques), or an API client (`kind: api_client`, the scopes of its token and its fabriques).',
        response: { 200: z.discriminatedUnion('kind', [MeSchema, ApiClientMeSchema]) },
      },
    },
    async (request) => {
      if (!request.me) throw new DomainError('unauthenticated');
      return request.me;
    },
  );
}
