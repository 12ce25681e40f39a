import { type Actor, isApiClient } from '@passerelle/domain/auth/access';
import { DomainError } from '@passerelle/domain/shared/errors';
import type {
  CreateWebhook,
  UpdateWebhook,
  WebhookDelivery,
  WebhookEventType,
  WebhookSubscription,
  WebhookSubscriptionWithSecret,
} from '@passerelle/domain/webhook/webhook.schema';
import type { Database } from '../../../db/client.ts';
import type { WebhookAttemptRow, WebhookSubscriptionRow } from '../../../db/schema/index.ts';
import type { AuditRepository } from '../audit/audit-repository.ts';
import type { FabriqueRepository } from '../fabriques/fabrique-repository.ts';
import { type AuthenticatedContext, auditMeta } from '../http/context.ts';
import { decodeCursor, toPage } from '../http/pagination.ts';
import { type ExpectedVersion, staleVersionError } from '../http/versioning.ts';
import type { DeliveryWithAttempts, WebhookRepository } from './webhook-repository.ts';
import { generateWebhookSecret } from './webhook-signature.ts';

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export function toWebhookDto(row: WebhookSubscriptionRow): WebhookSubscription {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    events: row.events as WebhookEventType[],
    fabriqueId: row.fabriqueId,
    isEnabled: row.isEnabled,
    disabledReason: row.disabledReason,
    disabledAt: iso(row.disabledAt),
    consecutiveFailures: row.consecutiveFailures,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function toAttemptDto(row: WebhookAttemptRow) {
  return {
    id: row.id,
    attemptNumber: row.attemptNumber,
    startedAt: row.startedAt.toISOString(),
    durationMs: row.durationMs,
    statusCode: row.statusCode,
    isSuccess: row.isSuccess,
    responseExcerpt: row.responseExcerpt,
    error: row.error,
  };
}

export function toDeliveryDto(row: DeliveryWithAttempts): WebhookDelivery {
  return {
    id: row.id,
    subscriptionId: row.subscriptionId,
    eventId: row.eventId,
    eventType: row.eventType as WebhookEventType,
    status: row.status,
    attemptCount: row.attemptCount,
    nextAttemptAt: row.status === 'pending' ? iso(row.nextAttemptAt) : null,
    createdAt: row.createdAt.toISOString(),
    completedAt: iso(row.completedAt),
    attempts: row.attempts.map(toAttemptDto),
  };
}

/**
 * Webhooks are an admin's (api.md); an API client holding `webhooks:manage` manages those of its
 * own fabriques. Coordinators, trainers and viewers get 403.
 */
function requireManager(actor: Actor): void {
  if (isApiClient(actor) || actor.role === 'admin') return;
  throw new DomainError('forbidden', 'only an admin may manage webhooks');
}

function isVisible(actor: Actor, row: WebhookSubscriptionRow): boolean {
  if (!isApiClient(actor)) return true;
  return row.fabriqueId !== null && actor.fabriqueIds.includes(row.fabriqueId);
}

const notFound = () => new DomainError('not_found', 'no such webhook subscription');
const ATTEMPTS_PER_DELIVERY = 20;

export function createWebhookService(deps: {
  db: Database;
  webhooks: WebhookRepository;
  fabriques: FabriqueRepository;
  audit: AuditRepository;
}) {
  const { db, webhooks, fabriques, audit } = deps;

  async function getVisible(actor: Actor, id: string): Promise<WebhookSubscriptionRow> {
    requireManager(actor);
    const row = await webhooks.findSubscription(db, id);
    if (!row || !isVisible(actor, row)) throw notFound();
    return row;
  }

  return {
    async listWebhooks(actor: Actor, query: { limit: number; cursor?: string | undefined }) {
      requireManager(actor);
      const rows = await webhooks.listSubscriptions(db, {
        limit: query.limit,
        beforeId: decodeCursor(query.cursor),
        fabriqueIds: isApiClient(actor) ? actor.fabriqueIds : undefined,
      });
      const page = toPage(rows, query.limit);
      return { data: page.data.map(toWebhookDto), nextCursor: page.nextCursor };
    },

    async getWebhook(actor: Actor, id: string): Promise<WebhookSubscription> {
      return toWebhookDto(await getVisible(actor, id));
    },

    async createWebhook(
      context: AuthenticatedContext,
      input: CreateWebhook,
    ): Promise<WebhookSubscriptionWithSecret> {
      const { actor } = context;
      requireManager(actor);
      if (input.fabriqueId === null && isApiClient(actor))
        throw new DomainError(
          'rule_violated',
          'an API client subscribes to one of its fabriques: set fabriqueId',
        );
      if (input.fabriqueId !== null) {
        const exists = (await fabriques.findExistingIds(db, [input.fabriqueId])).length > 0;
        if (!exists || (isApiClient(actor) && !actor.fabriqueIds.includes(input.fabriqueId)))
          throw new DomainError('rule_violated', `unknown fabrique: ${input.fabriqueId}`);
      }
      const secret = generateWebhookSecret();
      const row = await db.transaction(async (tx) => {
        const inserted = await webhooks.insertSubscription(tx, {
          url: input.url,
          description: input.description ?? null,
          events: input.events,
          fabriqueId: input.fabriqueId,
          secret,
          createdBy: actor.id,
        });
        await audit.record(tx, {
          ...auditMeta(context),
          action: 'webhook.created',
          entityType: 'webhook_subscription',
          entityId: inserted.id,
          fabriqueId: input.fabriqueId,
          details: { url: input.url, events: input.events },
        });
        return inserted;
      });
      return { ...toWebhookDto(row), secret };
    },

    async updateWebhook(
      context: AuthenticatedContext,
      id: string,
      input: UpdateWebhook,
      expected: ExpectedVersion | undefined,
    ): Promise<WebhookSubscription> {
      const before = await getVisible(context.actor, id);
      if (expected && expected.version !== before.version) throw staleVersionError(expected, before.version);
      const { version: _version, ...fields } = input;
      const changes: Parameters<WebhookRepository['updateSubscription']>[2] = { ...fields };
      if (input.isEnabled === true && !before.isEnabled) {
        Object.assign(changes, { disabledReason: null, disabledAt: null, consecutiveFailures: 0 });
      } else if (input.isEnabled === false && before.isEnabled) {
        Object.assign(changes, { disabledReason: 'manual', disabledAt: new Date() });
      }
      const row = await db.transaction(async (tx) => {
        const updated = await webhooks.updateSubscription(tx, id, changes, before.version);
        if (!updated)
          throw staleVersionError(expected ?? { version: before.version, source: 'body' }, before.version);
        await audit.record(tx, {
          ...auditMeta(context),
          action: 'webhook.updated',
          entityType: 'webhook_subscription',
          entityId: id,
          fabriqueId: updated.fabriqueId,
          details: { changes: Object.keys(fields) },
        });
        return updated;
      });
      return toWebhookDto(row);
    },

    async deleteWebhook(context: AuthenticatedContext, id: string): Promise<void> {
      const before = await getVisible(context.actor, id);
      await db.transaction(async (tx) => {
        await webhooks.deleteSubscription(tx, id);
        await audit.record(tx, {
          ...auditMeta(context),
          action: 'webhook.deleted',
          entityType: 'webhook_subscription',
          entityId: id,
          fabriqueId: before.fabriqueId,
          details: { url: before.url },
        });
      });
    },

    async listDeliveries(actor: Actor, id: string, query: { limit: number; cursor?: string | undefined }) {
      await getVisible(actor, id);
      const rows = await webhooks.listDeliveries(db, id, {
        limit: query.limit,
        beforeId: decodeCursor(query.cursor),
        attemptsPerDelivery: ATTEMPTS_PER_DELIVERY,
      });
      const page = toPage(rows, query.limit);
      return { data: page.data.map(toDeliveryDto), nextCursor: page.nextCursor };
    },

    /** Sends a finished delivery again now, with a new run of attempts; the `webhook-id` stays. */
    async redeliver(context: AuthenticatedContext, id: string, deliveryId: string): Promise<WebhookDelivery> {
      const subscription = await getVisible(context.actor, id);
      const delivery = await webhooks.findDelivery(db, id, deliveryId);
      if (!delivery) throw new DomainError('not_found', 'no such delivery');
      if (!subscription.isEnabled)
        throw new DomainError('rule_violated', 'enable the subscription before redelivering');
      await db.transaction(async (tx) => {
        const requeued = await webhooks.requeueDelivery(tx, deliveryId);
        if (!requeued) throw new DomainError('conflict', 'this delivery is already queued or being sent');
        await audit.record(tx, {
          ...auditMeta(context),
          action: 'webhook.redelivered',
          entityType: 'webhook_subscription',
          entityId: id,
          fabriqueId: subscription.fabriqueId,
          details: { deliveryId },
        });
      });
      const [row] = await webhooks.listDeliveries(db, id, {
        limit: 1,
        deliveryId,
        attemptsPerDelivery: ATTEMPTS_PER_DELIVERY,
      });
      if (!row) throw new DomainError('not_found', 'no such delivery');
      return toDeliveryDto(row);
    },
  };
}

export type WebhookService = ReturnType<typeof createWebhookService>;
