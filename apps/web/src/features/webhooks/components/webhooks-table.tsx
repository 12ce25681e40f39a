import { Group, Table, Text, VisuallyHidden } from '@mantine/core';
import type { WebhookSubscription } from '@passerelle/domain/webhook/webhook.schema';
import { IconListDetails } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../../../components/ui/router-links';
import { eventLabelKey } from './event-label';
import { WebhookStatusBadge } from './webhook-status-badge';

interface WebhooksTableProps {
  webhooks: WebhookSubscription[];
  fabriqueName: (id: string | null) => string;
}

export function WebhooksTable({ webhooks, fabriqueName }: WebhooksTableProps) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table striped highlightOnHover verticalSpacing="sm">
        <Table.Caption>
          <VisuallyHidden>{t('webhooks.tableCaption')}</VisuallyHidden>
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('webhooks.columns.url')}</Table.Th>
            <Table.Th scope="col">{t('webhooks.columns.events')}</Table.Th>
            <Table.Th scope="col">{t('webhooks.columns.fabrique')}</Table.Th>
            <Table.Th scope="col">{t('webhooks.columns.status')}</Table.Th>
            <Table.Th scope="col">
              <VisuallyHidden>{t('webhooks.columns.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {webhooks.map((webhook) => (
            <Table.Tr key={webhook.id}>
              <Table.Td>
                <Text size="sm" ff="monospace" style={{ wordBreak: 'break-all' }}>
                  {webhook.url}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{webhook.events.map((type) => t(eventLabelKey(type))).join(', ')}</Text>
              </Table.Td>
              <Table.Td>{fabriqueName(webhook.fabriqueId)}</Table.Td>
              <Table.Td>
                <WebhookStatusBadge webhook={webhook} />
              </Table.Td>
              <Table.Td>
                <Group justify="flex-end">
                  <ButtonLink
                    to="/admin/webhooks/$webhookId"
                    params={{ webhookId: webhook.id }}
                    size="xs"
                    variant="subtle"
                    leftSection={<IconListDetails size={14} aria-hidden />}
                    aria-label={t('webhooks.deliveriesLabel', { url: webhook.url })}
                  >
                    {t('webhooks.deliveries')}
                  </ButtonLink>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
