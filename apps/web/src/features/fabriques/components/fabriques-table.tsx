import { Badge, Button, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import type { Fabrique } from '@passerelle/domain/fabrique/fabrique.schema';
import { IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

interface FabriquesTableProps {
  fabriques: Fabrique[];
  onEdit: (fabrique: Fabrique) => void;
}

export function FabriquesTable({ fabriques, onEdit }: FabriquesTableProps) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped highlightOnHover verticalSpacing="sm">
        <Table.Caption>
          <VisuallyHidden>{t('fabriques.tableCaption')}</VisuallyHidden>
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('fabriques.columns.name')}</Table.Th>
            <Table.Th scope="col">{t('fabriques.columns.city')}</Table.Th>
            <Table.Th scope="col">{t('fabriques.columns.departmentCode')}</Table.Th>
            <Table.Th scope="col">{t('fabriques.columns.slug')}</Table.Th>
            <Table.Th scope="col">{t('fabriques.columns.status')}</Table.Th>
            <Table.Th scope="col">
              <VisuallyHidden>{t('fabriques.columns.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {fabriques.map((fabrique) => (
            <Table.Tr key={fabrique.id}>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {fabrique.name}
                </Text>
              </Table.Td>
              <Table.Td>{fabrique.city}</Table.Td>
              <Table.Td>{fabrique.departmentCode}</Table.Td>
              <Table.Td>
                <Text size="sm" ff="monospace">
                  {fabrique.slug}
                </Text>
              </Table.Td>
              <Table.Td>
                <Badge
                  variant="dot"
                  color={fabrique.isActive ? 'green' : 'gray'}
                  size="lg"
                  radius="sm"
                  tt="none"
                  fw={500}
                >
                  {fabrique.isActive ? t('fabriques.active') : t('fabriques.inactive')}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Group justify="flex-end">
                  <Button
                    size="xs"
                    variant="subtle"
                    leftSection={<IconPencil size={14} aria-hidden />}
                    aria-label={t('fabriques.editLabel', { name: fabrique.name })}
                    onClick={() => onEdit(fabrique)}
                  >
                    {t('fabriques.edit')}
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
