import { Badge, Button, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import type { Program } from '@passerelle/domain/program/program.schema';
import { IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

interface ProgramsTableProps {
  programs: Program[];
  /** Names to show for ids: fabriques and eligibility policies. */
  fabriqueNames: ReadonlyMap<string, string>;
  policyNames: ReadonlyMap<string, string>;
  onEdit: (program: Program) => void;
}

export function ProgramsTable({ programs, fabriqueNames, policyNames, onEdit }: ProgramsTableProps) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped highlightOnHover verticalSpacing="sm">
        <Table.Caption>
          <VisuallyHidden>{t('programs.tableCaption')}</VisuallyHidden>
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('programs.columns.title')}</Table.Th>
            <Table.Th scope="col">{t('programs.columns.kind')}</Table.Th>
            <Table.Th scope="col">{t('programs.columns.certification')}</Table.Th>
            <Table.Th scope="col">{t('programs.columns.duration')}</Table.Th>
            <Table.Th scope="col">{t('programs.columns.fabrique')}</Table.Th>
            <Table.Th scope="col">{t('programs.columns.policy')}</Table.Th>
            <Table.Th scope="col">
              <VisuallyHidden>{t('programs.columns.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {programs.map((program) => (
            <Table.Tr key={program.id}>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {program.title}
                </Text>
              </Table.Td>
              <Table.Td>
                <Badge
                  variant="light"
                  color={program.kind === 'certifying_paid' ? 'indigo' : 'teal'}
                  radius="sm"
                  tt="none"
                  fw={500}
                  styles={{ root: { flexShrink: 0, overflow: 'visible' }, label: { overflow: 'visible' } }}
                >
                  {t(`programs.kinds.${program.kind}`)}
                </Badge>
              </Table.Td>
              <Table.Td>
                {program.rncpCode ? (
                  <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                    {t('programs.certification', { code: program.rncpCode, level: program.rncpLevel ?? '—' })}
                  </Text>
                ) : (
                  <Text size="sm" c="dimmed">
                    —
                  </Text>
                )}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {t('programs.hours', { count: program.durationHours })}
              </Table.Td>
              <Table.Td>
                {program.fabriqueId
                  ? (fabriqueNames.get(program.fabriqueId) ?? '—')
                  : t('programs.networkWide')}
              </Table.Td>
              <Table.Td>
                {program.defaultEligibilityPolicyId ? (
                  (policyNames.get(program.defaultEligibilityPolicyId) ?? '—')
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('programs.fields.noPolicy')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Group justify="flex-end">
                  <Button
                    size="xs"
                    variant="subtle"
                    leftSection={<IconPencil size={14} aria-hidden />}
                    aria-label={t('programs.editLabel', { title: program.title })}
                    onClick={() => onEdit(program)}
                  >
                    {t('programs.edit')}
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
