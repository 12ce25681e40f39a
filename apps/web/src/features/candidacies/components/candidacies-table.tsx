import { Checkbox, Group, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import type { CandidacyListItem } from '@passerelle/domain/candidacy/candidacy-pipeline.schema';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../../components/ui/router-links';
import type { CandidacyColumn } from '../api/candidacy-filters';
import { capitalizeFirst, EligibilityBadge, StageBadge, useDomainMessage } from './candidacy-display';

interface CandidaciesTableProps {
  candidacies: CandidacyListItem[];
  columns: readonly CandidacyColumn[];
  selectedIds?: ReadonlySet<string> | undefined;
  onSelectionChange?: ((ids: Set<string>) => void) | undefined;
  caption: string;
}

export function CandidaciesTable({
  candidacies,
  columns,
  selectedIds,
  onSelectionChange,
  caption,
}: CandidaciesTableProps) {
  const { t, i18n } = useTranslation();
  const domainMessage = useDomainMessage();
  const formatDate = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });
  const isSelectable = Boolean(selectedIds && onSelectionChange);
  const selectedCount = candidacies.filter((candidacy) => selectedIds?.has(candidacy.id)).length;
  const allSelected = candidacies.length > 0 && selectedCount === candidacies.length;

  const toggle = (id: string, checked: boolean) => {
    const next = new Set(selectedIds);
    if (checked) next.add(id);
    else next.delete(id);
    onSelectionChange?.(next);
  };

  const cell = (column: CandidacyColumn, candidacy: CandidacyListItem) => {
    const name = `${candidacy.candidate.firstName} ${candidacy.candidate.lastName}`;
    switch (column) {
      case 'candidate':
        return (
          <Group gap={6} wrap="nowrap">
            <AnchorLink
              to="/candidatures/$candidacyId"
              params={{ candidacyId: candidacy.id }}
              fw={600}
              size="sm"
            >
              {name}
            </AnchorLink>
            {candidacy.isFlaggedEnrolledElsewhere && (
              <Tooltip label={t('candidacies.enrolledElsewhere')}>
                <IconAlertTriangle
                  size={16}
                  color="var(--mantine-color-orange-7)"
                  aria-label={t('candidacies.enrolledElsewhere')}
                />
              </Tooltip>
            )}
          </Group>
        );
      case 'session':
        return <Text size="sm">{candidacy.session.name}</Text>;
      case 'stage':
        return <StageBadge stage={candidacy.stage} />;
      case 'eligibility':
        return (
          <EligibilityBadge
            status={candidacy.eligibilityStatus}
            decision={candidacy.eligibilityDecisionStatus}
          />
        );
      case 'criteria':
        return (
          <Text size="sm" lineClamp={2} maw={240}>
            {capitalizeFirst(
              candidacy.criteriaMet.map((code) => domainMessage(`criterion.${code}`)).join(', '),
            ) || '—'}
          </Text>
        );
      case 'source':
        return (
          <Text size="sm">
            {candidacy.source ? t(`candidacies.sources.${candidacy.source}`, candidacy.source) : '—'}
          </Text>
        );
      case 'submittedAt':
        return <Text size="sm">{formatDate.format(new Date(candidacy.submittedAt))}</Text>;
      case 'stageChangedAt':
        return <Text size="sm">{formatDate.format(new Date(candidacy.stageChangedAt))}</Text>;
      case 'contact':
        return (
          <>
            <Text size="sm">{candidacy.candidate.email ?? '—'}</Text>
            <Text size="xs" c="dimmed">
              {candidacy.candidate.phone ?? ''}
            </Text>
          </>
        );
    }
  };

  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped highlightOnHover verticalSpacing="xs" stickyHeader>
        <Table.Caption>
          <VisuallyHidden>{caption}</VisuallyHidden>
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {isSelectable && (
              <Table.Th scope="col" w={40}>
                <Checkbox
                  aria-label={t('candidacies.table.selectAll')}
                  checked={allSelected}
                  indeterminate={selectedCount > 0 && !allSelected}
                  onChange={(event) =>
                    onSelectionChange?.(
                      event.currentTarget.checked
                        ? new Set(candidacies.map((candidacy) => candidacy.id))
                        : new Set(),
                    )
                  }
                />
              </Table.Th>
            )}
            {columns.map((column) => (
              <Table.Th key={column} scope="col">
                {t(`candidacies.columns.${column}`)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {candidacies.map((candidacy) => (
            <Table.Tr
              key={candidacy.id}
              bg={selectedIds?.has(candidacy.id) ? 'var(--mantine-color-passerelle-light)' : undefined}
            >
              {isSelectable && (
                <Table.Td>
                  <Checkbox
                    aria-label={t('candidacies.table.select', {
                      name: `${candidacy.candidate.firstName} ${candidacy.candidate.lastName}`,
                    })}
                    checked={selectedIds?.has(candidacy.id) ?? false}
                    onChange={(event) => toggle(candidacy.id, event.currentTarget.checked)}
                  />
                </Table.Td>
              )}
              {columns.map((column) => (
                <Table.Td key={column} style={column === 'criteria' ? undefined : { whiteSpace: 'nowrap' }}>
                  {cell(column, candidacy)}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
