import { Button } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { Link, Outlet } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { StatusPage } from '../../../components/ui/status-page';
import { paths } from '../../../config/paths';
import { useSessionUser } from '../../../features/auth/api/use-session-user';

/** Admin screens for admins; anyone else keeps the URL and is told plainly it is not for them. */
export function AdminLayout() {
  const { t } = useTranslation();
  const user = useSessionUser();
  if (user?.role === 'admin') return <Outlet />;
  return (
    <StatusPage
      icon={<IconLock size={32} aria-hidden />}
      title={t('notAllowed.title')}
      description={t('notAllowed.description')}
      action={
        <Button component={Link} to={paths.home.path} variant="light">
          {t('common.backHome')}
        </Button>
      }
    />
  );
}
