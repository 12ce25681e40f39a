import { Alert, Breadcrumbs, Grid, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconCopy } from '@tabler/icons-react';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ui/error-state';
import { AnchorLink } from '../../components/ui/router-links';
import { usePageTitle } from '../../components/ui/use-page-title';
import { useSessionUser } from '../../features/auth/api/use-session-user';
import { useCandidacy } from '../../features/candidacies/api/get-candidacy';
import { StageBadge } from '../../features/candidacies/components/candidacy-display';
import { CandidateFactsCard } from '../../features/candidacies/components/candidate-facts-card';
import { EligibilityCard } from '../../features/candidacies/components/eligibility-card';
import { NotesCard } from '../../features/candidacies/components/notes-card';
import { ScorecardsCard } from '../../features/candidacies/components/scorecards-card';
import { StageActions } from '../../features/candidacies/components/stage-actions';
import { TimelineCard } from '../../features/candidacies/components/timeline-card';
import { LearnerOutcomesCard } from '../../features/placements/components/learner-outcomes-card';
import { PersonalDataGuard } from './personal-data-guard';

/** Learners (from enrolment on) have a life after the training to follow. */
const LEARNER_STAGES: readonly string[] = ['enrolled', 'completed', 'dropped_out'];

const route = getRouteApi('/_authenticated/candidatures/$candidacyId');

export function CandidacyDetailPage() {
  return (
    <PersonalDataGuard>
      <CandidacyDetailScreen />
    </PersonalDataGuard>
  );
}

function CandidacyDetailScreen() {
  const { t, i18n } = useTranslation();
  const { candidacyId } = route.useParams();
  const candidacyQuery = useCandidacy(candidacyId);
  // Only coordinators and admins change a candidacy; a trainer reads it and may evaluate and note.
  const role = useSessionUser()?.role;
  const canManage = role === 'admin' || role === 'coordinator';
  const candidacy = candidacyQuery.data;
  const name = candidacy ? `${candidacy.candidate.firstName} ${candidacy.candidate.lastName}` : '';
  usePageTitle(name || t('candidacies.detail.title'));
  const formatDate = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long' });

  if (candidacyQuery.isError && !candidacy) {
    return <ErrorState error={candidacyQuery.error} onRetry={() => void candidacyQuery.refetch()} />;
  }
  if (!candidacy) {
    return (
      <Stack gap="md" aria-busy="true" aria-label={t('common.loading')}>
        <Skeleton height={28} width="30%" />
        <Skeleton height={40} width="50%" />
        <Skeleton height={320} />
      </Stack>
    );
  }

  return (
    <Stack gap="lg">
      <Breadcrumbs separator="›">
        <AnchorLink to="/candidatures" size="sm">
          {t('nav.candidacies')}
        </AnchorLink>
        <AnchorLink to="/sessions/$sessionId" params={{ sessionId: candidacy.sessionId }} size="sm">
          {candidacy.session.name}
        </AnchorLink>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start" gap="md">
        <Stack gap={6}>
          <Group gap="sm">
            <Title order={1} fz={{ base: 24, sm: 28 }}>
              {name}
            </Title>
            <StageBadge stage={candidacy.stage} />
          </Group>
          <Text c="dimmed" size="sm">
            {t('candidacies.detail.submitted', {
              date: formatDate.format(new Date(candidacy.submittedAt)),
              source: candidacy.source
                ? t(`candidacies.sources.${candidacy.source as 'website'}`, candidacy.source)
                : '—',
            })}
          </Text>
          <Text size="sm">
            {[candidacy.candidate.email, candidacy.candidate.phone, candidacy.candidate.address?.communeName]
              .filter(Boolean)
              .join(' · ')}
          </Text>
        </Stack>
        {canManage && (
          <StageActions
            candidacy={{ id: candidacy.id, stage: candidacy.stage, version: candidacy.version, name }}
            onReload={() => void candidacyQuery.refetch()}
          />
        )}
      </Group>

      {candidacy.rejection && (
        <Alert color="red" variant="light" title={t('candidacies.detail.rejected')}>
          {t(`candidacies.rejectionReasons.${candidacy.rejection.reason}`)}
          {candidacy.rejection.comment ? ` — ${candidacy.rejection.comment}` : ''}
        </Alert>
      )}

      {candidacy.duplicates.length > 0 && (
        <Alert
          color="orange"
          variant="light"
          icon={<IconCopy aria-hidden />}
          title={t('candidacies.detail.duplicateTitle')}
        >
          <Stack gap={4}>
            {candidacy.duplicates.map((duplicate) => (
              <Text size="sm" key={duplicate.id}>
                <AnchorLink to="/candidatures/$candidacyId" params={{ candidacyId: duplicate.id }} fw={600}>
                  {t('candidacies.detail.duplicateLink', { session: duplicate.sessionName })}
                </AnchorLink>
                {' · '}
                {t(`candidacies.stages.${duplicate.stage}`)}
              </Text>
            ))}
          </Stack>
        </Alert>
      )}
      {candidacy.isFlaggedEnrolledElsewhere && (
        <Alert color="orange" variant="light" title={t('candidacies.enrolledElsewhere')} />
      )}

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="lg">
            <EligibilityCard
              candidacy={candidacy}
              canDecide={canManage}
              onReload={() => void candidacyQuery.refetch()}
            />
            <CandidateFactsCard candidacy={candidacy} canVerify={canManage} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="lg">
            {LEARNER_STAGES.includes(candidacy.stage) && <LearnerOutcomesCard candidacyId={candidacy.id} />}
            <ScorecardsCard candidacy={candidacy} />
            <NotesCard candidacyId={candidacy.id} />
            <TimelineCard candidacyId={candidacy.id} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
