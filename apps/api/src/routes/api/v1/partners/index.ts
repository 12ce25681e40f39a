import {
  CreatePartnerOfferSchema,
  OfferListQuerySchema,
  OfferSchema,
} from '@passerelle/domain/offer/offer.schema';
import {
  CreatePartnerSchema,
  PartnerLinksSchema,
  PartnerListQuerySchema,
  PartnerSchema,
  UpdatePartnerSchema,
} from '@passerelle/domain/partner/partner.schema';
import { createPageSchema, IdParamsSchema } from '@passerelle/domain/shared/common.schema';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../../../../plugins/app/authentication.ts';
import { contextOf } from '../../../../plugins/app/http/context.ts';
import { readExpectedVersion, setEtag } from '../../../../plugins/app/http/versioning.ts';

const PartnerPageSchema = createPageSchema(PartnerSchema).meta({ id: 'PartnerPage' });
const OfferPageSchema = createPageSchema(OfferSchema).meta({ id: 'OfferPage' });
const TAGS = ['partners'];

export default async function partnerRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const context = (request: Parameters<typeof contextOf>[0]) => ({
    ...contextOf(request),
    actor: actorOf(request),
  });

  app.get(
    '/partners',
    {
      config: { scope: 'partners:read' },
      schema: {
        tags: TAGS,
        summary: 'List partners',
        description:
          'Sorted by name. Coordinators and trainers see the partners working with their fabriques, admins all; viewers get 403 (contacts are personal data). `q` matches part of the name.',
        querystring: PartnerListQuerySchema,
        response: { 200: PartnerPageSchema },
      },
    },
    async (request) => app.services.partners.listPartners(actorOf(request), request.query),
  );

  app.post(
    '/partners',
    {
      config: { usersOnly: true },
      schema: {
        tags: TAGS,
        summary: 'Create a partner (coordinator, admin)',
        description:
          'A coordinator’s partner works with all their fabriques unless `fabriqueIds` names some of them; a fabrique outside the caller’s answers 422.',
        body: CreatePartnerSchema,
        response: { 201: PartnerSchema },
      },
    },
    async (request, reply) => {
      const partner = await app.services.partners.createPartner(context(request), request.body);
      setEtag(reply, partner.version);
      return reply.code(201).header('location', `/api/v1/partners/${partner.id}`).send(partner);
    },
  );

  app.get(
    '/partners/:id',
    {
      config: { scope: 'partners:read' },
      schema: {
        tags: TAGS,
        summary: 'Get a partner, with its contacts',
        description: 'A partner working with none of the caller’s fabriques answers 404.',
        params: IdParamsSchema,
        response: { 200: PartnerSchema },
      },
    },
    async (request, reply) => {
      const partner = await app.services.partners.getPartner(actorOf(request), request.params.id);
      setEtag(reply, partner.version);
      return partner;
    },
  );

  app.patch(
    '/partners/:id',
    {
      config: { usersOnly: true },
      schema: {
        tags: TAGS,
        summary: 'Update a partner (coordinator, admin)',
        description:
          'Partial update; `contacts` replaces the list; `fabriqueIds` replaces the caller’s fabriques in the list (links to other fabriques stay). Send `version` or If-Match: a stale one answers 409 (412).',
        params: IdParamsSchema,
        body: UpdatePartnerSchema,
        response: { 200: PartnerSchema },
      },
    },
    async (request, reply) => {
      const expected = readExpectedVersion(request, request.body.version);
      const partner = await app.services.partners.updatePartner(
        context(request),
        request.params.id,
        request.body,
        expected,
      );
      setEtag(reply, partner.version);
      return partner;
    },
  );

  app.get(
    '/partners/:id/links',
    {
      config: { scope: 'partners:read' },
      schema: {
        tags: TAGS,
        summary: 'Everything a partner is linked to',
        description:
          'Sessions funded (amounts in euro cents, scheme) and hosted, candidacies referred (the count, and the list for coordinators and admins), placements hosted and offers, within the caller’s fabriques.',
        params: IdParamsSchema,
        response: { 200: PartnerLinksSchema },
      },
    },
    async (request) => app.services.partners.getPartnerLinks(actorOf(request), request.params.id),
  );

  app.get(
    '/partners/:id/offers',
    {
      config: { scope: 'partners:read' },
      schema: {
        tags: ['offers'],
        summary: 'List a partner’s offers (coordinator, admin)',
        description: 'Newest first, those of the caller’s fabriques; `isOpen` filters open or closed ones.',
        params: IdParamsSchema,
        querystring: OfferListQuerySchema,
        response: { 200: OfferPageSchema },
      },
    },
    async (request) =>
      app.services.offers.listPartnerOffers(actorOf(request), request.params.id, request.query),
  );

  app.post(
    '/partners/:id/offers',
    {
      config: { usersOnly: true },
      schema: {
        tags: ['offers'],
        summary: 'Record an offer from a partner (coordinator, admin)',
        description:
          'The offer is managed by one fabrique working with the partner: `fabriqueId`, or the only one the caller and the partner share (422 otherwise).',
        params: IdParamsSchema,
        body: CreatePartnerOfferSchema,
        response: { 201: OfferSchema },
      },
    },
    async (request, reply) => {
      const offer = await app.services.offers.createOffer(context(request), request.params.id, request.body);
      setEtag(reply, offer.version);
      return reply.code(201).header('location', `/api/v1/offers/${offer.id}`).send(offer);
    },
  );
}
