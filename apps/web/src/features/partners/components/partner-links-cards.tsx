import { Anchor, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import type { PartnerContact, PartnerLinks } from '@passerelle/domain/partner/partner.schema';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../../components/ui/router-links';

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby={id}>
      <Title order={2} fz="lg" id={id} mb="sm">
        {title}
      </Title>
      {children}
    </Card>
  );
}

export function formatEuros(cents: number, language: string): string {
  return new Intl.NumberFormat(language, {
    style: 'currency',
    currency: 'EUR',
    maximumFractionDigits: 0,
  }).format(cents / 100);
}

/** Sessions funded and hosted, referrals and placements of a partner. */
export function PartnerLinksCards({ links }: { links: PartnerLinks }) {
  const { t, i18n } = useTranslation();
  const formatDate = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });
  const date = (value: string) => formatDate.format(new Date(`${value}T12:00:00`));
  const sessionLink = (session: { id: string; name: string }) => (
    <AnchorLink to="/sessions/$sessionId" params={{ sessionId: session.id }} size="sm">
      {session.name}
    </AnchorLink>
  );

  return (
    <Stack gap="lg">
      <Section id="partner-fundings" title={t('partners.detail.fundings')}>
        {links.fundings.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('partners.detail.noFundings')}
          </Text>
        ) : (
          <>
            <Table verticalSpacing={6} fz="sm">
              <Table.Tbody>
                {links.fundings.map((funding) => (
                  <Table.Tr key={funding.id}>
                    <Table.Td>{sessionLink(funding.session)}</Table.Td>
                    <Table.Td>{funding.scheme}</Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {formatEuros(funding.amountCents, i18n.language)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Text size="sm" fw={600} ta="right" mt="xs">
              {t('partners.detail.fundingTotal', {
                amount: formatEuros(links.totalFundingCents, i18n.language),
              })}
            </Text>
          </>
        )}
      </Section>
      <Section id="partner-hosted" title={t('partners.detail.hosted')}>
        {links.hostedSessions.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('partners.detail.noHosted')}
          </Text>
        ) : (
          <Stack gap={4}>
            {links.hostedSessions.map((hosted) => (
              <Group key={hosted.session.id} gap="xs">
                {sessionLink(hosted.session)}
                {hosted.role && (
                  <Text size="sm" c="dimmed">
                    · {hosted.role}
                  </Text>
                )}
              </Group>
            ))}
          </Stack>
        )}
      </Section>
      <Section id="partner-referrals" title={t('partners.detail.referrals')}>
        {links.referrals.count === 0 ? (
          <Text size="sm" c="dimmed">
            {t('partners.detail.noReferrals')}
          </Text>
        ) : (
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              {t('partners.detail.referralsCount', { count: links.referrals.count })}
            </Text>
            {links.referrals.candidacies.map((candidacy) => (
              <Text size="sm" key={candidacy.id}>
                <AnchorLink to="/candidatures/$candidacyId" params={{ candidacyId: candidacy.id }} size="sm">
                  {candidacy.learner.firstName} {candidacy.learner.lastName}
                </AnchorLink>{' '}
                <Text span c="dimmed" size="sm">
                  · {candidacy.sessionName} · {t(`candidacies.stages.${candidacy.stage}`)}
                </Text>
              </Text>
            ))}
          </Stack>
        )}
      </Section>
      <Section id="partner-placements" title={t('partners.detail.placements')}>
        {links.placements.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('partners.detail.noPlacements')}
          </Text>
        ) : (
          <Stack gap={4}>
            {links.placements.map((placement) => (
              <Text size="sm" key={placement.id}>
                <AnchorLink
                  to="/candidatures/$candidacyId"
                  params={{ candidacyId: placement.candidacyId }}
                  size="sm"
                >
                  {placement.learner.firstName} {placement.learner.lastName}
                </AnchorLink>{' '}
                <Text span c="dimmed" size="sm">
                  · {t(`placements.kinds.${placement.kind}`)}
                  {placement.jobTitle ? ` · ${placement.jobTitle}` : ''} · {date(placement.startDate)}
                </Text>
              </Text>
            ))}
          </Stack>
        )}
      </Section>
    </Stack>
  );
}

export function ContactsList({ contacts }: { contacts: readonly PartnerContact[] }) {
  const { t } = useTranslation();
  if (contacts.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('partners.detail.noContacts')}
      </Text>
    );
  }
  return (
    <Stack gap="xs">
      {contacts.map((contact) => (
        <div key={`${contact.name}-${contact.email ?? ''}`}>
          <Text size="sm" fw={600}>
            {contact.name}
            {contact.role ? (
              <Text span c="dimmed" size="sm" fw={400}>
                {' '}
                · {contact.role}
              </Text>
            ) : null}
          </Text>
          <Text size="sm">
            {contact.email && <Anchor href={`mailto:${contact.email}`}>{contact.email}</Anchor>}
            {contact.email && contact.phone ? ' · ' : ''}
            {contact.phone && <Anchor href={`tel:${contact.phone}`}>{contact.phone}</Anchor>}
          </Text>
        </div>
      ))}
    </Stack>
  );
}
