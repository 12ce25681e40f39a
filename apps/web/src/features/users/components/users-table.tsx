import { Badge, Button, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import type { User } from '@passerelle/domain/user/user.schema';
import { IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

interface UsersTableProps {
  users: User[];
  onEdit: (user: User) => void;
}

export function UsersTable({ users, onEdit }: UsersTableProps) {
  const { t, i18n } = useTranslation();
  const formatDate = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });

  return (
    <Table.ScrollContainer minWidth={880}>
      <Table striped highlightOnHover verticalSpacing="sm" stickyHeader>
        <Table.Caption>
          <VisuallyHidden>{t('users.tableCaption')}</VisuallyHidden>
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('users.columns.name')}</Table.Th>
            <Table.Th scope="col">{t('users.columns.role')}</Table.Th>
            <Table.Th scope="col">{t('users.columns.fabriques')}</Table.Th>
            <Table.Th scope="col">{t('users.columns.status')}</Table.Th>
            <Table.Th scope="col">{t('users.columns.lastLogin')}</Table.Th>
            <Table.Th scope="col">
              <VisuallyHidden>{t('users.columns.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((user) => (
            <Table.Tr key={user.id}>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {user.displayName}
                </Text>
                <Text size="xs" c="dimmed">
                  {user.email}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{t(`roles.${user.role}`)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{user.fabriques.map((fabrique) => fabrique.name).join(', ') || '—'}</Text>
              </Table.Td>
              <Table.Td>
                <Badge
                  variant="dot"
                  color={user.isActive ? 'green' : 'gray'}
                  size="lg"
                  radius="sm"
                  tt="none"
                  fw={500}
                >
                  {user.isActive ? t('users.active') : t('users.inactive')}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  {user.lastLoginAt ? formatDate.format(new Date(user.lastLoginAt)) : t('users.never')}
                </Text>
              </Table.Td>
              <Table.Td>
                <Group justify="flex-end">
                  <Button
                    size="xs"
                    variant="subtle"
                    leftSection={<IconPencil size={14} aria-hidden />}
                    aria-label={t('users.editLabel', { name: user.displayName })}
                    onClick={() => onEdit(user)}
                  >
                    {t('users.edit')}
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
