import { Button } from '@mantine/core';
import { IconMapSearch } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { StatusPage } from '../../components/ui/status-page';
import { paths } from '../../config/paths';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <main id="main-content" tabIndex={-1}>
      <StatusPage
        icon={<IconMapSearch size={32} aria-hidden />}
        title={t('notFound.title')}
        description={t('notFound.description')}
        action={
          <Button component={Link} to={paths.home.path} variant="light">
            {t('common.backHome')}
          </Button>
        }
      />
    </main>
  );
}
