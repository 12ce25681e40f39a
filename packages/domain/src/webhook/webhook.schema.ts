import { z } from 'zod';
import { IdSchema, InstantSchema, VersionSchema } from '../shared/common.schema.ts';

/** The events a subscription can receive (api.md § Webhooks). */
export const WEBHOOK_EVENT_TYPES = [
  'candidacy.submitted',
  'candidacy.stage_changed',
  'session.status_changed',
  'placement.recorded',
  'placement.updated',
] as const;
export const WebhookEventTypeSchema = z.enum(WEBHOOK_EVENT_TYPES).meta({ id: 'WebhookEventType' });
export type WebhookEventType = z.infer<typeof WebhookEventTypeSchema>;

export const WEBHOOK_DISABLED_REASONS = ['manual', 'persistent_failure'] as const;
export const WebhookDisabledReasonSchema = z.enum(WEBHOOK_DISABLED_REASONS);
export type WebhookDisabledReason = z.infer<typeof WebhookDisabledReasonSchema>;

const WebhookUrlSchema = z
  .url({ protocol: /^https?$/ })
  .max(2000)
  .describe('Where events are POSTed; HTTPS in production');

const EventListSchema = z
  .array(WebhookEventTypeSchema)
  .min(1)
  .refine((events) => new Set(events).size === events.length, 'events must not repeat');

export const WebhookSubscriptionSchema = z
  .object({
    id: IdSchema,
    url: z.string(),
    description: z.string().nullable(),
    events: z.array(WebhookEventTypeSchema),
    fabriqueId: IdSchema.nullable().describe('Events of this fabrique only; null for every fabrique'),
    isEnabled: z.boolean(),
    disabledReason: WebhookDisabledReasonSchema.nullable().describe(
      '`persistent_failure` when Passerelle disabled the subscription after every attempt failed',
    ),
    disabledAt: InstantSchema.nullable(),
    consecutiveFailures: z
      .number()
      .int()
      .describe('Events in a row whose every attempt failed; resets on a success'),
    version: VersionSchema,
    createdAt: InstantSchema,
    updatedAt: InstantSchema,
  })
  .meta({ id: 'WebhookSubscription' });
export type WebhookSubscription = z.infer<typeof WebhookSubscriptionSchema>;

export const WebhookSubscriptionWithSecretSchema = WebhookSubscriptionSchema.extend({
  secret: z
    .string()
    .describe('`whsec_` + base64 key, shown once: sign check with the base64-decoded part after `whsec_`'),
}).meta({ id: 'WebhookSubscriptionWithSecret' });
export type WebhookSubscriptionWithSecret = z.infer<typeof WebhookSubscriptionWithSecretSchema>;

export const CreateWebhookSchema = z
  .object({
    url: WebhookUrlSchema,
    description: z.string().trim().max(500).optional(),
    events: EventListSchema,
    fabriqueId: IdSchema.nullable().default(null),
  })
  .meta({
    id: 'CreateWebhook',
    example: {
      url: 'https://integration.example.org/passerelle/webhooks',
      events: ['candidacy.submitted', 'candidacy.stage_changed'],
      fabriqueId: '01936b8e-8f5a-7c3d-9a1b-2c3d4e5f6a7b',
    },
  });
export type CreateWebhook = z.infer<typeof CreateWebhookSchema>;

export const UpdateWebhookSchema = z
  .object({
    url: WebhookUrlSchema,
    description: z.string().trim().max(500).nullable(),
    events: EventListSchema,
    isEnabled: z.boolean().describe('Re-enabling resets the failure count'),
    version: VersionSchema,
  })
  .partial()
  .meta({ id: 'UpdateWebhook', example: { isEnabled: false } });
export type UpdateWebhook = z.infer<typeof UpdateWebhookSchema>;

export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'delivering', 'succeeded', 'failed'] as const;
export const WebhookDeliveryStatusSchema = z.enum(WEBHOOK_DELIVERY_STATUSES);
export type WebhookDeliveryStatus = z.infer<typeof WebhookDeliveryStatusSchema>;

export const WebhookAttemptSchema = z
  .object({
    id: IdSchema,
    attemptNumber: z.number().int().min(1),
    startedAt: InstantSchema,
    durationMs: z.number().int().nullable(),
    statusCode: z.number().int().nullable().describe('HTTP status of the answer; null when none came'),
    isSuccess: z.boolean(),
    responseExcerpt: z.string().nullable().describe('At most 1 KB of the answer body'),
    error: z.string().nullable().describe('Why no answer came (timeout, refused, …)'),
  })
  .meta({ id: 'WebhookAttempt' });
export type WebhookAttempt = z.infer<typeof WebhookAttemptSchema>;

export const WebhookDeliverySchema = z
  .object({
    id: IdSchema.describe('The `webhook-id` header: the same on every attempt, for deduplication'),
    subscriptionId: IdSchema,
    eventId: IdSchema,
    eventType: WebhookEventTypeSchema,
    status: WebhookDeliveryStatusSchema,
    attemptCount: z.number().int(),
    nextAttemptAt: InstantSchema.nullable(),
    createdAt: InstantSchema,
    completedAt: InstantSchema.nullable(),
    attempts: z.array(WebhookAttemptSchema).describe('Latest first'),
  })
  .meta({ id: 'WebhookDelivery' });
export type WebhookDelivery = z.infer<typeof WebhookDeliverySchema>;

export const WebhookDeliveryParamsSchema = z.object({ id: IdSchema, deliveryId: IdSchema });

/** The body POSTed to a receiver. */
export const WebhookPayloadSchema = z
  .object({
    type: WebhookEventTypeSchema,
    timestamp: InstantSchema,
    data: z.record(z.string(), z.unknown()),
  })
  .meta({
    id: 'WebhookPayload',
    description:
      'Body of a webhook POST, signed per Standard Webhooks: `webhook-signature: v1,<base64 HMAC-SHA256 of "{webhook-id}.{webhook-timestamp}.{body}">`',
  });
export type WebhookPayload = z.infer<typeof WebhookPayloadSchema>;
