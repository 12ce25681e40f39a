import { Button, EmptyState, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import { PARTNER_KINDS, PartnerKindSchema } from '@passerelle/domain/partner/partner.schema';
import { IconBuildingStore, IconPlus } from '@tabler/icons-react';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ui/error-state';
import { PageHeader } from '../../components/ui/page-header';
import { TableSkeleton } from '../../components/ui/table-skeleton';
import { usePartners } from '../../features/partners/api/get-partners';
import type { PartnersSearch } from '../../features/partners/api/partner-search';
import { PartnerFormDialog } from '../../features/partners/components/partner-form-dialog';
import { PartnersTable } from '../../features/partners/components/partners-table';

const route = getRouteApi('/_authenticated/partenaires');

export function PartnersPage() {
  const { t } = useTranslation();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const goTo = useNavigate();
  const partnersQuery = usePartners(search);
  const [query, setQuery] = useState(search.q ?? '');
  const [isCreating, setIsCreating] = useState(false);
  const setSearch = (next: PartnersSearch) => void navigate({ search: next, replace: true });
  const partners = partnersQuery.data?.pages.flatMap((page) => page.data) ?? [];
  const hasFilters = Boolean(search.kind || search.q);

  // The search box updates the URL once typing pauses.
  useEffect(() => {
    const timer = setTimeout(() => {
      if ((search.q ?? '') !== query.trim()) setSearch({ ...search, q: query.trim() || undefined });
    }, 300);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [query]);

  return (
    <>
      <PageHeader
        title={t('partners.title')}
        description={t('partners.description')}
        actions={
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setIsCreating(true)}>
            {t('partners.create')}
          </Button>
        }
      />
      <Group gap="sm" align="flex-end" mb="md" role="search" aria-label={t('partners.filters')}>
        <TextInput
          label={t('partners.search')}
          placeholder={t('partners.searchPlaceholder')}
          value={query}
          onChange={(event) => setQuery(event.currentTarget.value)}
          w={{ base: '100%', xs: 260 }}
        />
        <NativeSelect
          label={t('partners.kind')}
          value={search.kind ?? ''}
          data={[
            { value: '', label: t('partners.allKinds') },
            ...PARTNER_KINDS.map((kind) => ({ value: kind, label: t(`partners.kinds.${kind}`) })),
          ]}
          onChange={(event) => {
            const parsed = PartnerKindSchema.safeParse(event.currentTarget.value);
            setSearch({ ...search, kind: parsed.success ? parsed.data : undefined });
          }}
          w={{ base: '100%', xs: 240 }}
        />
      </Group>
      {partnersQuery.isPending ? (
        <TableSkeleton rows={5} />
      ) : partnersQuery.isError && !partnersQuery.isFetchNextPageError ? (
        <ErrorState error={partnersQuery.error} onRetry={() => void partnersQuery.refetch()} />
      ) : partners.length === 0 ? (
        <EmptyState
          icon={<IconBuildingStore size={32} aria-hidden />}
          withIndicatorBackground
          title={hasFilters ? t('partners.noMatchTitle') : t('partners.emptyTitle')}
          description={hasFilters ? t('partners.noMatchDescription') : t('partners.emptyDescription')}
          py="xl"
        />
      ) : (
        <Stack gap="md">
          <PartnersTable partners={partners} />
          {partnersQuery.hasNextPage && (
            <Group justify="flex-end">
              <Button
                variant="default"
                loading={partnersQuery.isFetchingNextPage}
                onClick={() => void partnersQuery.fetchNextPage()}
              >
                {t('partners.loadMore')}
              </Button>
            </Group>
          )}
        </Stack>
      )}
      <PartnerFormDialog
        opened={isCreating}
        onClose={() => setIsCreating(false)}
        onSaved={(partner) => void goTo({ to: '/partenaires/$partnerId', params: { partnerId: partner.id } })}
      />
    </>
  );
}
