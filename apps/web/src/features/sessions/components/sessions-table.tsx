import { Table, Text, VisuallyHidden } from '@mantine/core';
import type { Session } from '@passerelle/domain/session/session.schema';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../../components/ui/router-links';
import { SessionStatusBadge, useFormatCalendarDate } from './session-display';

export function SessionsTable({ sessions }: { sessions: Session[] }) {
  const { t } = useTranslation();
  const formatDate = useFormatCalendarDate();
  return (
    <Table.ScrollContainer minWidth={800}>
      <Table striped highlightOnHover verticalSpacing="sm">
        <Table.Caption>
          <VisuallyHidden>{t('sessions.tableCaption')}</VisuallyHidden>
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('sessions.columns.name')}</Table.Th>
            <Table.Th scope="col">{t('sessions.columns.status')}</Table.Th>
            <Table.Th scope="col">{t('sessions.columns.applications')}</Table.Th>
            <Table.Th scope="col">{t('sessions.columns.dates')}</Table.Th>
            <Table.Th scope="col">{t('sessions.columns.capacity')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sessions.map((session) => (
            <Table.Tr key={session.id}>
              <Table.Td>
                <AnchorLink to="/sessions/$sessionId" params={{ sessionId: session.id }} fw={600} size="sm">
                  {session.name}
                </AnchorLink>
              </Table.Td>
              <Table.Td>
                <SessionStatusBadge status={session.status} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  {t('sessions.range', {
                    from: formatDate(session.applicationOpensOn),
                    to: formatDate(session.applicationClosesOn),
                  })}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  {t('sessions.range', {
                    from: formatDate(session.startDate),
                    to: formatDate(session.endDate),
                  })}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{t('sessions.places', { count: session.capacity })}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
