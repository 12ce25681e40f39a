import { Button, EmptyState, Group, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { Fabrique } from '@passerelle/domain/fabrique/fabrique.schema';
import { IconBuildingCommunity, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/ui/error-state';
import { PageHeader } from '../../../components/ui/page-header';
import { TableSkeleton } from '../../../components/ui/table-skeleton';
import { useFabriques } from '../../../features/fabriques/api/get-fabriques';
import { CreateFabriqueDialog } from '../../../features/fabriques/components/create-fabrique-dialog';
import { EditFabriqueDialog } from '../../../features/fabriques/components/edit-fabrique-dialog';
import { FabriquesTable } from '../../../features/fabriques/components/fabriques-table';

export function FabriquesPage() {
  const { t } = useTranslation();
  const fabriquesQuery = useFabriques();
  const [isCreateOpen, createDialog] = useDisclosure(false);
  const [editedFabrique, setEditedFabrique] = useState<Fabrique | null>(null);
  const fabriques = fabriquesQuery.data?.pages.flatMap((page) => page.data) ?? [];

  return (
    <>
      <PageHeader
        title={t('fabriques.title')}
        description={t('fabriques.description')}
        actions={
          <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={createDialog.open}>
            {t('fabriques.new')}
          </Button>
        }
      />
      {fabriquesQuery.isPending ? (
        <TableSkeleton rows={4} />
      ) : fabriquesQuery.isError ? (
        <ErrorState error={fabriquesQuery.error} onRetry={() => void fabriquesQuery.refetch()} />
      ) : fabriques.length === 0 ? (
        <EmptyState
          icon={<IconBuildingCommunity size={32} aria-hidden />}
          withIndicatorBackground
          title={t('fabriques.emptyTitle')}
          description={t('fabriques.emptyDescription')}
          py="xl"
        />
      ) : (
        <Stack gap="md">
          <FabriquesTable fabriques={fabriques} onEdit={setEditedFabrique} />
          {fabriquesQuery.hasNextPage && (
            <Group justify="flex-end">
              <Button
                variant="default"
                loading={fabriquesQuery.isFetchingNextPage}
                onClick={() => void fabriquesQuery.fetchNextPage()}
              >
                {t('fabriques.loadMore')}
              </Button>
            </Group>
          )}
        </Stack>
      )}
      <CreateFabriqueDialog opened={isCreateOpen} onClose={createDialog.close} />
      <EditFabriqueDialog fabrique={editedFabrique} onClose={() => setEditedFabrique(null)} />
    </>
  );
}
