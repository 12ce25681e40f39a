import { createPageSchema, IdParamsSchema, PageQuerySchema } from '@passerelle/domain/shared/common.schema';
import {
  CreateUserSchema,
  UpdateUserSchema,
  UserListQuerySchema,
  UserSchema,
} from '@passerelle/domain/user/user.schema';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireRole } from '../../../../plugins/app/authentication.ts';
import { contextOf } from '../../../../plugins/app/http/context.ts';
import { readExpectedVersion, setEtag } from '../../../../plugins/app/http/versioning.ts';

const UserPageSchema = createPageSchema(UserSchema).meta({ id: 'UserPage' });

export default async function userRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/users',
    {
      config: { usersOnly: true },
      schema: {
        tags: ['users'],
        summary: 'List staff accounts (admin)',
        querystring: PageQuerySchema.extend(UserListQuerySchema.shape),
        response: { 200: UserPageSchema },
      },
    },
    async (request) => app.services.users.listUsers(requireRole(request, 'admin'), request.query),
  );

  app.get(
    '/users/:id',
    {
      config: { usersOnly: true },
      schema: {
        tags: ['users'],
        summary: 'Get a staff account (admin)',
        params: IdParamsSchema,
        response: { 200: UserSchema },
      },
    },
    async (request, reply) => {
      const user = await app.services.users.getUser(requireRole(request, 'admin'), request.params.id);
      setEtag(reply, user.version);
      return user;
    },
  );

  app.post(
    '/users',
    {
      config: { usersOnly: true },
      schema: {
        tags: ['users'],
        summary: 'Create a staff account (admin)',
        description: 'Coordinators and trainers need at least one fabrique; admins and viewers hold none.',
        body: CreateUserSchema,
        response: { 201: UserSchema },
      },
    },
    async (request, reply) => {
      const context = { ...contextOf(request), actor: requireRole(request, 'admin') };
      const user = await app.services.users.createUser(context, request.body);
      setEtag(reply, user.version);
      return reply.code(201).header('location', `/api/v1/users/${user.id}`).send(user);
    },
  );

  app.patch(
    '/users/:id',
    {
      config: { usersOnly: true },
      schema: {
        tags: ['users'],
        summary: 'Update a staff account (admin)',
        description:
          'Partial update. A new password or deactivation signs the user out everywhere. An admin cannot remove ' +
          'their own admin role or deactivate themselves.',
        params: IdParamsSchema,
        body: UpdateUserSchema,
        response: { 200: UserSchema },
      },
    },
    async (request, reply) => {
      const context = { ...contextOf(request), actor: requireRole(request, 'admin') };
      const expected = readExpectedVersion(request, request.body.version);
      const user = await app.services.users.updateUser(context, request.params.id, request.body, expected);
      setEtag(reply, user.version);
      return user;
    },
  );
}
