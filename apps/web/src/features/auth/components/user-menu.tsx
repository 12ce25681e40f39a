import { Avatar, Box, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import type { Me } from '@passerelle/domain/auth/auth.schema';
import { IconChevronDown, IconLogout } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useLogout } from '../api/logout';

interface UserMenuProps {
  user: Me;
  onSignedOut: () => void;
}

function initialsOf(name: string) {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase())
    .join('');
}

export function UserMenu({ user, onSignedOut }: UserMenuProps) {
  const { t } = useTranslation();
  const logoutMutation = useLogout({ onSignedOut });

  return (
    <Menu position="bottom-end" width={260} withinPortal>
      <Menu.Target>
        <UnstyledButton
          aria-label={t('userMenu.label', { name: user.displayName })}
          className="user-menu-button"
        >
          <Group gap="xs" wrap="nowrap">
            <Avatar color="passerelle" radius="xl" size={34}>
              {initialsOf(user.displayName)}
            </Avatar>
            <div className="user-menu-identity">
              <Text size="sm" fw={600} lh={1.2}>
                {user.displayName}
              </Text>
              <Text size="xs" c="dimmed" lh={1.2}>
                {t(`roles.${user.role}`)}
              </Text>
            </div>
            <Box visibleFrom="sm" component="span" display="flex">
              <IconChevronDown size={16} aria-hidden />
            </Box>
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('userMenu.signedInAs')}</Menu.Label>
        <div className="user-menu-details">
          <Text size="sm" fw={600}>
            {user.displayName}
          </Text>
          <Text size="xs" c="dimmed">
            {user.email}
          </Text>
          <Text size="xs" c="dimmed">
            {t(`roles.${user.role}`)}
          </Text>
        </div>
        <Menu.Divider />
        <Menu.Item leftSection={<IconLogout size={16} aria-hidden />} onClick={() => logoutMutation.mutate()}>
          {t('userMenu.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
