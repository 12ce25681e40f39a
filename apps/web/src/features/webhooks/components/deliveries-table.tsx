import { Badge, Button, Code, Table, Text, VisuallyHidden } from '@mantine/core';
import type { WebhookDelivery } from '@passerelle/domain/webhook/webhook.schema';
import { IconSend } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { eventLabelKey } from './event-label';

const STATUS_COLORS: Record<WebhookDelivery['status'], string> = {
  pending: 'yellow',
  delivering: 'blue',
  succeeded: 'green',
  failed: 'red',
};

interface DeliveriesTableProps {
  deliveries: WebhookDelivery[];
  onRedeliver: (delivery: WebhookDelivery) => void;
  pendingDeliveryId: string | null;
}

export function DeliveriesTable({ deliveries, onRedeliver, pendingDeliveryId }: DeliveriesTableProps) {
  const { t, i18n } = useTranslation();
  const formatDate = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'medium' });
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped verticalSpacing="sm">
        <Table.Caption>
          <VisuallyHidden>{t('webhooks.log.tableCaption')}</VisuallyHidden>
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('webhooks.log.event')}</Table.Th>
            <Table.Th scope="col">{t('webhooks.log.status')}</Table.Th>
            <Table.Th scope="col">{t('webhooks.log.attempts')}</Table.Th>
            <Table.Th scope="col">{t('webhooks.log.lastAttempt')}</Table.Th>
            <Table.Th scope="col">{t('webhooks.log.response')}</Table.Th>
            <Table.Th scope="col">
              <VisuallyHidden>{t('webhooks.columns.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {deliveries.map((delivery) => {
            const last = delivery.attempts[0];
            const isFinished = delivery.status === 'succeeded' || delivery.status === 'failed';
            return (
              <Table.Tr key={delivery.id} data-testid="delivery-row">
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {t(eventLabelKey(delivery.eventType))}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {formatDate.format(new Date(delivery.createdAt))}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Badge
                    variant="dot"
                    color={STATUS_COLORS[delivery.status]}
                    size="lg"
                    radius="sm"
                    tt="none"
                    fw={500}
                  >
                    {t(`webhooks.log.statuses.${delivery.status}`)}
                  </Badge>
                  {delivery.status === 'pending' && delivery.nextAttemptAt && delivery.attemptCount > 0 && (
                    <Text size="xs" c="dimmed" mt={4}>
                      {t('webhooks.log.nextAttempt', {
                        at: formatDate.format(new Date(delivery.nextAttemptAt)),
                      })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{delivery.attemptCount}</Table.Td>
                <Table.Td>
                  {last ? (
                    <>
                      <Text size="sm">
                        {last.statusCode
                          ? t('webhooks.log.httpStatus', { status: last.statusCode })
                          : t('webhooks.log.noAnswer')}
                        {last.durationMs !== null &&
                          ` · ${t('webhooks.log.latency', { ms: last.durationMs })}`}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {formatDate.format(new Date(last.startedAt))}
                      </Text>
                    </>
                  ) : (
                    <Text size="sm" c="dimmed">
                      {t('webhooks.log.notYet')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td maw={320}>
                  {last?.error && (
                    <Text size="xs" c="red.8">
                      {last.error}
                    </Text>
                  )}
                  {last?.responseExcerpt ? (
                    <Code block fz="xs" style={{ maxHeight: 80, overflow: 'auto', whiteSpace: 'pre-wrap' }}>
                      {last.responseExcerpt}
                    </Code>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  {isFinished && (
                    <Button
                      size="xs"
                      variant="subtle"
                      leftSection={<IconSend size={14} aria-hidden />}
                      loading={pendingDeliveryId === delivery.id}
                      onClick={() => onRedeliver(delivery)}
                    >
                      {t('webhooks.log.redeliver')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
