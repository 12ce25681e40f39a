import { Button, Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../../components/ui/router-links';
import type { FollowUpItem } from '../api/get-follow-ups';
import { describeSituation, FollowUpStatusBadge } from './follow-up-display';

export function FollowUpsTable({
  followUps,
  onRecord,
}: {
  followUps: readonly FollowUpItem[];
  onRecord: (followUp: FollowUpItem) => void;
}) {
  const { t, i18n } = useTranslation();
  const formatDate = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('followUps.columns.learner')}</Table.Th>
            <Table.Th>{t('followUps.columns.session')}</Table.Th>
            <Table.Th>{t('followUps.columns.milestone')}</Table.Th>
            <Table.Th>{t('followUps.columns.dueOn')}</Table.Th>
            <Table.Th>{t('followUps.columns.status')}</Table.Th>
            <Table.Th>
              <VisuallyHidden>{t('followUps.columns.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {followUps.map((followUp) => {
            const name = `${followUp.learner.firstName} ${followUp.learner.lastName}`;
            const milestone = t(`followUps.milestones.${followUp.milestone}`);
            return (
              <Table.Tr key={followUp.id}>
                <Table.Td>
                  <AnchorLink
                    to="/candidatures/$candidacyId"
                    params={{ candidacyId: followUp.candidacyId }}
                    fw={600}
                    size="sm"
                  >
                    {name}
                  </AnchorLink>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{followUp.session.name}</Text>
                </Table.Td>
                <Table.Td>{milestone}</Table.Td>
                <Table.Td>{formatDate.format(new Date(`${followUp.dueOn}T12:00:00`))}</Table.Td>
                <Table.Td>
                  {followUp.situation ? (
                    <Text size="sm">{describeSituation(followUp.situation, t)}</Text>
                  ) : (
                    <FollowUpStatusBadge status={followUp.status} />
                  )}
                </Table.Td>
                <Table.Td ta="right">
                  <Button
                    size="xs"
                    variant={followUp.situation ? 'subtle' : 'light'}
                    onClick={() => onRecord(followUp)}
                    aria-label={t('followUps.recordLabel', { milestone, name })}
                  >
                    {followUp.situation ? t('followUps.correct') : t('followUps.recordAction')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
