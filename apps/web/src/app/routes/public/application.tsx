import { Alert, Anchor, Button, Skeleton, Stack, Text, Title } from '@mantine/core';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/ui/error-state';
import { usePageTitle } from '../../../components/ui/use-page-title';
import { paths } from '../../../config/paths';
import { usePublicSessions } from '../../../features/applicant/api/get-public-sessions';
import { ApplicationForm } from '../../../features/applicant/components/application-form';
import { formatCalendarDay } from '../../../features/applicant/model/format';
import { currentLocale } from '../../../lib/i18n';

const route = getRouteApi('/_public/candidater/$sessionId');

export function ApplicationPage() {
  const { t } = useTranslation();
  const { sessionId } = route.useParams();
  const navigate = route.useNavigate();
  const sessionsQuery = usePublicSessions();
  const session = sessionsQuery.data?.data.find((item) => item.id === sessionId);
  usePageTitle(
    session ? t('public.apply.title', { program: session.program.title }) : t('public.apply.titleShort'),
  );

  if (sessionsQuery.isPending) {
    return (
      <Stack gap="md" role="status" aria-label={t('common.loading')}>
        <Skeleton height={40} width="70%" />
        <Skeleton height={420} radius="md" />
      </Stack>
    );
  }
  if (sessionsQuery.isError) {
    return <ErrorState error={sessionsQuery.error} onRetry={() => void sessionsQuery.refetch()} />;
  }
  if (!session) {
    return (
      <Stack gap="md">
        <Title order={1} fz={{ base: 24, sm: 30 }}>
          {t('public.apply.notOpenTitle')}
        </Title>
        <Text>{t('public.apply.notOpen')}</Text>
        <Button component={Link} to={paths.public.sessions.path} size="md">
          {t('public.apply.seeOpenSessions')}
        </Button>
      </Stack>
    );
  }

  return (
    <Stack gap="lg">
      <div>
        <Title order={1} fz={{ base: 24, sm: 30 }}>
          {t('public.apply.title', { program: session.program.title })}
        </Title>
        <Text mt={4}>
          {t('public.sessions.sessionOf', { name: session.name, city: session.fabrique.city })}
        </Text>
        <Text size="sm" fw={600} mt={4}>
          {t('public.sessions.deadline', {
            date: formatCalendarDay(session.applicationClosesOn, currentLocale()),
          })}
        </Text>
      </div>
      <Alert variant="light" color="passerelle">
        <Text size="sm">
          {t('public.apply.intro')}{' '}
          <Anchor component={Link} to={paths.public.eligibility.path} size="sm" fw={600}>
            {t('public.sessions.checkEligibility')}
          </Anchor>
        </Text>
      </Alert>
      <ApplicationForm
        session={session}
        onSubmitted={() => void navigate({ to: paths.public.applied.path, params: { sessionId } })}
      />
    </Stack>
  );
}
