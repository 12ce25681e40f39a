import { Alert, Button, EmptyState, Group, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconAlertTriangle, IconPlus, IconWebhook } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/ui/error-state';
import { PageHeader } from '../../../components/ui/page-header';
import { TableSkeleton } from '../../../components/ui/table-skeleton';
import { useFabriqueChoices } from '../../../features/fabriques/api/get-fabriques';
import { useWebhooks } from '../../../features/webhooks/api/get-webhooks';
import { CreateWebhookDialog } from '../../../features/webhooks/components/create-webhook-dialog';
import { WebhooksTable } from '../../../features/webhooks/components/webhooks-table';

export function WebhooksPage() {
  const { t } = useTranslation();
  const webhooksQuery = useWebhooks();
  const fabriqueChoices = useFabriqueChoices();
  const [isCreateOpen, createDialog] = useDisclosure(false);
  const webhooks = webhooksQuery.data?.pages.flatMap((page) => page.data) ?? [];
  const disabledAutomatically = webhooks.filter((webhook) => webhook.disabledReason === 'persistent_failure');
  const fabriqueName = (id: string | null) =>
    id === null
      ? t('webhooks.allFabriques')
      : (fabriqueChoices.data?.find((choice) => choice.value === id)?.label ?? '…');

  return (
    <>
      <PageHeader
        title={t('webhooks.title')}
        description={t('webhooks.description')}
        actions={
          <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={createDialog.open}>
            {t('webhooks.new')}
          </Button>
        }
      />
      {disabledAutomatically.length > 0 && (
        <Alert
          color="red"
          variant="light"
          icon={<IconAlertTriangle aria-hidden />}
          mb="md"
          title={t('webhooks.autoDisabledTitle')}
        >
          {t('webhooks.autoDisabledList', { count: disabledAutomatically.length })}
        </Alert>
      )}
      {webhooksQuery.isPending ? (
        <TableSkeleton rows={3} />
      ) : webhooksQuery.isError ? (
        <ErrorState error={webhooksQuery.error} onRetry={() => webhooksQuery.refetch()} />
      ) : webhooks.length === 0 ? (
        <EmptyState
          icon={<IconWebhook size={32} aria-hidden />}
          withIndicatorBackground
          title={t('webhooks.emptyTitle')}
          description={t('webhooks.emptyDescription')}
          py="xl"
        />
      ) : (
        <Stack gap="md">
          <WebhooksTable webhooks={webhooks} fabriqueName={fabriqueName} />
          {webhooksQuery.hasNextPage && (
            <Group justify="center">
              <Button
                variant="default"
                loading={webhooksQuery.isFetchingNextPage}
                onClick={() => webhooksQuery.fetchNextPage()}
              >
                {t('webhooks.loadMore')}
              </Button>
            </Group>
          )}
        </Stack>
      )}
      <CreateWebhookDialog
        opened={isCreateOpen}
        onClose={createDialog.close}
        fabriqueChoices={fabriqueChoices.data ?? []}
      />
    </>
  );
}
