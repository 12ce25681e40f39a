import type { CreateWebhook, WebhookSubscriptionWithSecret } from '@passerelle/domain/webhook/webhook.schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { webhookKeys } from './webhook-keys';

export function createWebhook(body: CreateWebhook): Promise<WebhookSubscriptionWithSecret> {
  return apiRequest<WebhookSubscriptionWithSecret>('/webhooks', { method: 'POST', body });
}

export function useCreateWebhook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createWebhook,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: webhookKeys.lists() }),
  });
}
