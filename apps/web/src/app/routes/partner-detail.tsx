import { Badge, Breadcrumbs, Button, Card, Grid, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ui/error-state';
import { AnchorLink } from '../../components/ui/router-links';
import { usePageTitle } from '../../components/ui/use-page-title';
import { usePartner } from '../../features/partners/api/get-partner';
import { usePartnerLinks } from '../../features/partners/api/get-partner-links';
import { OfferCard } from '../../features/partners/components/offer-card';
import { OfferFormDialog } from '../../features/partners/components/offer-form-dialog';
import { PartnerFormDialog } from '../../features/partners/components/partner-form-dialog';
import { ContactsList, PartnerLinksCards } from '../../features/partners/components/partner-links-cards';

const route = getRouteApi('/_authenticated/partenaires/$partnerId');

export function PartnerDetailPage() {
  const { t } = useTranslation();
  const { partnerId } = route.useParams();
  const partnerQuery = usePartner(partnerId);
  const linksQuery = usePartnerLinks(partnerId);
  const [isEditing, setIsEditing] = useState(false);
  const [isCreatingOffer, setIsCreatingOffer] = useState(false);
  const partner = partnerQuery.data;
  usePageTitle(partner?.name ?? t('partners.title'));

  if (partnerQuery.isError && !partner) {
    return <ErrorState error={partnerQuery.error} onRetry={() => void partnerQuery.refetch()} />;
  }
  if (!partner) {
    return (
      <Stack gap="md" aria-busy="true" aria-label={t('common.loading')}>
        <Skeleton height={28} width="30%" />
        <Skeleton height={320} />
      </Stack>
    );
  }
  const offers = linksQuery.data?.offers ?? [];

  return (
    <Stack gap="lg">
      <Breadcrumbs separator="›">
        <AnchorLink to="/partenaires" size="sm">
          {t('nav.partners')}
        </AnchorLink>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Group gap="sm">
            <Title order={1} fz={{ base: 24, sm: 28 }}>
              {partner.name}
            </Title>
            <Badge variant="dot" radius="sm" tt="none" fw={600} color="gray">
              {t(`partners.kinds.${partner.kind}`)}
            </Badge>
          </Group>
          {partner.siret && (
            <Text size="sm" c="dimmed">
              SIRET {partner.siret}
            </Text>
          )}
        </Stack>
        <Button
          variant="default"
          leftSection={<IconPencil size={16} aria-hidden />}
          onClick={() => setIsEditing(true)}
        >
          {t('partners.detail.edit')}
        </Button>
      </Group>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="lg">
            <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="partner-offers">
              <Group justify="space-between" mb="sm">
                <Title order={2} fz="lg" id="partner-offers">
                  {t('partners.detail.offers')}
                </Title>
                <Button
                  size="xs"
                  variant="light"
                  leftSection={<IconPlus size={14} aria-hidden />}
                  onClick={() => setIsCreatingOffer(true)}
                >
                  {t('partners.detail.createOffer')}
                </Button>
              </Group>
              {linksQuery.isError ? (
                <ErrorState error={linksQuery.error} onRetry={() => void linksQuery.refetch()} />
              ) : linksQuery.isPending ? (
                <Skeleton height={120} />
              ) : offers.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('partners.detail.noOffers')}
                </Text>
              ) : (
                <Stack gap="md">
                  {offers.map((offer) => (
                    <OfferCard key={offer.id} offer={offer} />
                  ))}
                </Stack>
              )}
            </Card>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="lg">
            <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="partner-contacts">
              <Title order={2} fz="lg" id="partner-contacts" mb="sm">
                {t('partners.detail.contacts')}
              </Title>
              <ContactsList contacts={partner.contacts} />
            </Card>
            {linksQuery.data && <PartnerLinksCards links={linksQuery.data} />}
          </Stack>
        </Grid.Col>
      </Grid>
      <PartnerFormDialog opened={isEditing} partner={partner} onClose={() => setIsEditing(false)} />
      <OfferFormDialog
        opened={isCreatingOffer}
        partnerId={partner.id}
        onClose={() => setIsCreatingOffer(false)}
      />
    </Stack>
  );
}
