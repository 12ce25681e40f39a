import { Button, EmptyState, Group, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { User } from '@passerelle/domain/user/user.schema';
import { IconPlus, IconUserSearch } from '@tabler/icons-react';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/ui/error-state';
import { PageHeader } from '../../../components/ui/page-header';
import { TableSkeleton } from '../../../components/ui/table-skeleton';
import { useFabriqueChoices } from '../../../features/fabriques/api/get-fabriques';
import { useUsers } from '../../../features/users/api/get-users';
import type { UserListFilters } from '../../../features/users/api/user-keys';
import { CreateUserDialog } from '../../../features/users/components/create-user-dialog';
import { EditUserDialog } from '../../../features/users/components/edit-user-dialog';
import { UserFilters } from '../../../features/users/components/user-filters';
import { UsersTable } from '../../../features/users/components/users-table';

const route = getRouteApi('/_authenticated/admin/utilisateurs');

export function UsersPage() {
  const { t } = useTranslation();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const filters: UserListFilters = { role: search.role, q: search.q };
  const usersQuery = useUsers(filters);
  const fabriqueChoices = useFabriqueChoices();
  const [isCreateOpen, createDialog] = useDisclosure(false);
  const [editedUser, setEditedUser] = useState<User | null>(null);

  const setFilters = (next: UserListFilters) =>
    void navigate({ search: { role: next.role, q: next.q || undefined }, replace: true });

  const users = usersQuery.data?.pages.flatMap((page) => page.data) ?? [];
  const hasFilters = Boolean(filters.role || filters.q);
  // A failed "load more" keeps the rows already shown and offers to retry below them.
  const hasFailedToLoad = usersQuery.isError && !usersQuery.isFetchNextPageError;

  return (
    <>
      <PageHeader
        title={t('users.title')}
        description={t('users.description')}
        actions={
          <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={createDialog.open}>
            {t('users.new')}
          </Button>
        }
      />
      <UserFilters filters={filters} onChange={setFilters} />

      {usersQuery.isPending ? (
        <TableSkeleton />
      ) : hasFailedToLoad ? (
        <ErrorState error={usersQuery.error} onRetry={() => void usersQuery.refetch()} />
      ) : users.length === 0 ? (
        <EmptyState
          icon={<IconUserSearch size={32} aria-hidden />}
          withIndicatorBackground
          title={hasFilters ? t('users.noMatchTitle') : t('users.emptyTitle')}
          description={hasFilters ? t('users.noMatchDescription') : t('users.emptyDescription')}
          py="xl"
        >
          {hasFilters && (
            <EmptyState.Actions>
              <Button variant="light" onClick={() => setFilters({})}>
                {t('users.resetFilters')}
              </Button>
            </EmptyState.Actions>
          )}
        </EmptyState>
      ) : (
        <Stack gap="md">
          <UsersTable users={users} onEdit={setEditedUser} />
          <Group justify="space-between">
            <Text size="sm" c="dimmed" aria-live="polite">
              {t('users.count', { count: users.length })}
            </Text>
            {usersQuery.hasNextPage && (
              <Button
                variant="default"
                loading={usersQuery.isFetchingNextPage}
                onClick={() => void usersQuery.fetchNextPage()}
              >
                {t('users.loadMore')}
              </Button>
            )}
          </Group>
          {usersQuery.isFetchNextPageError && (
            <ErrorState error={usersQuery.error} onRetry={() => void usersQuery.fetchNextPage()} />
          )}
        </Stack>
      )}

      <CreateUserDialog
        opened={isCreateOpen}
        onClose={createDialog.close}
        fabriqueOptions={fabriqueChoices.data ?? []}
      />
      <EditUserDialog
        user={editedUser}
        onClose={() => setEditedUser(null)}
        fabriqueOptions={fabriqueChoices.data ?? []}
      />
    </>
  );
}
