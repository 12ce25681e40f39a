import { Stack, Text, ThemeIcon, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { usePageTitle } from './use-page-title';

interface StatusPageProps {
  icon: ReactNode;
  title: string;
  description: string;
  action?: ReactNode;
}

/** A whole-page message (not allowed, not found) that always offers a way on. */
export function StatusPage({ icon, title, description, action }: StatusPageProps) {
  usePageTitle(title);
  return (
    <Stack align="center" gap="md" py={64} px="md" maw={560} mx="auto" ta="center">
      <ThemeIcon size={64} radius="xl" variant="light" color="passerelle">
        {icon}
      </ThemeIcon>
      <Title order={1} fz={26}>
        {title}
      </Title>
      <Text c="dimmed">{description}</Text>
      {action}
    </Stack>
  );
}
