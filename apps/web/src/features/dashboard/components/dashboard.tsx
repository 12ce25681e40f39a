import { Badge, Group, NumberInput, Stack, Text, Title } from '@mantine/core';
import type { Me } from '@passerelle/domain/auth/auth.schema';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../../components/ui/use-page-title';

interface DashboardProps {
  user: Me;
  stuckDays: number;
  onStuckDaysChange: (days: number) => void;
  /** One summary per open session, or what to say when there is none. */
  children: ReactNode;
}

export function Dashboard({ user, stuckDays, onStuckDaysChange, children }: DashboardProps) {
  const { t } = useTranslation();
  const role = t(`roles.${user.role}`);
  usePageTitle(t('dashboard.title'));

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end" gap="md">
        <Stack gap={6}>
          <Title order={1} fz={{ base: 26, sm: 30 }}>
            {t('dashboard.greeting', { name: user.displayName })}
          </Title>
          <Group gap="xs" component="ul" className="plain-list" aria-label={t('dashboard.fabriquesTitle')}>
            <li>
              <Badge variant="light" color="passerelle" size="lg" radius="sm" tt="none" fw={600}>
                {t('dashboard.role', { role })}
              </Badge>
            </li>
            {user.role === 'admin' ? (
              <li>
                <Text size="sm" c="dimmed">
                  {t('dashboard.allFabriques')}
                </Text>
              </li>
            ) : (
              user.fabriques.map((fabrique) => (
                <li key={fabrique.id}>
                  <Badge variant="outline" color="passerelle" size="lg" radius="sm" tt="none">
                    {fabrique.name}
                  </Badge>
                </li>
              ))
            )}
          </Group>
        </Stack>
        {user.role !== 'viewer' && (
          <NumberInput
            label={t('dashboard.stuckDaysLabel')}
            value={stuckDays}
            min={1}
            max={365}
            w={180}
            onChange={(value) => {
              if (typeof value === 'number' && value >= 1 && value <= 365) onStuckDaysChange(value);
            }}
          />
        )}
      </Group>
      <Text c="dimmed" size="sm">
        {user.role === 'viewer' ? t('dashboard.comingReports') : t('dashboard.intro')}
      </Text>
      {children}
    </Stack>
  );
}
