import {
  ApiClientSchema,
  ApiClientWithSecretSchema,
  CreateApiClientSchema,
} from '@passerelle/domain/api-client/api-client.schema';
import { createPageSchema, IdParamsSchema, PageQuerySchema } from '@passerelle/domain/shared/common.schema';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf, requireRole } from '../../../../plugins/app/authentication.ts';
import { contextOf } from '../../../../plugins/app/http/context.ts';

const ApiClientPageSchema = createPageSchema(ApiClientSchema).meta({ id: 'ApiClientPage' });
const usersOnly = { usersOnly: true } as const;

export default async function apiClientRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api-clients',
    {
      config: usersOnly,
      schema: {
        tags: ['api-clients'],
        summary: 'List API clients (admin)',
        description: 'Revoked clients included (see `revokedAt`). Secrets are never shown again.',
        querystring: PageQuerySchema,
        response: { 200: ApiClientPageSchema },
      },
    },
    async (request) => app.services.apiClients.listApiClients(actorOf(request), request.query),
  );

  app.get(
    '/api-clients/:id',
    {
      config: usersOnly,
      schema: {
        tags: ['api-clients'],
        summary: 'Get an API client (admin)',
        params: IdParamsSchema,
        response: { 200: ApiClientSchema },
      },
    },
    async (request) => app.services.apiClients.getApiClient(actorOf(request), request.params.id),
  );

  app.post(
    '/api-clients',
    {
      config: usersOnly,
      schema: {
        tags: ['api-clients'],
        summary: 'Create an API client (admin); the secret is shown once',
        description:
          'A client acts in the fabriques listed (like a coordinator there), or in every fabrique with ' +
          '`isAllFabriques: true`, and only through routes whose scope it holds. The response holds ' +
          '`clientSecret`, stored hashed: it cannot be shown again (rotate it if lost).',
        body: CreateApiClientSchema,
        response: { 201: ApiClientWithSecretSchema },
      },
    },
    async (request, reply) => {
      const context = { ...contextOf(request), actor: requireRole(request, 'admin') };
      const client = await app.services.apiClients.createApiClient(context, request.body);
      return reply
        .code(201)
        .header('cache-control', 'no-store')
        .header('location', `/api/v1/api-clients/${client.id}`)
        .send(client);
    },
  );

  app.post(
    '/api-clients/:id/rotate-secret',
    {
      config: usersOnly,
      schema: {
        tags: ['api-clients'],
        summary: 'Replace the secret of an API client (admin); the new one is shown once',
        description:
          'The old secret stops working at once for new tokens; tokens already issued run until they expire ' +
          '(at most the access-token lifetime). A revoked client answers 409.',
        params: IdParamsSchema,
        response: { 200: ApiClientWithSecretSchema },
      },
    },
    async (request, reply) => {
      const context = { ...contextOf(request), actor: requireRole(request, 'admin') };
      const client = await app.services.apiClients.rotateSecret(context, request.params.id);
      return reply.header('cache-control', 'no-store').send(client);
    },
  );

  app.delete(
    '/api-clients/:id',
    {
      config: usersOnly,
      schema: {
        tags: ['api-clients'],
        summary: 'Revoke an API client (admin)',
        description:
          'Immediate: the client gets no new token, and the tokens it holds are refused on their next request ' +
          '(every request checks the client). The client stays listed, with `revokedAt`, for the audit trail.',
        params: IdParamsSchema,
        response: { 200: ApiClientSchema },
      },
    },
    async (request) => {
      const context = { ...contextOf(request), actor: requireRole(request, 'admin') };
      return app.services.apiClients.revokeApiClient(context, request.params.id);
    },
  );
}
