import { and, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import {
  type WebhookAttemptRow,
  type WebhookDeliveryRow,
  webhookAttempts,
  webhookDeliveries,
  webhookEvents,
  webhookSubscriptions,
} from '../../../db/schema/index.ts';
import { updateVersioned } from '../../../db/versioned-update.ts';

type NewSubscription = typeof webhookSubscriptions.$inferInsert;
type SubscriptionChanges = Partial<
  Pick<
    NewSubscription,
    'url' | 'description' | 'events' | 'isEnabled' | 'disabledReason' | 'disabledAt' | 'consecutiveFailures'
  >
>;

export interface DeliveryWithAttempts extends WebhookDeliveryRow {
  eventType: string;
  attempts: WebhookAttemptRow[];
}

/** A claimed delivery with what the worker needs to send it. */
export interface ClaimedDelivery {
  id: string;
  subscriptionId: string;
  attemptNumber: number;
  runAttemptCount: number;
  leaseToken: string;
  url: string;
  secret: string;
  eventType: string;
  payload: Record<string, unknown>;
  occurredAt: Date;
}

/** Rows of `db.execute`: node-postgres answers { rows }, PGlite an array-like result with rows too. */
function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

export function createWebhookRepository() {
  return {
    async findSubscription(executor: Executor, id: string) {
      const rows = await executor.select().from(webhookSubscriptions).where(eq(webhookSubscriptions.id, id));
      return rows[0];
    },

    /** Latest first; `fabriqueIds` limits to those fabriques (API clients), undefined for all. */
    async listSubscriptions(
      executor: Executor,
      query: { limit: number; beforeId?: string | undefined; fabriqueIds?: readonly string[] | undefined },
    ) {
      if (query.fabriqueIds?.length === 0) return [];
      return executor
        .select()
        .from(webhookSubscriptions)
        .where(
          and(
            query.beforeId ? lt(webhookSubscriptions.id, query.beforeId) : undefined,
            query.fabriqueIds ? inArray(webhookSubscriptions.fabriqueId, [...query.fabriqueIds]) : undefined,
          ),
        )
        .orderBy(desc(webhookSubscriptions.id))
        .limit(query.limit + 1);
    },

    async insertSubscription(executor: Executor, values: NewSubscription) {
      const [row] = await executor.insert(webhookSubscriptions).values(values).returning();
      if (!row) throw new Error('insert returned no row');
      return row;
    },

    async updateSubscription(
      executor: Executor,
      id: string,
      changes: SubscriptionChanges,
      expectedVersion: number | undefined,
    ) {
      return updateVersioned(executor, webhookSubscriptions, id, changes, expectedVersion);
    },

    async deleteSubscription(executor: Executor, id: string) {
      await executor.delete(webhookSubscriptions).where(eq(webhookSubscriptions.id, id));
    },

    async findDelivery(executor: Executor, subscriptionId: string, deliveryId: string) {
      const rows = await executor
        .select()
        .from(webhookDeliveries)
        .where(
          and(eq(webhookDeliveries.id, deliveryId), eq(webhookDeliveries.subscriptionId, subscriptionId)),
        );
      return rows[0];
    },

    /** Latest first, each with its latest attempts. */
    async listDeliveries(
      executor: Executor,
      subscriptionId: string,
      query: {
        limit: number;
        beforeId?: string | undefined;
        deliveryId?: string | undefined;
        attemptsPerDelivery: number;
      },
    ): Promise<DeliveryWithAttempts[]> {
      const rows = await executor
        .select({ delivery: webhookDeliveries, eventType: webhookEvents.type })
        .from(webhookDeliveries)
        .innerJoin(webhookEvents, eq(webhookEvents.id, webhookDeliveries.eventId))
        .where(
          and(
            eq(webhookDeliveries.subscriptionId, subscriptionId),
            query.beforeId ? lt(webhookDeliveries.id, query.beforeId) : undefined,
            query.deliveryId ? eq(webhookDeliveries.id, query.deliveryId) : undefined,
          ),
        )
        .orderBy(desc(webhookDeliveries.id))
        .limit(query.limit + 1);
      if (rows.length === 0) return [];
      const attempts = await executor
        .select()
        .from(webhookAttempts)
        .where(
          inArray(
            webhookAttempts.deliveryId,
            rows.map((row) => row.delivery.id),
          ),
        )
        .orderBy(desc(webhookAttempts.attemptNumber));
      return rows.map((row) => ({
        ...row.delivery,
        eventType: row.eventType,
        attempts: attempts
          .filter((attempt) => attempt.deliveryId === row.delivery.id)
          .slice(0, query.attemptsPerDelivery),
      }));
    },

    /** A finished delivery starts a new run of attempts now; null when it is being sent. */
    async requeueDelivery(executor: Executor, deliveryId: string) {
      const rows = await executor
        .update(webhookDeliveries)
        .set({ status: 'pending', nextAttemptAt: new Date(), runAttemptCount: 0, completedAt: null })
        .where(
          and(
            eq(webhookDeliveries.id, deliveryId),
            inArray(webhookDeliveries.status, ['succeeded', 'failed']),
          ),
        )
        .returning();
      return rows[0];
    },

    /**
     * Claims up to `limit` due deliveries of enabled subscriptions in one statement: `FOR UPDATE
     * SKIP LOCKED` lets concurrent workers (other instances) pass over rows another one is
     * claiming, and the lease makes a crashed worker's delivery due again once it ends.
     */
    async claimDueDeliveries(
      executor: Executor,
      options: { limit: number; leaseMs: number; leaseToken: string },
    ): Promise<ClaimedDelivery[]> {
      const result = await executor.execute(sql`
        with due as (
          select d.id
          from webhook_deliveries d
          join webhook_subscriptions s on s.id = d.subscription_id
          where s.is_enabled
            and ((d.status = 'pending' and d.next_attempt_at <= now())
              or (d.status = 'delivering' and d.lease_expires_at < now()))
          order by d.next_attempt_at
          limit ${options.limit}
          for update of d skip locked
        )
        update webhook_deliveries d
        set status = 'delivering',
            lease_token = ${options.leaseToken}::uuid,
            lease_expires_at = now() + (${options.leaseMs} * interval '1 millisecond'),
            attempt_count = d.attempt_count + 1,
            run_attempt_count = d.run_attempt_count + 1
        from due, webhook_subscriptions s, webhook_events e
        where d.id = due.id and s.id = d.subscription_id and e.id = d.event_id
        returning d.id, d.subscription_id, d.attempt_count, d.run_attempt_count, s.url, s.secret,
          e.type, e.payload, e.occurred_at`);
      return rowsOf<{
        id: string;
        subscription_id: string;
        attempt_count: number;
        run_attempt_count: number;
        url: string;
        secret: string;
        type: string;
        payload: Record<string, unknown> | string;
        occurred_at: Date | string;
      }>(result).map((row) => ({
        id: row.id,
        subscriptionId: row.subscription_id,
        attemptNumber: Number(row.attempt_count),
        runAttemptCount: Number(row.run_attempt_count),
        leaseToken: options.leaseToken,
        url: row.url,
        secret: row.secret,
        eventType: row.type,
        payload: typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload,
        occurredAt: new Date(row.occurred_at),
      }));
    },

    async insertAttempt(executor: Executor, values: typeof webhookAttempts.$inferInsert) {
      await executor.insert(webhookAttempts).values(values);
    },

    /** Finishes the claimed run of a delivery, only while this worker still holds its lease. */
    async releaseDelivery(
      executor: Executor,
      claim: { id: string; leaseToken: string },
      outcome: { status: 'pending' | 'succeeded' | 'failed'; nextAttemptAt: Date | null },
    ): Promise<boolean> {
      const rows = await executor
        .update(webhookDeliveries)
        .set({
          status: outcome.status,
          nextAttemptAt: outcome.nextAttemptAt,
          leaseToken: null,
          leaseExpiresAt: null,
          completedAt: outcome.status === 'pending' ? null : new Date(),
        })
        .where(and(eq(webhookDeliveries.id, claim.id), eq(webhookDeliveries.leaseToken, claim.leaseToken)))
        .returning({ id: webhookDeliveries.id });
      return rows.length > 0;
    },

    async resetFailures(executor: Executor, subscriptionId: string) {
      await executor
        .update(webhookSubscriptions)
        .set({ consecutiveFailures: 0 })
        .where(
          and(
            eq(webhookSubscriptions.id, subscriptionId),
            sql`${webhookSubscriptions.consecutiveFailures} > 0`,
          ),
        );
    },

    /** One more event failed for good; returns the new count. */
    async countFailedEvent(executor: Executor, subscriptionId: string): Promise<number> {
      const rows = await executor
        .update(webhookSubscriptions)
        .set({ consecutiveFailures: sql`${webhookSubscriptions.consecutiveFailures} + 1` })
        .where(eq(webhookSubscriptions.id, subscriptionId))
        .returning({ consecutiveFailures: webhookSubscriptions.consecutiveFailures });
      return rows[0]?.consecutiveFailures ?? 0;
    },

    async disableForFailure(executor: Executor, subscriptionId: string) {
      await executor
        .update(webhookSubscriptions)
        .set({
          isEnabled: false,
          disabledReason: 'persistent_failure',
          disabledAt: new Date(),
          version: sql`${webhookSubscriptions.version} + 1`,
          updatedAt: new Date(),
        })
        .where(eq(webhookSubscriptions.id, subscriptionId));
    },
  };
}

export type WebhookRepository = ReturnType<typeof createWebhookRepository>;
