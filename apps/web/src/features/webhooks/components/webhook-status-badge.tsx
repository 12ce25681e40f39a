import { Badge } from '@mantine/core';
import type { WebhookSubscription } from '@passerelle/domain/webhook/webhook.schema';
import { useTranslation } from 'react-i18next';

export function WebhookStatusBadge({ webhook }: { webhook: WebhookSubscription }) {
  const { t } = useTranslation();
  const [color, label] = webhook.isEnabled
    ? ['green', t('webhooks.enabled')]
    : webhook.disabledReason === 'persistent_failure'
      ? ['red', t('webhooks.disabledAutomatically')]
      : ['gray', t('webhooks.disabled')];
  return (
    <Badge variant="dot" color={color} size="lg" radius="sm" tt="none" fw={500}>
      {label}
    </Badge>
  );
}
