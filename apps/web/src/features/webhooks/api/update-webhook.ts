import type { UpdateWebhook, WebhookSubscription } from '@passerelle/domain/webhook/webhook.schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { webhookKeys } from './webhook-keys';

export function updateWebhook({
  id,
  body,
}: {
  id: string;
  body: UpdateWebhook;
}): Promise<WebhookSubscription> {
  return apiRequest<WebhookSubscription>(`/webhooks/${encodeURIComponent(id)}`, { method: 'PATCH', body });
}

export function useUpdateWebhook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateWebhook,
    onSuccess: (webhook) => {
      queryClient.setQueryData(webhookKeys.detail(webhook.id), webhook);
      return queryClient.invalidateQueries({ queryKey: webhookKeys.lists() });
    },
  });
}
