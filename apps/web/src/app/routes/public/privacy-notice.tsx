import { Anchor, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PRIVACY_NOTICE_VERSION } from '../../../components/application/privacy-notice';
import { usePageTitle } from '../../../components/ui/use-page-title';

const SECTIONS = ['who', 'collected', 'why', 'access', 'duration', 'rights'] as const;

export function PrivacyNoticePage() {
  const { t } = useTranslation();
  usePageTitle(t('public.privacy.title'));

  return (
    <Stack gap="lg">
      <div>
        <Title order={1} fz={{ base: 26, sm: 32 }}>
          {t('public.privacy.title')}
        </Title>
        <Text mt={4}>{t('public.privacy.intro')}</Text>
        <Text size="sm" c="dimmed" mt={4}>
          {t('public.privacy.version', { version: PRIVACY_NOTICE_VERSION })}
        </Text>
      </div>
      {SECTIONS.map((section) => (
        <Paper
          key={section}
          withBorder
          radius="md"
          p="md"
          component="section"
          aria-labelledby={`privacy-${section}`}
        >
          <Title order={2} fz="lg" mb="xs" id={`privacy-${section}`}>
            {t(`public.privacy.${section}.title`)}
          </Title>
          <Text size="sm">{t(`public.privacy.${section}.text`)}</Text>
          <List size="sm" spacing={4} mt="xs" withPadding>
            {(t(`public.privacy.${section}.items`, { returnObjects: true }) as string[]).map((item) => (
              <List.Item key={item}>{item}</List.Item>
            ))}
          </List>
        </Paper>
      ))}
      <Text size="sm">
        {t('public.privacy.cnil')}{' '}
        <Anchor href="https://www.cnil.fr/fr/plaintes" target="_blank" rel="noreferrer">
          cnil.fr
        </Anchor>
      </Text>
    </Stack>
  );
}
