import { Alert, Card, Group, List, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import type { CandidacyDetail } from '@passerelle/domain/candidacy/candidacy-pipeline.schema';
import type { CriterionStatus } from '@passerelle/domain/eligibility/eligibility.schema';
import { IconCheck, IconQuestionMark, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { capitalizeFirst, EligibilityBadge, useDomainMessage } from './candidacy-display';

const STATUS_ICON: Record<CriterionStatus, { color: string; icon: typeof IconCheck }> = {
  met: { color: 'green', icon: IconCheck },
  not_met: { color: 'gray', icon: IconX },
  unknown: { color: 'orange', icon: IconQuestionMark },
};

function StatusIcon({ status }: { status: CriterionStatus }) {
  const { t } = useTranslation();
  const { color, icon: Icon } = STATUS_ICON[status];
  return (
    <ThemeIcon
      size={22}
      radius="xl"
      variant="light"
      color={color}
      aria-label={t(`candidacies.criterionStatus.${status}`)}
      role="img"
    >
      <Icon size={14} aria-hidden />
    </ThemeIcon>
  );
}

export function EligibilityCard({ candidacy }: { candidacy: CandidacyDetail }) {
  const { t } = useTranslation();
  const domainMessage = useDomainMessage();
  const evaluation = candidacy.eligibility;

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="eligibility-title">
      <Group justify="space-between" mb="sm" wrap="nowrap" align="flex-start">
        <Title order={2} fz="lg" id="eligibility-title">
          {t('candidacies.eligibilityCard.title')}
        </Title>
        <EligibilityBadge
          status={candidacy.eligibilityStatus}
          decision={candidacy.eligibilityDecision?.status}
        />
      </Group>
      {!evaluation ? (
        <Text size="sm" c="dimmed">
          {t('candidacies.eligibilityCard.none')}
        </Text>
      ) : (
        <Stack gap="sm">
          <Text size="sm">{domainMessage(evaluation.reason)}</Text>
          {candidacy.eligibilityDecision && (
            <Alert color="blue" variant="light" title={t('candidacies.eligibilityCard.decision')}>
              {candidacy.eligibilityDecision.reason}
            </Alert>
          )}
          <List spacing={8} listStyleType="none" aria-label={t('candidacies.eligibilityCard.criteria')}>
            {evaluation.criteria.map((criterion) => (
              <List.Item key={criterion.code}>
                <Group gap="sm" wrap="nowrap" align="flex-start">
                  <StatusIcon status={criterion.status} />
                  <div>
                    <Text size="sm" fw={600}>
                      {capitalizeFirst(domainMessage(`criterion.${criterion.code}`))}
                      {criterion.isRequired ? ` · ${t('candidacies.eligibilityCard.required')}` : ''}
                    </Text>
                    <Text size="sm" c="dimmed">
                      {domainMessage(criterion.reason)}
                      {criterion.origin ? ` · ${t(`candidacies.facts.origins.${criterion.origin}`)}` : ''}
                    </Text>
                  </div>
                </Group>
              </List.Item>
            ))}
          </List>
          {evaluation.limits.length > 0 && (
            <>
              <Text size="sm" fw={700} mt="xs">
                {t('candidacies.eligibilityCard.limits')}
              </Text>
              <List spacing={8} listStyleType="none" aria-label={t('candidacies.eligibilityCard.limits')}>
                {evaluation.limits.map((limit) => (
                  <List.Item key={limit.code}>
                    <Group gap="sm" wrap="nowrap" align="flex-start">
                      <StatusIcon status={limit.status} />
                      <Text size="sm">
                        <Text span fw={600}>
                          {capitalizeFirst(domainMessage(`limit.${limit.code}`))}
                        </Text>
                        {' — '}
                        {domainMessage(limit.reason)}
                      </Text>
                    </Group>
                  </List.Item>
                ))}
              </List>
            </>
          )}
          <Text size="xs" c="dimmed">
            {t('candidacies.eligibilityCard.indication', { version: evaluation.policyVersion ?? '—' })}
          </Text>
        </Stack>
      )}
    </Card>
  );
}
