import { MeSchema } from '@passerelle/domain/auth/auth.schema';
import { DomainError } from '@passerelle/domain/shared/errors';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';

export default async function meRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/me',
    {
      schema: {
        tags: ['me'],
        summary: 'The authenticated caller, its role and fabriques',
        response: { 200: MeSchema },
      },
    },
    async (request) => {
      if (!request.me) throw new DomainError('unauthenticated');
      return request.me;
    },
  );
}
