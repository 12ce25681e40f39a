import {
  CreateProgramSchema,
  ProgramSchema,
  UpdateProgramSchema,
} from '@passerelle/domain/program/program.schema';
import {
  createPageSchema,
  IdParamsSchema,
  IdSchema,
  PageQuerySchema,
} from '@passerelle/domain/shared/common.schema';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf, requireRole } from '../../../../plugins/app/authentication.ts';
import { contextOf } from '../../../../plugins/app/http/context.ts';
import { readExpectedVersion, setEtag } from '../../../../plugins/app/http/versioning.ts';

const ProgramPageSchema = createPageSchema(ProgramSchema).meta({ id: 'ProgramPage' });
const ProgramListQuerySchema = PageQuerySchema.extend({
  fabriqueId: IdSchema.optional().describe('Only the programs of this fabrique'),
});

export default async function programRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/programs',
    {
      config: { usersOnly: true },
      schema: {
        tags: ['programs'],
        summary: 'List programs',
        description:
          'Network-wide programs (no fabrique) and those of the caller’s fabriques; admins see every program.',
        querystring: ProgramListQuerySchema,
        response: { 200: ProgramPageSchema },
      },
    },
    async (request) => app.services.programs.listPrograms(actorOf(request), request.query),
  );

  app.get(
    '/programs/:id',
    {
      config: { usersOnly: true },
      schema: {
        tags: ['programs'],
        summary: 'Get a program',
        description: 'A program of a fabrique outside the caller’s scope answers 404.',
        params: IdParamsSchema,
        response: { 200: ProgramSchema },
      },
    },
    async (request, reply) => {
      const program = await app.services.programs.getProgram(actorOf(request), request.params.id);
      setEtag(reply, program.version);
      return program;
    },
  );

  app.post(
    '/programs',
    {
      config: { usersOnly: true },
      schema: {
        tags: ['programs'],
        summary: 'Create a program (admin)',
        description: 'An unknown fabrique or default policy answers 422.',
        body: CreateProgramSchema,
        response: { 201: ProgramSchema },
      },
    },
    async (request, reply) => {
      const context = { ...contextOf(request), actor: requireRole(request, 'admin') };
      const program = await app.services.programs.createProgram(context, request.body);
      setEtag(reply, program.version);
      return reply.code(201).header('location', `/api/v1/programs/${program.id}`).send(program);
    },
  );

  app.patch(
    '/programs/:id',
    {
      config: { usersOnly: true },
      schema: {
        tags: ['programs'],
        summary: 'Update a program (admin)',
        description: 'Partial update; `version` in the body or `If-Match` guards against lost updates.',
        params: IdParamsSchema,
        body: UpdateProgramSchema,
        response: { 200: ProgramSchema },
      },
    },
    async (request, reply) => {
      const context = { ...contextOf(request), actor: requireRole(request, 'admin') };
      const expected = readExpectedVersion(request, request.body.version);
      const program = await app.services.programs.updateProgram(
        context,
        request.params.id,
        request.body,
        expected,
      );
      setEtag(reply, program.version);
      return program;
    },
  );
}
