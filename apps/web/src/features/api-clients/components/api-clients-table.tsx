import { Badge, Button, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import type { ApiClient } from '@passerelle/domain/api-client/api-client.schema';
import { IconBan, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

interface ApiClientsTableProps {
  clients: ApiClient[];
  onRotate: (client: ApiClient) => void;
  onRevoke: (client: ApiClient) => void;
}

export function ApiClientsTable({ clients, onRotate, onRevoke }: ApiClientsTableProps) {
  const { t, i18n } = useTranslation();
  const formatDate = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table striped highlightOnHover verticalSpacing="sm">
        <Table.Caption>
          <VisuallyHidden>{t('apiClients.tableCaption')}</VisuallyHidden>
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('apiClients.columns.name')}</Table.Th>
            <Table.Th scope="col">{t('apiClients.columns.scopes')}</Table.Th>
            <Table.Th scope="col">{t('apiClients.columns.fabriques')}</Table.Th>
            <Table.Th scope="col">{t('apiClients.columns.lastUsed')}</Table.Th>
            <Table.Th scope="col">{t('apiClients.columns.status')}</Table.Th>
            <Table.Th scope="col">
              <VisuallyHidden>{t('apiClients.columns.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {clients.map((client) => {
            const isRevoked = client.revokedAt !== null;
            return (
              <Table.Tr key={client.id}>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {client.name}
                  </Text>
                  <Text size="xs" c="dimmed" ff="monospace">
                    {client.secretPrefix}…
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {client.scopes.map((scope) => (
                      <Badge key={scope} variant="default" size="sm" radius="sm" tt="none" ff="monospace">
                        {scope}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>
                  {client.isAllFabriques
                    ? t('apiClients.allFabriques')
                    : client.fabriques.map((fabrique) => fabrique.name).join(', ')}
                </Table.Td>
                <Table.Td>
                  {client.lastUsedAt
                    ? formatDate.format(new Date(client.lastUsedAt))
                    : t('apiClients.neverUsed')}
                </Table.Td>
                <Table.Td>
                  <Badge
                    variant="dot"
                    color={isRevoked ? 'red' : 'green'}
                    size="lg"
                    radius="sm"
                    tt="none"
                    fw={500}
                  >
                    {isRevoked ? t('apiClients.revoked') : t('apiClients.active')}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {!isRevoked && (
                    <Group justify="flex-end" gap="xs" wrap="nowrap">
                      <Button
                        size="xs"
                        variant="subtle"
                        leftSection={<IconRefresh size={14} aria-hidden />}
                        aria-label={t('apiClients.rotateLabel', { name: client.name })}
                        onClick={() => onRotate(client)}
                      >
                        {t('apiClients.rotate')}
                      </Button>
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        leftSection={<IconBan size={14} aria-hidden />}
                        aria-label={t('apiClients.revokeLabel', { name: client.name })}
                        onClick={() => onRevoke(client)}
                      >
                        {t('apiClients.revoke')}
                      </Button>
                    </Group>
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
