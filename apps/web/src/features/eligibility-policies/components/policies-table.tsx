import { Badge, Table, Text, VisuallyHidden } from '@mantine/core';
import { CRITERION_CODES } from '@passerelle/domain/eligibility/eligibility.schema';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../../components/ui/router-links';
import type { PolicyItem } from '../api/get-eligibility-policies';

interface PoliciesTableProps {
  policies: PolicyItem[];
  /** Program titles by id, for the program a policy is the default of. */
  programTitles: ReadonlyMap<string, string>;
}

export function PoliciesTable({ policies, programTitles }: PoliciesTableProps) {
  const { t, i18n } = useTranslation();
  const formatDate = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped highlightOnHover verticalSpacing="sm">
        <Table.Caption>
          <VisuallyHidden>{t('policies.tableCaption')}</VisuallyHidden>
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('policies.columns.name')}</Table.Th>
            <Table.Th scope="col">{t('policies.columns.rule')}</Table.Th>
            <Table.Th scope="col">{t('policies.columns.version')}</Table.Th>
            <Table.Th scope="col">{t('policies.columns.program')}</Table.Th>
            <Table.Th scope="col">{t('policies.columns.sessions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {policies.map((policy) => {
            const enabled = CRITERION_CODES.filter((code) => policy.criteria[code].enabled).length;
            return (
              <Table.Tr key={policy.id}>
                <Table.Td>
                  <AnchorLink
                    to="/admin/politiques/$policyId"
                    params={{ policyId: policy.id }}
                    size="sm"
                    fw={600}
                  >
                    {policy.name}
                  </AnchorLink>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">
                    {t('policies.ruleSummary', { minCriteria: policy.minCriteria, enabled })}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color="gray" radius="sm" tt="none" fw={600}>
                    {t('policies.versionBadge', { version: policy.currentVersion })}
                  </Badge>{' '}
                  <Text span size="xs" c="dimmed">
                    {t('policies.updatedOn', { date: formatDate.format(new Date(policy.updatedAt)) })}
                  </Text>
                </Table.Td>
                <Table.Td>{policy.programId ? (programTitles.get(policy.programId) ?? '—') : '—'}</Table.Td>
                <Table.Td>{t('policies.sessionCount', { count: policy.sessionCount })}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
