import type { WebhookEventType } from '@passerelle/domain/webhook/webhook.schema';
import { and, arrayContains, eq, isNull, or } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { webhookDeliveries, webhookEvents, webhookSubscriptions } from '../../../db/schema/index.ts';

export interface OutboxEvent {
  type: WebhookEventType;
  /** The fabrique the change belongs to: subscriptions of that fabrique (or of all) receive it. */
  fabriqueId: string | null;
  /** The `data` of the payload: ids and the change, no personal data (receivers fetch the record). */
  data: Record<string, unknown>;
  occurredAt?: Date;
}

/**
 * The outbox: call it with the transaction that makes the change, so that the event exists if and
 * only if the change commits. It also queues one delivery per matching enabled subscription (in
 * the same transaction); the worker sends them.
 */
export async function recordEvent(tx: Executor, event: OutboxEvent): Promise<string> {
  const [row] = await tx
    .insert(webhookEvents)
    .values({
      type: event.type,
      fabriqueId: event.fabriqueId,
      payload: event.data,
      occurredAt: event.occurredAt ?? new Date(),
    })
    .returning({ id: webhookEvents.id });
  if (!row) throw new Error('insert returned no row');
  const fabriqueFilter =
    event.fabriqueId === null
      ? isNull(webhookSubscriptions.fabriqueId)
      : or(isNull(webhookSubscriptions.fabriqueId), eq(webhookSubscriptions.fabriqueId, event.fabriqueId));
  const subscriptions = await tx
    .select({ id: webhookSubscriptions.id })
    .from(webhookSubscriptions)
    .where(
      and(
        eq(webhookSubscriptions.isEnabled, true),
        arrayContains(webhookSubscriptions.events, [event.type]),
        fabriqueFilter,
      ),
    );
  if (subscriptions.length > 0) {
    await tx
      .insert(webhookDeliveries)
      .values(subscriptions.map((subscription) => ({ subscriptionId: subscription.id, eventId: row.id })));
  }
  return row.id;
}
