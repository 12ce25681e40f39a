import { Anchor, Box, Container, Group } from '@mantine/core';
import { Link, Outlet, useLocation } from '@tanstack/react-router';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../../components/ui/language-switch';
import { Logo } from '../../../components/ui/logo';
import { paths } from '../../../config/paths';

/** The frame of the applicants' pages: phone first, a few large links, nothing of the back office. */
export function PublicLayout() {
  const { t } = useTranslation();
  const { pathname } = useLocation();

  // After a client-side navigation, focus moves to the new page (as a page load would).
  const previousPathname = useRef(pathname);
  useEffect(() => {
    if (previousPathname.current === pathname) return;
    previousPathname.current = pathname;
    document.getElementById('main-content')?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, [pathname]);

  const links = [
    { to: paths.public.sessions.path, label: t('public.nav.sessions') },
    { to: paths.public.eligibility.path, label: t('public.nav.eligibility') },
  ];

  return (
    <div className="public-page">
      <a href="#main-content" className="skip-link">
        {t('app.skipToContent')}
      </a>
      <Box component="header" className="public-header">
        <Container size={760} px="md">
          <Group justify="space-between" wrap="nowrap" py="xs">
            <Link to={paths.public.sessions.path} className="public-logo-link">
              <Logo />
            </Link>
            <LanguageSwitch />
          </Group>
          <nav aria-label={t('public.nav.label')}>
            <ul className="plain-list public-nav">
              {links.map((link) => {
                const isActive = pathname === link.to;
                return (
                  <li key={link.to}>
                    <Link
                      to={link.to}
                      className="public-nav-link"
                      data-active={isActive || undefined}
                      aria-current={isActive ? 'page' : undefined}
                    >
                      {link.label}
                    </Link>
                  </li>
                );
              })}
            </ul>
          </nav>
        </Container>
      </Box>
      <Container size={760} px="md" py="lg" component="main" id="main-content" tabIndex={-1} w="100%">
        <Outlet />
      </Container>
      <Box component="footer" className="public-footer">
        <Container size={760} px="md" py="md">
          <Anchor component={Link} to={paths.public.privacy.path} size="sm">
            {t('public.nav.privacy')}
          </Anchor>
        </Container>
      </Box>
    </div>
  );
}
