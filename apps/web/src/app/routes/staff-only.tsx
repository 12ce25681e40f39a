import { IconLock } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../../components/ui/router-links';
import { StatusPage } from '../../components/ui/status-page';
import { useSessionUser } from '../../features/auth/api/use-session-user';

/** Recruitment writes are for coordinators and admins: trainers and viewers get a page that says so. */
export function StaffOnly({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const user = useSessionUser();
  if (user?.role === 'admin' || user?.role === 'coordinator') return <>{children}</>;
  return (
    <StatusPage
      icon={<IconLock size={32} aria-hidden />}
      title={t('notAllowed.title')}
      description={t('notAllowed.recruitment')}
      action={<ButtonLink to="/">{t('common.backHome')}</ButtonLink>}
    />
  );
}
