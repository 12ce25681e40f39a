import { Loader, NativeSelect, Text } from '@mantine/core';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommunes } from './get-communes';

interface CommuneSelectProps {
  id: string;
  postalCode: string;
  value: string;
  error?: ReactNode;
  onChange: (commune: { inseeCode: string; name: string }) => void;
  onBlur?: () => void;
}

/** The commune, chosen among those the postal code serves (one is picked for the person when alone). */
export function CommuneSelect({ id, postalCode, value, error, onChange, onBlur }: CommuneSelectProps) {
  const { t } = useTranslation();
  const code = postalCode.trim();
  const communesQuery = useCommunes(code);
  const communes = communesQuery.data ?? [];

  useEffect(() => {
    if (!communesQuery.isSuccess) return;
    const list = communesQuery.data;
    const only = list.length === 1 ? list[0] : undefined;
    if (only && value !== only.inseeCode) onChange({ inseeCode: only.inseeCode, name: only.name });
    else if (value && !list.some((commune) => commune.inseeCode === value))
      onChange({ inseeCode: '', name: '' });
  }, [communesQuery.isSuccess, communesQuery.data, value, onChange]);

  const isCodeComplete = /^\d{5}$/.test(code);
  let description: ReactNode = t('public.fields.communeHint');
  if (isCodeComplete && communesQuery.isPending) description = t('public.fields.communeLoading');
  else if (isCodeComplete && communesQuery.isSuccess && communes.length === 0)
    description = t('public.fields.communeNone');
  else if (communesQuery.isError) description = t('public.fields.communeFailed');

  return (
    <NativeSelect
      id={id}
      size="md"
      label={t('public.fields.commune')}
      description={
        <Text span size="sm" c="dimmed" aria-live="polite">
          {description}
        </Text>
      }
      required
      disabled={!isCodeComplete || communes.length === 0}
      rightSection={isCodeComplete && communesQuery.isFetching ? <Loader size="xs" /> : undefined}
      data={[
        { value: '', label: t('public.choices.select') },
        ...communes.map((commune) => ({ value: commune.inseeCode, label: commune.name })),
      ]}
      value={value}
      error={error}
      onBlur={onBlur}
      onChange={(event) => {
        const inseeCode = event.currentTarget.value;
        const commune = communes.find((item) => item.inseeCode === inseeCode);
        onChange({ inseeCode, name: commune?.name ?? '' });
      }}
    />
  );
}
