import { Breadcrumbs, Grid, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/ui/error-state';
import { PageHeader } from '../../../components/ui/page-header';
import { AnchorLink } from '../../../components/ui/router-links';
import { useEligibilityPolicy } from '../../../features/eligibility-policies/api/get-eligibility-policy';
import { PolicyEditor } from '../../../features/eligibility-policies/components/policy-editor';
import { PolicySessionsCard } from '../../../features/eligibility-policies/components/policy-sessions-card';
import { PolicyVersionsCard } from '../../../features/eligibility-policies/components/policy-versions-card';
import { useFabriqueChoices } from '../../../features/fabriques/api/get-fabriques';
import { usePrograms } from '../../../features/programs/api/get-programs';
import { useSessionChoices } from '../../../features/sessions/api/get-sessions';
import { SessionStatusBadge } from '../../../features/sessions/components/session-display';

const route = getRouteApi('/_authenticated/admin/politiques/$policyId');

export function EligibilityPolicyPage() {
  const { t } = useTranslation();
  const { policyId } = route.useParams();
  const policyQuery = useEligibilityPolicy(policyId);
  // The API counts the sessions using a policy but does not list them: an admin sees every session,
  // so the list is the sessions whose policy is this one.
  const sessionsQuery = useSessionChoices();
  const fabriqueChoices = useFabriqueChoices();
  const programsQuery = usePrograms();
  const policy = policyQuery.data;

  const sessions = useMemo(() => {
    const fabriqueNames = new Map((fabriqueChoices.data ?? []).map((choice) => [choice.value, choice.label]));
    return (
      sessionsQuery.data
        ?.filter((session) => session.eligibilityPolicyId === policyId)
        .map((session) => ({
          id: session.id,
          name: session.name,
          fabrique: fabriqueNames.get(session.fabriqueId) ?? null,
          status: <SessionStatusBadge status={session.status} />,
        })) ?? null
    );
  }, [sessionsQuery.data, fabriqueChoices.data, policyId]);
  const programs = (programsQuery.data?.pages.flatMap((page) => page.data) ?? [])
    .filter((program) => program.defaultEligibilityPolicyId === policyId)
    .map((program) => program.title);

  if (policyQuery.isError && !policy)
    return <ErrorState error={policyQuery.error} onRetry={() => void policyQuery.refetch()} />;
  if (!policy) {
    return (
      <Stack gap="md" aria-busy="true" aria-label={t('common.loading')}>
        <Skeleton height={32} width="40%" />
        <Skeleton height={480} />
      </Stack>
    );
  }

  return (
    <Stack gap={0}>
      <Breadcrumbs separator="›" mb="sm">
        <AnchorLink to="/admin/politiques" size="sm">
          {t('nav.policies')}
        </AnchorLink>
        <Text size="sm">{policy.name}</Text>
      </Breadcrumbs>
      <PageHeader
        title={policy.name}
        description={t('policies.editor.description', { version: policy.currentVersion })}
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, xl: 8 }}>
          <PolicyEditor key={policy.id} policy={policy} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, xl: 4 }}>
          <SimpleGrid cols={{ base: 1, md: 2, xl: 1 }} spacing="lg">
            <PolicySessionsCard
              sessionCount={policy.sessionCount}
              sessions={sessionsQuery.isError ? [] : sessions}
              programs={programs}
            />
            <PolicyVersionsCard policyId={policy.id} currentVersion={policy.currentVersion} />
          </SimpleGrid>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
