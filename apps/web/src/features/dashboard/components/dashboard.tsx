import { Badge, Card, Group, List, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import type { Me } from '@passerelle/domain/auth/auth.schema';
import { IconBuildingCommunity, IconChartBar, IconHourglassEmpty } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../../components/ui/use-page-title';

interface DashboardProps {
  user: Me;
}

const COMING_FOR_FABRIQUE_STAFF = [
  'applications',
  'pipeline',
  'fillRate',
  'composition',
  'followUps',
] as const;

/** Honest for now: who you are and where you work; the figures arrive with the recruitment features. */
export function Dashboard({ user }: DashboardProps) {
  const { t } = useTranslation();
  const role = t(`roles.${user.role}`);
  usePageTitle(t('dashboard.title'));

  return (
    <Stack gap="xl">
      <Stack gap={6}>
        <Title order={1} fz={{ base: 26, sm: 30 }}>
          {t('dashboard.greeting', { name: user.displayName })}
        </Title>
        <Group gap="xs">
          <Badge variant="light" color="passerelle" size="lg" radius="sm" tt="none" fw={600}>
            {t('dashboard.role', { role })}
          </Badge>
        </Group>
      </Stack>

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg" style={{ alignItems: 'start' }}>
        <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="dashboard-fabriques">
          <Group gap="sm" mb="md">
            <ThemeIcon variant="light" color="passerelle" size="lg" radius="md">
              <IconBuildingCommunity size={20} aria-hidden />
            </ThemeIcon>
            <Title order={2} fz="lg" id="dashboard-fabriques">
              {t('dashboard.fabriquesTitle')}
            </Title>
          </Group>
          {user.role === 'admin' ? (
            <Text>{t('dashboard.allFabriques')}</Text>
          ) : user.fabriques.length === 0 ? (
            <Text>{t('dashboard.noFabrique')}</Text>
          ) : (
            <Group gap="xs" component="ul" className="plain-list">
              {user.fabriques.map((fabrique) => (
                <li key={fabrique.id}>
                  <Badge variant="outline" color="passerelle" size="lg" radius="sm" tt="none">
                    {fabrique.name}
                  </Badge>
                </li>
              ))}
            </Group>
          )}
        </Card>

        <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="dashboard-coming">
          <Group gap="sm" mb="md">
            <ThemeIcon variant="light" color="gray" size="lg" radius="md">
              {user.role === 'viewer' ? (
                <IconChartBar size={20} aria-hidden />
              ) : (
                <IconHourglassEmpty size={20} aria-hidden />
              )}
            </ThemeIcon>
            <Title order={2} fz="lg" id="dashboard-coming">
              {t('dashboard.comingTitle')}
            </Title>
          </Group>
          {user.role === 'viewer' ? (
            <Text>{t('dashboard.comingReports')}</Text>
          ) : (
            <>
              <Text mb="xs">{t('dashboard.comingIntro')}</Text>
              <List spacing={4} size="sm">
                {COMING_FOR_FABRIQUE_STAFF.map((item) => (
                  <List.Item key={item}>{t(`dashboard.coming.${item}`)}</List.Item>
                ))}
              </List>
            </>
          )}
          <Text size="sm" c="dimmed" mt="md">
            {t('dashboard.nothingYet')}
          </Text>
        </Card>
      </SimpleGrid>
    </Stack>
  );
}
