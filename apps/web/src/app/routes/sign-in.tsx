import { Alert, Anchor, Box, Container, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconClockExclamation } from '@tabler/icons-react';
import { getRouteApi, useRouter } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../components/ui/language-switch';
import { Logo } from '../../components/ui/logo';
import { usePageTitle } from '../../components/ui/use-page-title';
import { safeRedirect } from '../../config/paths';
import { SignInForm } from '../../features/auth/components/sign-in-form';

const route = getRouteApi('/connexion');

export function SignInPage() {
  const { t } = useTranslation();
  const search = route.useSearch();
  const router = useRouter();
  usePageTitle(t('signIn.title'));

  return (
    <div className="auth-page">
      <Group justify="space-between" px="md" py="sm" component="header">
        <Anchor href="#main-content" className="skip-link">
          {t('app.skipToContent')}
        </Anchor>
        <Logo />
        <LanguageSwitch />
      </Group>
      <Container
        size={440}
        w="100%"
        py={{ base: 24, sm: 64 }}
        component="main"
        id="main-content"
        tabIndex={-1}
      >
        <Paper withBorder shadow="sm" radius="md" p={{ base: 'lg', sm: 32 }}>
          <Stack gap="lg">
            <Box>
              <Title order={1} fz={26}>
                {t('signIn.title')}
              </Title>
              <Text c="dimmed" mt={4}>
                {t('signIn.subtitle')}
              </Text>
            </Box>
            {search.expired && (
              <Alert color="yellow" variant="light" icon={<IconClockExclamation aria-hidden />}>
                {t('signIn.sessionExpired')}
              </Alert>
            )}
            <SignInForm onSignedIn={() => router.history.push(safeRedirect(search.redirect))} />
            <Text size="sm" c="dimmed">
              {t('signIn.help')}
            </Text>
          </Stack>
        </Paper>
        <Text size="sm" c="dimmed" ta="center" mt="lg">
          {t('app.tagline')}
        </Text>
      </Container>
    </div>
  );
}
