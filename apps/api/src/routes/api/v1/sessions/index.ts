import {
  CreateSessionSchema,
  SessionSchema,
  SessionStatusChangeSchema,
  UpdateSessionSchema,
} from '@passerelle/domain/session/session.schema';
import { SessionCompositionSchema } from '@passerelle/domain/session/session-composition.schema';
import { SessionListQuerySchema } from '@passerelle/domain/session/session-query.schema';
import { createPageSchema, IdParamsSchema, ProblemSchema } from '@passerelle/domain/shared/common.schema';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf, requireRole } from '../../../../plugins/app/authentication.ts';
import { contextOf } from '../../../../plugins/app/http/context.ts';
import { readExpectedVersion, setEtag } from '../../../../plugins/app/http/versioning.ts';

const SessionPageSchema = createPageSchema(SessionSchema).meta({ id: 'SessionPage' });

export default async function sessionRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/sessions',
    {
      config: { scope: 'sessions:read' },
      schema: {
        tags: ['sessions'],
        summary: 'List sessions',
        description:
          'Sorted by start date. Admins see every session, coordinators those of their fabriques, trainers those they teach; viewers get 403 (their figures are in reports).',
        querystring: SessionListQuerySchema,
        response: { 200: SessionPageSchema },
      },
    },
    async (request) => app.services.sessions.listSessions(actorOf(request), request.query),
  );

  app.get(
    '/sessions/:id',
    {
      config: { scope: 'sessions:read' },
      schema: {
        tags: ['sessions'],
        summary: 'Get a session',
        description:
          'A session outside the caller’s fabriques, or that a trainer does not teach, answers 404.',
        params: IdParamsSchema,
        response: { 200: SessionSchema },
      },
    },
    async (request, reply) => {
      const session = await app.services.sessions.getSession(actorOf(request), request.params.id);
      setEtag(reply, session.version);
      return session;
    },
  );

  app.post(
    '/sessions',
    {
      config: { usersOnly: true },
      schema: {
        tags: ['sessions'],
        summary: 'Create a session (coordinator of the fabrique, admin)',
        description:
          'The session starts as `draft`. An unknown program or policy, or a trainer who is not a trainer of the fabrique, answers 422.',
        body: CreateSessionSchema,
        response: { 201: SessionSchema },
      },
    },
    async (request, reply) => {
      const context = { ...contextOf(request), actor: requireRole(request, 'admin', 'coordinator') };
      const session = await app.services.sessions.createSession(context, request.body);
      setEtag(reply, session.version);
      return reply.code(201).header('location', `/api/v1/sessions/${session.id}`).send(session);
    },
  );

  app.patch(
    '/sessions/:id',
    {
      config: { usersOnly: true },
      schema: {
        tags: ['sessions'],
        summary: 'Update a session (coordinator of the fabrique, admin)',
        description:
          'Partial update; dates are checked together with the stored ones (422), capacity never drops below the places taken (422); `trainerIds` replaces the list. The status changes through `/transitions`.',
        params: IdParamsSchema,
        body: UpdateSessionSchema,
        response: { 200: SessionSchema },
      },
    },
    async (request, reply) => {
      const context = { ...contextOf(request), actor: requireRole(request, 'admin', 'coordinator') };
      const expected = readExpectedVersion(request, request.body.version);
      const session = await app.services.sessions.updateSession(
        context,
        request.params.id,
        request.body,
        expected,
      );
      setEtag(reply, session.version);
      return session;
    },
  );

  app.post(
    '/sessions/:id/transitions',
    {
      config: { usersOnly: true },
      schema: {
        tags: ['sessions'],
        summary: 'Move a session to another status',
        description:
          'draft → recruiting → selection → in_progress → completed → archived, and cancelled before in_progress. An illegal move answers 409 with the reason; a stale `version` 409 (If-Match: 412).',
        params: IdParamsSchema,
        body: SessionStatusChangeSchema,
        response: {
          200: SessionSchema,
          412: ProblemSchema.describe('If-Match does not match the current version'),
        },
      },
    },
    async (request, reply) => {
      const context = { ...contextOf(request), actor: requireRole(request, 'admin', 'coordinator') };
      const expected = readExpectedVersion(request, request.body.version) ?? {
        version: request.body.version,
        source: 'body' as const,
      };
      const session = await app.services.sessions.moveSessionStatus(
        context,
        request.params.id,
        request.body,
        expected,
      );
      setEtag(reply, session.version);
      return session;
    },
  );

  app.get(
    '/sessions/:id/composition',
    {
      config: { scope: 'sessions:read' },
      schema: {
        tags: ['sessions'],
        summary: 'Cohort composition against the session’s targets',
        description:
          'Per criterion, the count and share among the cohort (admitted, enrolled and beyond) and if the shortlisted (interview, waitlisted) were admitted; each target met / at_risk / missed. An unknown criterion never counts as met. No personal data.',
        params: IdParamsSchema,
        response: { 200: SessionCompositionSchema },
      },
    },
    async (request) => app.services.sessions.getComposition(actorOf(request), request.params.id),
  );
}
