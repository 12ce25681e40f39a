import { Alert, Button, EmptyState, Group, Stack, Text } from '@mantine/core';
import type { WebhookDelivery } from '@passerelle/domain/webhook/webhook.schema';
import {
  IconAlertTriangle,
  IconArrowLeft,
  IconInbox,
  IconPlayerPause,
  IconPlayerPlay,
  IconTrash,
} from '@tabler/icons-react';
import { getRouteApi, useRouter } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { ErrorState } from '../../../components/ui/error-state';
import { notifySuccess } from '../../../components/ui/notify';
import { PageHeader } from '../../../components/ui/page-header';
import { AnchorLink } from '../../../components/ui/router-links';
import { TableSkeleton } from '../../../components/ui/table-skeleton';
import { useDeleteWebhook } from '../../../features/webhooks/api/delete-webhook';
import { useWebhook } from '../../../features/webhooks/api/get-webhook';
import { useWebhookDeliveries } from '../../../features/webhooks/api/get-webhook-deliveries';
import { useRedeliverWebhookDelivery } from '../../../features/webhooks/api/redeliver-webhook-delivery';
import { useUpdateWebhook } from '../../../features/webhooks/api/update-webhook';
import { DeliveriesTable } from '../../../features/webhooks/components/deliveries-table';
import { eventLabelKey } from '../../../features/webhooks/components/event-label';
import { WebhookStatusBadge } from '../../../features/webhooks/components/webhook-status-badge';
import { describeError } from '../../../lib/problem-message';

const route = getRouteApi('/_authenticated/admin/webhooks/$webhookId');

export function WebhookDetailPage() {
  const { t, i18n } = useTranslation();
  const { webhookId } = route.useParams();
  const router = useRouter();
  const webhookQuery = useWebhook(webhookId);
  const deliveriesQuery = useWebhookDeliveries(webhookId);
  const updateMutation = useUpdateWebhook();
  const deleteMutation = useDeleteWebhook();
  const redeliverMutation = useRedeliverWebhookDelivery();
  const [isDeleteOpen, setDeleteOpen] = useState(false);
  const deliveries = deliveriesQuery.data?.pages.flatMap((page) => page.data) ?? [];
  const webhook = webhookQuery.data;
  const formatDate = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });

  const redeliver = (delivery: WebhookDelivery) =>
    redeliverMutation.mutate(
      { webhookId, deliveryId: delivery.id },
      { onSuccess: () => notifySuccess(t('webhooks.log.redelivered')) },
    );

  const back = (
    <AnchorLink to="/admin/webhooks" size="sm">
      <Group gap={4} component="span">
        <IconArrowLeft size={14} aria-hidden />
        {t('webhooks.back')}
      </Group>
    </AnchorLink>
  );

  if (webhookQuery.isPending) return <TableSkeleton rows={4} />;
  if (webhookQuery.isError || !webhook)
    return (
      <Stack>
        {back}
        <ErrorState error={webhookQuery.error} onRetry={() => webhookQuery.refetch()} />
      </Stack>
    );

  return (
    <>
      <Stack gap="xs" mb="md">
        {back}
      </Stack>
      <PageHeader
        title={t('webhooks.detailTitle')}
        description={webhook.url}
        actions={
          <Group gap="xs">
            <Button
              variant="default"
              leftSection={
                webhook.isEnabled ? (
                  <IconPlayerPause size={16} aria-hidden />
                ) : (
                  <IconPlayerPlay size={16} aria-hidden />
                )
              }
              loading={updateMutation.isPending}
              onClick={() =>
                updateMutation.mutate(
                  { id: webhook.id, body: { isEnabled: !webhook.isEnabled, version: webhook.version } },
                  {
                    onSuccess: (updated) =>
                      notifySuccess(
                        updated.isEnabled ? t('webhooks.enabledNotice') : t('webhooks.disabledNotice'),
                      ),
                  },
                )
              }
            >
              {webhook.isEnabled ? t('webhooks.disable') : t('webhooks.enable')}
            </Button>
            <Button
              color="red"
              variant="light"
              leftSection={<IconTrash size={16} aria-hidden />}
              onClick={() => setDeleteOpen(true)}
            >
              {t('webhooks.delete')}
            </Button>
          </Group>
        }
      />
      <Stack gap="md">
        <Group gap="sm">
          <WebhookStatusBadge webhook={webhook} />
          <Text size="sm" c="dimmed">
            {webhook.events.map((type) => t(eventLabelKey(type))).join(', ')}
          </Text>
        </Group>
        {webhook.disabledReason === 'persistent_failure' && (
          <Alert
            color="red"
            variant="light"
            icon={<IconAlertTriangle aria-hidden />}
            title={t('webhooks.autoDisabledTitle')}
          >
            {t('webhooks.autoDisabledBody', {
              at: webhook.disabledAt ? formatDate.format(new Date(webhook.disabledAt)) : '',
              count: webhook.consecutiveFailures,
            })}
          </Alert>
        )}
        {updateMutation.error ? (
          <Alert color="red" variant="light" role="alert">
            {describeError(updateMutation.error, t)}
          </Alert>
        ) : null}
        {redeliverMutation.error ? (
          <Alert color="red" variant="light" role="alert">
            {describeError(redeliverMutation.error, t)}
          </Alert>
        ) : null}
        <Text component="h2" fw={700} size="lg">
          {t('webhooks.log.title')}
        </Text>
        {deliveriesQuery.isPending ? (
          <TableSkeleton rows={4} />
        ) : deliveriesQuery.isError ? (
          <ErrorState error={deliveriesQuery.error} onRetry={() => deliveriesQuery.refetch()} />
        ) : deliveries.length === 0 ? (
          <EmptyState
            icon={<IconInbox size={32} aria-hidden />}
            withIndicatorBackground
            title={t('webhooks.log.emptyTitle')}
            description={t('webhooks.log.emptyDescription')}
            py="xl"
          />
        ) : (
          <>
            <DeliveriesTable
              deliveries={deliveries}
              onRedeliver={redeliver}
              pendingDeliveryId={
                redeliverMutation.isPending ? (redeliverMutation.variables?.deliveryId ?? null) : null
              }
            />
            {deliveriesQuery.hasNextPage && (
              <Group justify="center">
                <Button
                  variant="default"
                  loading={deliveriesQuery.isFetchingNextPage}
                  onClick={() => deliveriesQuery.fetchNextPage()}
                >
                  {t('webhooks.loadMore')}
                </Button>
              </Group>
            )}
          </>
        )}
      </Stack>
      <ConfirmDialog
        opened={isDeleteOpen}
        title={t('webhooks.deleteTitle')}
        message={t('webhooks.deleteMessage', { url: webhook.url })}
        confirmLabel={t('webhooks.deleteConfirm')}
        isPending={deleteMutation.isPending}
        error={deleteMutation.error}
        onClose={() => setDeleteOpen(false)}
        onConfirm={() =>
          deleteMutation.mutate(webhook.id, {
            onSuccess: () => {
              notifySuccess(t('webhooks.deleted'));
              void router.navigate({ to: '/admin/webhooks' });
            },
          })
        }
      />
    </>
  );
}
