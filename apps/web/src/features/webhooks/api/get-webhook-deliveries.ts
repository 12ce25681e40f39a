import { createPageSchema } from '@passerelle/domain/shared/common.schema';
import { WebhookDeliverySchema } from '@passerelle/domain/webhook/webhook.schema';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiRequest } from '../../../lib/api-client';
import { webhookKeys } from './webhook-keys';

const DeliveryPageSchema = createPageSchema(WebhookDeliverySchema);
export type WebhookDeliveryPage = z.infer<typeof DeliveryPageSchema>;

export function getWebhookDeliveries(
  id: string,
  { cursor, signal }: { cursor?: string | undefined; signal?: AbortSignal } = {},
) {
  return apiRequest<WebhookDeliveryPage>(`/webhooks/${encodeURIComponent(id)}/deliveries`, {
    query: { limit: 25, cursor },
    signal,
  });
}

export function getWebhookDeliveriesQueryOptions(id: string) {
  return infiniteQueryOptions({
    queryKey: webhookKeys.deliveries(id),
    queryFn: ({ pageParam, signal }) => getWebhookDeliveries(id, { cursor: pageParam, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
    // Attempts land in the background: keep the log fresh while it is open.
    refetchInterval: 5000,
  });
}

export function useWebhookDeliveries(id: string) {
  return useInfiniteQuery(getWebhookDeliveriesQueryOptions(id));
}
