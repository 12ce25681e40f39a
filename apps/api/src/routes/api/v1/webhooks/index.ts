import { createPageSchema, IdParamsSchema, PageQuerySchema } from '@passerelle/domain/shared/common.schema';
import {
  CreateWebhookSchema,
  UpdateWebhookSchema,
  WebhookDeliveryParamsSchema,
  WebhookDeliverySchema,
  WebhookSubscriptionSchema,
  WebhookSubscriptionWithSecretSchema,
} from '@passerelle/domain/webhook/webhook.schema';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../../../plugins/app/authentication.ts';
import { contextOf } from '../../../../plugins/app/http/context.ts';
import { readExpectedVersion, setEtag } from '../../../../plugins/app/http/versioning.ts';

const WebhookPageSchema = createPageSchema(WebhookSubscriptionSchema).meta({ id: 'WebhookSubscriptionPage' });
const WebhookDeliveryPageSchema = createPageSchema(WebhookDeliverySchema).meta({ id: 'WebhookDeliveryPage' });
const manage = { scope: 'webhooks:manage' } as const;
const WHO =
  'Admins manage every subscription; an API client with `webhooks:manage` those of its fabriques; other roles get 403.';

export default async function webhookRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/webhooks',
    {
      config: manage,
      schema: {
        tags: ['webhooks'],
        summary: 'List webhook subscriptions',
        description: `Latest first. ${WHO}`,
        querystring: PageQuerySchema,
        response: { 200: WebhookPageSchema },
      },
    },
    async (request) => app.services.webhooks.listWebhooks(actorOf(request), request.query),
  );

  app.post(
    '/webhooks',
    {
      config: manage,
      schema: {
        tags: ['webhooks'],
        summary: 'Subscribe a URL to events; the signing secret is shown once',
        description:
          'Events of the fabrique (`fabriqueId`), or of every fabrique (`null`, admins only), are POSTed to `url` ' +
          'following Standard Webhooks: headers `webhook-id` (the same on retries), `webhook-timestamp` (seconds) ' +
          'and `webhook-signature: v1,<base64 HMAC-SHA256 of "{id}.{timestamp}.{body}">`, keyed with the ' +
          `base64-decoded part of \`secret\` after \`whsec_\`. Answer 2xx within 10 s; otherwise Passerelle retries ` +
          `with exponential backoff for about a day. ${WHO}`,
        body: CreateWebhookSchema,
        response: { 201: WebhookSubscriptionWithSecretSchema },
      },
    },
    async (request, reply) => {
      const webhook = await app.services.webhooks.createWebhook(
        { ...contextOf(request), actor: actorOf(request) },
        request.body,
      );
      setEtag(reply, webhook.version);
      return reply
        .code(201)
        .header('cache-control', 'no-store')
        .header('location', `/api/v1/webhooks/${webhook.id}`)
        .send(webhook);
    },
  );

  app.get(
    '/webhooks/:id',
    {
      config: manage,
      schema: {
        tags: ['webhooks'],
        summary: 'Get a webhook subscription',
        description: `\`disabledReason: persistent_failure\` tells that Passerelle disabled it after failures. ${WHO}`,
        params: IdParamsSchema,
        response: { 200: WebhookSubscriptionSchema },
      },
    },
    async (request, reply) => {
      const webhook = await app.services.webhooks.getWebhook(actorOf(request), request.params.id);
      setEtag(reply, webhook.version);
      return webhook;
    },
  );

  app.patch(
    '/webhooks/:id',
    {
      config: manage,
      schema: {
        tags: ['webhooks'],
        summary: 'Change a subscription: URL, events, enable or disable',
        description: `Re-enabling resets the failure count; queued deliveries then go out. ${WHO}`,
        params: IdParamsSchema,
        body: UpdateWebhookSchema,
        response: { 200: WebhookSubscriptionSchema },
      },
    },
    async (request, reply) => {
      const expected = readExpectedVersion(request, request.body.version);
      const webhook = await app.services.webhooks.updateWebhook(
        { ...contextOf(request), actor: actorOf(request) },
        request.params.id,
        request.body,
        expected,
      );
      setEtag(reply, webhook.version);
      return webhook;
    },
  );

  app.delete(
    '/webhooks/:id',
    {
      config: manage,
      schema: {
        tags: ['webhooks'],
        summary: 'Delete a subscription and its delivery log',
        params: IdParamsSchema,
        response: { 204: z.null().describe('Deleted') },
      },
    },
    async (request, reply) => {
      await app.services.webhooks.deleteWebhook(
        { ...contextOf(request), actor: actorOf(request) },
        request.params.id,
      );
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/webhooks/:id/deliveries',
    {
      config: manage,
      schema: {
        tags: ['webhooks'],
        summary: 'The delivery log of a subscription',
        description:
          'Latest first; each delivery with its attempts (status code, latency, first kilobyte of the answer, error).',
        params: IdParamsSchema,
        querystring: PageQuerySchema,
        response: { 200: WebhookDeliveryPageSchema },
      },
    },
    async (request) =>
      app.services.webhooks.listDeliveries(actorOf(request), request.params.id, request.query),
  );

  app.post(
    '/webhooks/:id/deliveries/:deliveryId/redeliver',
    {
      config: manage,
      schema: {
        tags: ['webhooks'],
        summary: 'Send a delivery again',
        description:
          'Queues a finished delivery (succeeded or failed) for a new run of attempts, with the same `webhook-id`; ' +
          'one being sent answers 409, a disabled subscription 422.',
        params: WebhookDeliveryParamsSchema,
        response: { 202: WebhookDeliverySchema },
      },
    },
    async (request, reply) => {
      const delivery = await app.services.webhooks.redeliver(
        { ...contextOf(request), actor: actorOf(request) },
        request.params.id,
        request.params.deliveryId,
      );
      return reply.code(202).send(delivery);
    },
  );
}
