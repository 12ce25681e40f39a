import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function Logo({ size = 'lg' }: { size?: 'lg' | 'xl' }) {
  const { t } = useTranslation();
  return (
    <Group gap={8} wrap="nowrap">
      <svg
        width={size === 'xl' ? 36 : 28}
        height={size === 'xl' ? 36 : 28}
        viewBox="0 0 32 32"
        aria-hidden="true"
      >
        <rect width="32" height="32" rx="7" fill="var(--mantine-color-passerelle-7)" />
        <path d="M6 21c4-8 16-8 20 0" stroke="#fff" strokeWidth="3" fill="none" strokeLinecap="round" />
        <path d="M9 21v4M23 21v4M16 15v10" stroke="#fff" strokeWidth="2.5" strokeLinecap="round" />
      </svg>
      <Text component="span" fw={700} fz={size} c="passerelle.9">
        {t('app.name')}
      </Text>
    </Group>
  );
}
