import type { WebhookSubscription } from '@passerelle/domain/webhook/webhook.schema';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { webhookKeys } from './webhook-keys';

export function getWebhook(id: string, { signal }: { signal?: AbortSignal } = {}) {
  return apiRequest<WebhookSubscription>(`/webhooks/${encodeURIComponent(id)}`, { signal });
}

export function getWebhookQueryOptions(id: string) {
  return queryOptions({
    queryKey: webhookKeys.detail(id),
    queryFn: ({ signal }) => getWebhook(id, { signal }),
  });
}

export function useWebhook(id: string) {
  return useQuery(getWebhookQueryOptions(id));
}
