import { Breadcrumbs, Skeleton, Text } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ui/error-state';
import { notifySuccess } from '../../components/ui/notify';
import { PageHeader } from '../../components/ui/page-header';
import { AnchorLink } from '../../components/ui/router-links';
import { useFabriqueChoices } from '../../features/fabriques/api/get-fabriques';
import { SessionForm } from '../../features/sessions/components/session-form';
import { StaffOnly } from './staff-only';

const route = getRouteApi('/_authenticated/sessions/nouvelle');

export function SessionNewPage() {
  const { t } = useTranslation();
  const navigate = route.useNavigate();
  const fabriquesQuery = useFabriqueChoices();

  return (
    <StaffOnly>
      <Breadcrumbs separator="›" mb="sm">
        <AnchorLink to="/sessions" size="sm">
          {t('nav.sessions')}
        </AnchorLink>
        <Text size="sm">{t('sessions.form.createTitle')}</Text>
      </Breadcrumbs>
      <PageHeader title={t('sessions.form.createTitle')} description={t('sessions.form.createDescription')} />
      {fabriquesQuery.isError ? (
        <ErrorState error={fabriquesQuery.error} onRetry={() => void fabriquesQuery.refetch()} />
      ) : !fabriquesQuery.data ? (
        <Skeleton height={480} maw={880} />
      ) : (
        <SessionForm
          fabriqueOptions={fabriquesQuery.data}
          onCancel={() => void navigate({ to: '/sessions' })}
          onSaved={(session) => {
            notifySuccess(t('sessions.form.created', { name: session.name }));
            void navigate({ to: '/sessions/$sessionId', params: { sessionId: session.id } });
          }}
        />
      )}
    </StaffOnly>
  );
}
