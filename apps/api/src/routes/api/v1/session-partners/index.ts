import { CreateSessionFundingSchema, SessionFundingSchema } from '@passerelle/domain/funding/funding.schema';
import { PutSessionHostSchema, SessionHostDetailSchema } from '@passerelle/domain/partner/partner.schema';
import { IdParamsSchema, IdSchema } from '@passerelle/domain/shared/common.schema';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../../../plugins/app/authentication.ts';
import { contextOf } from '../../../../plugins/app/http/context.ts';

const FundingListSchema = z
  .object({ data: z.array(SessionFundingSchema) })
  .meta({ id: 'SessionFundingList' });
const HostListSchema = z.object({ data: z.array(SessionHostDetailSchema) }).meta({ id: 'SessionHostList' });
const FundingParamsSchema = z.object({ id: IdSchema, fundingId: IdSchema });
const HostParamsSchema = z.object({ id: IdSchema, partnerId: IdSchema });
const TAGS = ['sessions', 'partners'];

/** A session's funders and hosts. */
export default async function sessionPartnerRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const context = (request: Parameters<typeof contextOf>[0]) => ({
    ...contextOf(request),
    actor: actorOf(request),
  });

  app.get(
    '/sessions/:id/fundings',
    {
      config: { scope: 'partners:read' },
      schema: {
        tags: TAGS,
        summary: 'List a session’s fundings',
        description:
          'Amounts in euro cents. Readable by the session’s staff (coordinators, its trainers, admins).',
        params: IdParamsSchema,
        response: { 200: FundingListSchema },
      },
    },
    async (request) => ({
      data: await app.services.partners.listSessionFundings(actorOf(request), request.params.id),
    }),
  );

  app.post(
    '/sessions/:id/fundings',
    {
      config: { usersOnly: true },
      schema: {
        tags: TAGS,
        summary: 'Add a funder’s contribution to a session (coordinator, admin)',
        description:
          'The partner must be one the caller sees (422 otherwise); it is linked to the session’s fabrique if it was not.',
        params: IdParamsSchema,
        body: CreateSessionFundingSchema,
        response: { 201: SessionFundingSchema },
      },
    },
    async (request, reply) => {
      const funding = await app.services.partners.addSessionFunding(
        context(request),
        request.params.id,
        request.body,
      );
      return reply.code(201).send(funding);
    },
  );

  app.delete(
    '/sessions/:id/fundings/:fundingId',
    {
      config: { usersOnly: true },
      schema: {
        tags: TAGS,
        summary: 'Remove a funding from a session (coordinator, admin)',
        params: FundingParamsSchema,
        response: { 204: z.null().describe('Removed') },
      },
    },
    async (request, reply) => {
      await app.services.partners.removeSessionFunding(
        context(request),
        request.params.id,
        request.params.fundingId,
      );
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/sessions/:id/hosts',
    {
      config: { scope: 'partners:read' },
      schema: {
        tags: TAGS,
        summary: 'List the partners hosting a session',
        params: IdParamsSchema,
        response: { 200: HostListSchema },
      },
    },
    async (request) => ({
      data: await app.services.partners.listSessionHosts(actorOf(request), request.params.id),
    }),
  );

  app.put(
    '/sessions/:id/hosts/:partnerId',
    {
      config: { usersOnly: true },
      schema: {
        tags: TAGS,
        summary: 'Set a partner as a host of the session (coordinator, admin)',
        description: 'Idempotent: setting it again updates the role.',
        params: HostParamsSchema,
        body: PutSessionHostSchema,
        response: { 200: SessionHostDetailSchema },
      },
    },
    async (request) =>
      app.services.partners.putSessionHost(
        context(request),
        request.params.id,
        request.params.partnerId,
        request.body,
      ),
  );

  app.delete(
    '/sessions/:id/hosts/:partnerId',
    {
      config: { usersOnly: true },
      schema: {
        tags: TAGS,
        summary: 'Remove a host from the session (coordinator, admin)',
        params: HostParamsSchema,
        response: { 204: z.null().describe('Removed') },
      },
    },
    async (request, reply) => {
      await app.services.partners.removeSessionHost(
        context(request),
        request.params.id,
        request.params.partnerId,
      );
      return reply.code(204).send(null);
    },
  );
}
