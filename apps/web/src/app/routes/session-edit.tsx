import { Breadcrumbs, Skeleton, Text } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ui/error-state';
import { notifySuccess } from '../../components/ui/notify';
import { PageHeader } from '../../components/ui/page-header';
import { AnchorLink } from '../../components/ui/router-links';
import { useFabriqueChoices } from '../../features/fabriques/api/get-fabriques';
import { useSession } from '../../features/sessions/api/get-session';
import { SessionForm } from '../../features/sessions/components/session-form';
import { StaffOnly } from './staff-only';

const route = getRouteApi('/_authenticated/sessions/$sessionId/modifier');

export function SessionEditPage() {
  const { t } = useTranslation();
  const { sessionId } = route.useParams();
  const navigate = route.useNavigate();
  const sessionQuery = useSession(sessionId);
  const fabriquesQuery = useFabriqueChoices();
  const session = sessionQuery.data;
  const backToSession = () => void navigate({ to: '/sessions/$sessionId', params: { sessionId } });

  return (
    <StaffOnly>
      <Breadcrumbs separator="›" mb="sm">
        <AnchorLink to="/sessions" size="sm">
          {t('nav.sessions')}
        </AnchorLink>
        {session && (
          <AnchorLink to="/sessions/$sessionId" params={{ sessionId }} size="sm">
            {session.name}
          </AnchorLink>
        )}
        <Text size="sm">{t('sessions.form.editTitle')}</Text>
      </Breadcrumbs>
      <PageHeader title={t('sessions.form.editTitle')} description={session?.name} />
      {sessionQuery.isError ? (
        <ErrorState error={sessionQuery.error} onRetry={() => void sessionQuery.refetch()} />
      ) : !session || fabriquesQuery.isPending ? (
        <Skeleton height={480} maw={880} />
      ) : (
        <SessionForm
          key={session.id}
          session={session}
          fabriqueOptions={fabriquesQuery.data ?? []}
          onCancel={backToSession}
          onSaved={(saved) => {
            notifySuccess(t('sessions.form.saved', { name: saved.name }));
            backToSession();
          }}
        />
      )}
    </StaffOnly>
  );
}
