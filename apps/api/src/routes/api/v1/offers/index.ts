import {
  CreateOfferProposalSchema,
  OfferProposalSchema,
  OfferSchema,
  UpdateOfferProposalSchema,
  UpdateOfferSchema,
} from '@passerelle/domain/offer/offer.schema';
import { createPageSchema, IdParamsSchema, IdSchema } from '@passerelle/domain/shared/common.schema';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../../../plugins/app/authentication.ts';
import { contextOf } from '../../../../plugins/app/http/context.ts';
import { readExpectedVersion, setEtag } from '../../../../plugins/app/http/versioning.ts';

const ProposalListSchema = createPageSchema(OfferProposalSchema).meta({ id: 'OfferProposalList' });
const ProposalParamsSchema = z.object({ id: IdSchema, proposalId: IdSchema });
const TAGS = ['offers'];

export default async function offerRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const context = (request: Parameters<typeof contextOf>[0]) => ({
    ...contextOf(request),
    actor: actorOf(request),
  });

  app.get(
    '/offers/:id',
    {
      config: { scope: 'partners:read' },
      schema: {
        tags: TAGS,
        summary: 'Get an offer (coordinator, admin)',
        description: 'With its proposals counted by status. An offer of another fabrique answers 404.',
        params: IdParamsSchema,
        response: { 200: OfferSchema },
      },
    },
    async (request, reply) => {
      const offer = await app.services.offers.getOffer(actorOf(request), request.params.id);
      setEtag(reply, offer.version);
      return offer;
    },
  );

  app.patch(
    '/offers/:id',
    {
      config: { usersOnly: true },
      schema: {
        tags: TAGS,
        summary: 'Update an offer, or close it (`isOpen: false`)',
        description:
          'Partial update; dates are checked with the stored ones (422); a stale `version` answers 409 (If-Match: 412).',
        params: IdParamsSchema,
        body: UpdateOfferSchema,
        response: { 200: OfferSchema },
      },
    },
    async (request, reply) => {
      const expected = readExpectedVersion(request, request.body.version);
      const offer = await app.services.offers.updateOffer(
        context(request),
        request.params.id,
        request.body,
        expected,
      );
      setEtag(reply, offer.version);
      return offer;
    },
  );

  app.get(
    '/offers/:id/proposals',
    {
      config: { scope: 'placements:read' },
      schema: {
        tags: TAGS,
        summary: 'List the learners proposed to an offer',
        description: 'Every proposal of the offer, oldest first (one page: an offer has few).',
        params: IdParamsSchema,
        response: { 200: ProposalListSchema },
      },
    },
    async (request) => app.services.offers.listProposals(actorOf(request), request.params.id),
  );

  app.post(
    '/offers/:id/proposals',
    {
      config: { usersOnly: true },
      schema: {
        tags: TAGS,
        summary: 'Propose a learner to an offer',
        description:
          'An enrolled or completed learner of the offer’s fabrique (422 otherwise); once per offer (409); the offer must be open (409).',
        params: IdParamsSchema,
        body: CreateOfferProposalSchema,
        response: { 201: OfferProposalSchema },
      },
    },
    async (request, reply) => {
      const proposal = await app.services.offers.proposeLearner(
        context(request),
        request.params.id,
        request.body,
      );
      setEtag(reply, proposal.version);
      return reply.code(201).send(proposal);
    },
  );

  app.patch(
    '/offers/:id/proposals/:proposalId',
    {
      config: { usersOnly: true },
      schema: {
        tags: TAGS,
        summary: 'Record a proposal’s outcome',
        description:
          'proposed → interviewing → accepted | declined | not_retained; any other move answers 409. Accepting creates the learner’s placement in the same transaction (kind from the offer, a freelance mission making a freelance placement; start date from `placement.startDate`, the offer, or today) and links it as `placementId`. The placement’s own rules apply (422, e.g. an internship needs its duration).',
        params: ProposalParamsSchema,
        body: UpdateOfferProposalSchema,
        response: { 200: OfferProposalSchema },
      },
    },
    async (request, reply) => {
      const expected = readExpectedVersion(request, request.body.version);
      const proposal = await app.services.offers.updateProposal(
        context(request),
        request.params.id,
        request.params.proposalId,
        request.body,
        expected,
      );
      setEtag(reply, proposal.version);
      return proposal;
    },
  );
}
