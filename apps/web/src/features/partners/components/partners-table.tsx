import { Badge, Table, Text, VisuallyHidden } from '@mantine/core';
import type { Partner } from '@passerelle/domain/partner/partner.schema';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../../components/ui/router-links';

export function PartnersTable({ partners }: { partners: readonly Partner[] }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table verticalSpacing="sm" highlightOnHover>
        <VisuallyHidden component="caption">{t('partners.title')}</VisuallyHidden>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('partners.columns.name')}</Table.Th>
            <Table.Th>{t('partners.columns.kind')}</Table.Th>
            <Table.Th>{t('partners.columns.contacts')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {partners.map((partner) => (
            <Table.Tr key={partner.id}>
              <Table.Td>
                <AnchorLink
                  to="/partenaires/$partnerId"
                  params={{ partnerId: partner.id }}
                  fw={600}
                  size="sm"
                >
                  {partner.name}
                </AnchorLink>
              </Table.Td>
              <Table.Td>
                <Badge variant="dot" radius="sm" tt="none" fw={600} color="gray">
                  {t(`partners.kinds.${partner.kind}`)}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  {partner.contacts[0]
                    ? `${partner.contacts[0].name}${partner.contacts.length > 1 ? ` +${partner.contacts.length - 1}` : ''}`
                    : t('partners.contactsCount', { count: 0 })}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
