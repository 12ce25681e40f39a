import {
  CreateFabriqueSchema,
  FabriqueSchema,
  UpdateFabriqueSchema,
} from '@passerelle/domain/fabrique/fabrique.schema';
import { createPageSchema, IdParamsSchema, PageQuerySchema } from '@passerelle/domain/shared/common.schema';
import { FabriqueTrainerSchema } from '@passerelle/domain/user/user.schema';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, requireRole } from '../../../../plugins/app/authentication.ts';
import { contextOf } from '../../../../plugins/app/http/context.ts';
import { readExpectedVersion, setEtag } from '../../../../plugins/app/http/versioning.ts';

const FabriquePageSchema = createPageSchema(FabriqueSchema).meta({ id: 'FabriquePage' });

export default async function fabriqueRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/fabriques',
    {
      config: { usersOnly: true },
      schema: {
        tags: ['fabriques'],
        summary: 'List the fabriques the caller may see',
        description: 'Admins see every fabrique; coordinators and trainers see theirs; viewers none.',
        querystring: PageQuerySchema,
        response: { 200: FabriquePageSchema },
      },
    },
    async (request) => app.services.fabriques.listFabriques(actorOf(request), request.query),
  );

  app.get(
    '/fabriques/:id',
    {
      config: { usersOnly: true },
      schema: {
        tags: ['fabriques'],
        summary: 'Get a fabrique',
        description: 'A fabrique outside the caller’s scope answers 404.',
        params: IdParamsSchema,
        response: { 200: FabriqueSchema },
      },
    },
    async (request, reply) => {
      const fabrique = await app.services.fabriques.getFabrique(actorOf(request), request.params.id);
      setEtag(reply, fabrique.version);
      return fabrique;
    },
  );

  app.get(
    '/fabriques/:id/trainers',
    {
      config: { usersOnly: true },
      schema: {
        tags: ['fabriques'],
        summary: 'List the active trainers of a fabrique (coordinator of the fabrique, admin)',
        description:
          'Names only, sorted by name: what a session form offers. A fabrique outside the caller’s scope answers 404.',
        params: IdParamsSchema,
        response: { 200: z.object({ data: z.array(FabriqueTrainerSchema) }) },
      },
    },
    async (request) => ({
      data: await app.services.users.listFabriqueTrainers(actorOf(request), request.params.id),
    }),
  );

  app.post(
    '/fabriques',
    {
      config: { usersOnly: true },
      schema: {
        tags: ['fabriques'],
        summary: 'Create a fabrique (admin)',
        body: CreateFabriqueSchema,
        response: { 201: FabriqueSchema },
      },
    },
    async (request, reply) => {
      const context = { ...contextOf(request), actor: requireRole(request, 'admin') };
      const fabrique = await app.services.fabriques.createFabrique(context, request.body);
      setEtag(reply, fabrique.version);
      return reply.code(201).header('location', `/api/v1/fabriques/${fabrique.id}`).send(fabrique);
    },
  );

  app.patch(
    '/fabriques/:id',
    {
      config: { usersOnly: true },
      schema: {
        tags: ['fabriques'],
        summary: 'Update a fabrique (admin)',
        params: IdParamsSchema,
        body: UpdateFabriqueSchema,
        response: { 200: FabriqueSchema },
      },
    },
    async (request, reply) => {
      const context = { ...contextOf(request), actor: requireRole(request, 'admin') };
      const expected = readExpectedVersion(request, request.body.version);
      const fabrique = await app.services.fabriques.updateFabrique(
        context,
        request.params.id,
        request.body,
        expected,
      );
      setEtag(reply, fabrique.version);
      return fabrique;
    },
  );
}
