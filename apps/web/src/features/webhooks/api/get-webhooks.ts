import { createPageSchema } from '@passerelle/domain/shared/common.schema';
import { WebhookSubscriptionSchema } from '@passerelle/domain/webhook/webhook.schema';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiRequest } from '../../../lib/api-client';
import { webhookKeys } from './webhook-keys';

const WebhookPageSchema = createPageSchema(WebhookSubscriptionSchema);
export type WebhookPage = z.infer<typeof WebhookPageSchema>;

export function getWebhooks({ cursor, signal }: { cursor?: string | undefined; signal?: AbortSignal } = {}) {
  return apiRequest<WebhookPage>('/webhooks', { query: { limit: 50, cursor }, signal });
}

export function getWebhooksQueryOptions() {
  return infiniteQueryOptions({
    queryKey: webhookKeys.lists(),
    queryFn: ({ pageParam, signal }) => getWebhooks({ cursor: pageParam, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

export function useWebhooks() {
  return useInfiniteQuery(getWebhooksQueryOptions());
}
