import { Button } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusPage } from '../../components/ui/status-page';
import { paths } from '../../config/paths';
import { useSessionUser } from '../../features/auth/api/use-session-user';

/**
 * Screens showing candidates' personal data. A viewer (a funder) sees none: they are told so plainly,
 * before any request is made, rather than meeting an error.
 */
export function PersonalDataGuard({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const user = useSessionUser();
  if (user?.role !== 'viewer') return children;
  return (
    <StatusPage
      icon={<IconLock size={32} aria-hidden />}
      title={t('notAllowed.title')}
      description={t('notAllowed.personalData')}
      action={
        <Button component={Link} to={paths.home.path} variant="light">
          {t('common.backHome')}
        </Button>
      }
    />
  );
}
