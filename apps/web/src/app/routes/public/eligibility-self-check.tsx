import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../../components/ui/use-page-title';
import { EligibilitySelfCheck } from '../../../features/applicant/components/eligibility-self-check';

export function EligibilitySelfCheckPage() {
  const { t } = useTranslation();
  usePageTitle(t('public.check.title'));
  return (
    <Stack gap="lg">
      <div>
        <Title order={1} fz={{ base: 26, sm: 32 }}>
          {t('public.check.title')}
        </Title>
        <Text mt={4}>{t('public.check.intro')}</Text>
      </div>
      <EligibilitySelfCheck />
    </Stack>
  );
}
