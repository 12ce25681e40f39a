import { Badge, Card, Group, List, Skeleton, Text, Title } from '@mantine/core';
import { CRITERION_CODES } from '@passerelle/domain/eligibility/eligibility.schema';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/ui/error-state';
import { useEligibilityPolicyVersions } from '../api/get-eligibility-policy-versions';

/** Every version of the policy, latest first: evaluations name the version they used. */
export function PolicyVersionsCard({
  policyId,
  currentVersion,
}: {
  policyId: string;
  currentVersion: number;
}) {
  const { t, i18n } = useTranslation();
  const versionsQuery = useEligibilityPolicyVersions(policyId);
  const formatDate = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="policy-versions-title">
      <Title order={2} fz="lg" id="policy-versions-title" mb="sm">
        {t('policies.versions.title')}
      </Title>
      {versionsQuery.isPending ? (
        <Skeleton height={80} />
      ) : versionsQuery.isError ? (
        <ErrorState error={versionsQuery.error} onRetry={() => void versionsQuery.refetch()} />
      ) : (
        <List spacing="sm" listStyleType="none" aria-labelledby="policy-versions-title">
          {versionsQuery.data.data.map((version) => {
            const enabled = CRITERION_CODES.filter((code) => version.criteria[code].enabled).length;
            return (
              <List.Item key={version.version}>
                <Group gap="xs" wrap="nowrap" align="flex-start">
                  <Badge
                    variant={version.version === currentVersion ? 'filled' : 'light'}
                    color={version.version === currentVersion ? 'passerelle' : 'gray'}
                    radius="sm"
                    tt="none"
                    miw={44}
                  >
                    {t('policies.versionBadge', { version: version.version })}
                  </Badge>
                  <div>
                    <Text size="sm" fw={600}>
                      {formatDate.format(new Date(version.createdAt))}
                      {version.version === currentVersion ? ` · ${t('policies.versions.current')}` : ''}
                    </Text>
                    <Text size="sm" c="dimmed">
                      {t('policies.ruleSummary', { minCriteria: version.minCriteria, enabled })}
                      {version.requiredCriteria.length > 0
                        ? ` · ${t('policies.versions.required', { count: version.requiredCriteria.length })}`
                        : ''}
                    </Text>
                  </div>
                </Group>
              </List.Item>
            );
          })}
        </List>
      )}
    </Card>
  );
}
