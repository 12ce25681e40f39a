import { Button, EmptyState, Group, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ApiClient } from '@passerelle/domain/api-client/api-client.schema';
import { IconKey, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { ErrorState } from '../../../components/ui/error-state';
import { notifySuccess } from '../../../components/ui/notify';
import { PageHeader } from '../../../components/ui/page-header';
import { TableSkeleton } from '../../../components/ui/table-skeleton';
import { useApiClients } from '../../../features/api-clients/api/get-api-clients';
import { useRevokeApiClient } from '../../../features/api-clients/api/revoke-api-client';
import { ApiClientsTable } from '../../../features/api-clients/components/api-clients-table';
import { CreateApiClientDialog } from '../../../features/api-clients/components/create-api-client-dialog';
import { RotateSecretDialog } from '../../../features/api-clients/components/rotate-secret-dialog';
import { useFabriqueChoices } from '../../../features/fabriques/api/get-fabriques';

export function ApiClientsPage() {
  const { t } = useTranslation();
  const clientsQuery = useApiClients();
  const fabriqueChoices = useFabriqueChoices();
  const revokeMutation = useRevokeApiClient();
  const [isCreateOpen, createDialog] = useDisclosure(false);
  const [rotated, setRotated] = useState<ApiClient | null>(null);
  const [revoked, setRevoked] = useState<ApiClient | null>(null);
  const clients = clientsQuery.data?.pages.flatMap((page) => page.data) ?? [];

  const closeRevoke = () => {
    setRevoked(null);
    revokeMutation.reset();
  };

  return (
    <>
      <PageHeader
        title={t('apiClients.title')}
        description={t('apiClients.description')}
        actions={
          <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={createDialog.open}>
            {t('apiClients.new')}
          </Button>
        }
      />
      {clientsQuery.isPending ? (
        <TableSkeleton rows={4} />
      ) : clientsQuery.isError ? (
        <ErrorState error={clientsQuery.error} onRetry={() => clientsQuery.refetch()} />
      ) : clients.length === 0 ? (
        <EmptyState
          icon={<IconKey size={32} aria-hidden />}
          withIndicatorBackground
          title={t('apiClients.emptyTitle')}
          description={t('apiClients.emptyDescription')}
          py="xl"
        />
      ) : (
        <Stack gap="md">
          <ApiClientsTable clients={clients} onRotate={setRotated} onRevoke={setRevoked} />
          {clientsQuery.hasNextPage && (
            <Group justify="center">
              <Button
                variant="default"
                loading={clientsQuery.isFetchingNextPage}
                onClick={() => clientsQuery.fetchNextPage()}
              >
                {t('apiClients.loadMore')}
              </Button>
            </Group>
          )}
        </Stack>
      )}
      <CreateApiClientDialog
        opened={isCreateOpen}
        onClose={createDialog.close}
        fabriqueChoices={fabriqueChoices.data ?? []}
      />
      <RotateSecretDialog client={rotated} onClose={() => setRotated(null)} />
      <ConfirmDialog
        opened={revoked !== null}
        title={t('apiClients.revokeTitle', { name: revoked?.name ?? '' })}
        message={t('apiClients.revokeMessage')}
        confirmLabel={t('apiClients.revokeConfirm')}
        isPending={revokeMutation.isPending}
        error={revokeMutation.error}
        onClose={closeRevoke}
        onConfirm={() =>
          revoked &&
          revokeMutation.mutate(revoked.id, {
            onSuccess: (client) => {
              notifySuccess(t('apiClients.revokedNotice', { name: client.name }));
              closeRevoke();
            },
          })
        }
      />
    </>
  );
}
