import { Breadcrumbs, Skeleton, Text } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ui/error-state';
import { PageHeader } from '../../components/ui/page-header';
import { AnchorLink } from '../../components/ui/router-links';
import { CandidacyImport } from '../../features/candidacies/components/candidacy-import';
import { useSessionChoices } from '../../features/sessions/api/get-sessions';
import { intakeSessionOptions } from './intake-session-options';
import { StaffOnly } from './staff-only';

const route = getRouteApi('/_authenticated/candidatures/import');

export function CandidacyImportPage() {
  const { t } = useTranslation();
  const { sessionId } = route.useSearch();
  const sessionsQuery = useSessionChoices();

  return (
    <StaffOnly>
      <Breadcrumbs separator="›" mb="sm">
        <AnchorLink to="/candidatures" size="sm">
          {t('nav.candidacies')}
        </AnchorLink>
        <Text size="sm">{t('import.title')}</Text>
      </Breadcrumbs>
      <PageHeader title={t('import.title')} description={t('import.description')} />
      {sessionsQuery.isError ? (
        <ErrorState error={sessionsQuery.error} onRetry={() => void sessionsQuery.refetch()} />
      ) : !sessionsQuery.data ? (
        <Skeleton height={360} maw={960} />
      ) : (
        <CandidacyImport
          sessionOptions={intakeSessionOptions(sessionsQuery.data, t)}
          initialSessionId={sessionId}
        />
      )}
    </StaffOnly>
  );
}
