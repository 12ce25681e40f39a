import { AppShell, Burger, Group, NavLink, ScrollArea, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { Role } from '@passerelle/domain/user/user.schema';
import {
  IconBuildingCommunity,
  IconBuildingStore,
  IconCalendarEvent,
  IconCertificate,
  IconChartBar,
  IconChecklist,
  IconKey,
  IconLayoutDashboard,
  IconListCheck,
  IconUserSearch,
  IconUsers,
  IconWebhook,
} from '@tabler/icons-react';
import { Link, Outlet, useLocation, useRouter } from '@tanstack/react-router';
import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../components/ui/language-switch';
import { Logo } from '../../components/ui/logo';
import { paths } from '../../config/paths';
import { useSessionUser } from '../../features/auth/api/use-session-user';
import { UserMenu } from '../../features/auth/components/user-menu';

interface NavItem {
  to: string;
  label: string;
  icon: ReactNode;
}

function useNavSections(role: Role) {
  const { t } = useTranslation();
  const sections: { label?: string; items: NavItem[] }[] = [
    {
      items: [
        // Viewers (funders) have no dashboard: their home is the reports.
        ...(role === 'viewer'
          ? []
          : [
              {
                to: paths.home.path,
                label: t('nav.dashboard'),
                icon: <IconLayoutDashboard size={18} aria-hidden />,
              },
            ]),
        // Trainers see the sessions they teach (the API scopes the list); candidacies are for recruiters.
        ...(role === 'viewer'
          ? []
          : [
              {
                to: paths.sessions.path,
                label: t('nav.sessions'),
                icon: <IconCalendarEvent size={18} aria-hidden />,
              },
            ]),
        ...(role === 'admin' || role === 'coordinator'
          ? [
              {
                to: paths.candidacies.path,
                label: t('nav.candidacies'),
                icon: <IconUserSearch size={18} aria-hidden />,
              },
            ]
          : []),
        ...(role === 'trainer'
          ? []
          : [
              {
                to: paths.reports.path,
                label: t('nav.reports'),
                icon: <IconChartBar size={18} aria-hidden />,
              },
            ]),
        // Trainers record the follow-ups of the sessions they teach; partners are the coordinators'.
        ...(role === 'viewer'
          ? []
          : [
              {
                to: paths.followUps.path,
                label: t('nav.followUps'),
                icon: <IconChecklist size={18} aria-hidden />,
              },
            ]),
        ...(role === 'admin' || role === 'coordinator'
          ? [
              {
                to: paths.partners.path,
                label: t('nav.partners'),
                icon: <IconBuildingStore size={18} aria-hidden />,
              },
            ]
          : []),
      ],
    },
  ];
  if (role === 'admin') {
    sections.push({
      label: t('nav.admin'),
      items: [
        { to: paths.admin.users.path, label: t('nav.users'), icon: <IconUsers size={18} aria-hidden /> },
        {
          to: paths.admin.fabriques.path,
          label: t('nav.fabriques'),
          icon: <IconBuildingCommunity size={18} aria-hidden />,
        },
        {
          to: paths.admin.programs.path,
          label: t('nav.programs'),
          icon: <IconCertificate size={18} aria-hidden />,
        },
        {
          to: paths.admin.policies.path,
          label: t('nav.policies'),
          icon: <IconListCheck size={18} aria-hidden />,
        },
        {
          to: paths.admin.apiClients.path,
          label: t('nav.apiClients'),
          icon: <IconKey size={18} aria-hidden />,
        },
        {
          to: paths.admin.webhooks.path,
          label: t('nav.webhooks'),
          icon: <IconWebhook size={18} aria-hidden />,
        },
      ],
    });
  }
  return sections;
}

export function AppLayout() {
  const { t } = useTranslation();
  const user = useSessionUser();
  const router = useRouter();
  const { pathname } = useLocation();
  const [isNavOpen, { toggle: toggleNav, close: closeNav }] = useDisclosure(false);
  const sections = useNavSections(user?.role ?? 'viewer');

  // After a client-side navigation, focus moves to the new content (as a page load would) and the
  // mobile drawer closes once the user has picked where to go.
  const previousPathname = useRef(pathname);
  useEffect(() => {
    closeNav();
    if (previousPathname.current === pathname) return;
    previousPathname.current = pathname;
    document.getElementById('main-content')?.focus({ preventScroll: true });
  }, [pathname, closeNav]);

  if (!user) return null;

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 248, breakpoint: 'sm', collapsed: { mobile: !isNavOpen } }}
      padding={{ base: 'md', sm: 'xl' }}
    >
      <a href="#main-content" className="skip-link">
        {t('app.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={isNavOpen}
              onClick={toggleNav}
              hiddenFrom="sm"
              size="sm"
              aria-label={isNavOpen ? t('nav.closeMenu') : t('nav.openMenu')}
              aria-expanded={isNavOpen}
              aria-controls="main-navigation"
            />
            <Link to={paths.home.path} style={{ textDecoration: 'none' }}>
              <Logo />
            </Link>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <LanguageSwitch />
            <UserMenu user={user} onSignedOut={() => router.history.push(paths.signIn.path)} />
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm" id="main-navigation" component="nav" aria-label={t('nav.main')}>
        <AppShell.Section grow component={ScrollArea}>
          {sections.map((section) => (
            <div key={section.label ?? 'main'}>
              {section.label && (
                <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" mt="md" mb={4}>
                  {section.label}
                </Text>
              )}
              {section.items.map((item) => {
                const isActive =
                  item.to === paths.home.path ? pathname === item.to : pathname.startsWith(item.to);
                return (
                  <NavLink
                    key={item.to}
                    component={Link}
                    to={item.to}
                    label={item.label}
                    leftSection={item.icon}
                    active={isActive}
                    aria-current={isActive ? 'page' : undefined}
                    variant="light"
                    style={{ borderRadius: 'var(--mantine-radius-md)' }}
                  />
                );
              })}
            </div>
          ))}
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main id="main-content" tabIndex={-1}>
        <div style={{ maxWidth: 1280, margin: '0 auto' }}>
          <Outlet />
        </div>
      </AppShell.Main>
    </AppShell>
  );
}
