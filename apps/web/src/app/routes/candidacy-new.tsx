import { Alert, Breadcrumbs, Button, Group, Skeleton, Stack, Text } from '@mantine/core';
import type { IntakeResult } from '@passerelle/domain/application/application.schema';
import { IconAlertTriangle } from '@tabler/icons-react';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ui/error-state';
import { notifySuccess } from '../../components/ui/notify';
import { PageHeader } from '../../components/ui/page-header';
import { AnchorLink } from '../../components/ui/router-links';
import { IntakeForm } from '../../features/candidacies/components/intake-form';
import { useSessionChoices } from '../../features/sessions/api/get-sessions';
import { intakeSessionOptions } from './intake-session-options';
import { StaffOnly } from './staff-only';

const route = getRouteApi('/_authenticated/candidatures/nouvelle');

export function CandidacyNewPage() {
  const { t } = useTranslation();
  const { sessionId } = route.useSearch();
  const navigate = route.useNavigate();
  const sessionsQuery = useSessionChoices();
  // A possible duplicate is shown before leaving, so that it is not missed.
  const [withDuplicates, setWithDuplicates] = useState<IntakeResult | null>(null);
  const openCandidacy = (candidacyId: string) =>
    void navigate({ to: '/candidatures/$candidacyId', params: { candidacyId } });

  return (
    <StaffOnly>
      <Breadcrumbs separator="›" mb="sm">
        <AnchorLink to="/candidatures" size="sm">
          {t('nav.candidacies')}
        </AnchorLink>
        <Text size="sm">{t('intake.title')}</Text>
      </Breadcrumbs>
      <PageHeader title={t('intake.title')} description={t('intake.description')} />
      {withDuplicates ? (
        <Stack gap="md" maw={760}>
          <Alert
            color="orange"
            variant="light"
            role="alert"
            icon={<IconAlertTriangle aria-hidden />}
            title={t('intake.duplicates.title')}
          >
            {t('intake.duplicates.body', { count: withDuplicates.possibleDuplicates.length })}
          </Alert>
          <Group>
            <Button onClick={() => openCandidacy(withDuplicates.candidacyId)}>
              {t('intake.duplicates.open')}
            </Button>
          </Group>
        </Stack>
      ) : sessionsQuery.isError ? (
        <ErrorState error={sessionsQuery.error} onRetry={() => void sessionsQuery.refetch()} />
      ) : !sessionsQuery.data ? (
        <Skeleton height={480} maw={760} />
      ) : (
        <IntakeForm
          sessionOptions={intakeSessionOptions(sessionsQuery.data, t)}
          initialSessionId={sessionId}
          onCancel={() => window.history.back()}
          onCreated={(result) => {
            notifySuccess(t('intake.created'));
            if (result.possibleDuplicates.length > 0) setWithDuplicates(result);
            else openCandidacy(result.candidacyId);
          }}
        />
      )}
    </StaffOnly>
  );
}
