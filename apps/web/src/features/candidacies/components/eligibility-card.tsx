import { Alert, Button, Card, Group, List, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { isEligibilityFrozen } from '@passerelle/domain/candidacy/candidacy';
import type { CandidacyDetail } from '@passerelle/domain/candidacy/candidacy-pipeline.schema';
import type { CriterionStatus } from '@passerelle/domain/eligibility/eligibility.schema';
import { IconCheck, IconGavel, IconQuestionMark, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { capitalizeFirst, EligibilityBadge, useDomainMessage } from './candidacy-display';
import { EligibilityDecisionDialog, RemoveDecisionDialog } from './eligibility-decision-dialog';

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

interface EligibilityCardProps {
  candidacy: CandidacyDetail;
  /** Coordinators and admins may record a derogation; others only read. */
  canDecide: boolean;
  onReload: () => void;
}

export function EligibilityCard({ candidacy, canDecide, onReload }: EligibilityCardProps) {
  const { t, i18n } = useTranslation();
  const domainMessage = useDomainMessage();
  const evaluation = candidacy.eligibility;
  const decision = candidacy.eligibilityDecision;
  const [dialog, setDialog] = useState<'decide' | 'remove' | null>(null);
  const isFrozen = isEligibilityFrozen(candidacy.stage);
  const formatInstant = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long' });

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
      {decision && (
        <Alert
          color="blue"
          variant="light"
          mb="sm"
          icon={<IconGavel aria-hidden />}
          title={t('candidacies.decision.current', {
            status: t(`candidacies.decision.statuses.${decision.status}`),
          })}
        >
          <Text size="sm">{decision.reason}</Text>
          <Text size="xs" c="dimmed" mt={4}>
            {t('candidacies.decision.decidedOn', {
              date: formatInstant.format(new Date(decision.decidedAt)),
            })}
          </Text>
          {canDecide && !isFrozen && (
            <Group gap="xs" mt="sm">
              <Button size="xs" variant="white" onClick={() => setDialog('decide')}>
                {t('candidacies.decision.change')}
              </Button>
              <Button size="xs" variant="default" onClick={() => setDialog('remove')}>
                {t('candidacies.decision.remove')}
              </Button>
            </Group>
          )}
        </Alert>
      )}
      {!evaluation ? (
        <Text size="sm" c="dimmed">
          {t('candidacies.eligibilityCard.none')}
        </Text>
      ) : (
        <Stack gap="sm">
          {decision && (
            <Group gap="xs">
              <Text size="sm" fw={600}>
                {t('candidacies.decision.computed')}
              </Text>
              <EligibilityBadge status={candidacy.eligibilityStatus} />
            </Group>
          )}
          <Text size="sm">{domainMessage(evaluation.reason)}</Text>
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
      {canDecide && !decision && !isFrozen && (
        <Group mt="md">
          <Button
            size="xs"
            variant="light"
            leftSection={<IconGavel size={14} aria-hidden />}
            onClick={() => setDialog('decide')}
          >
            {t('candidacies.decision.open')}
          </Button>
        </Group>
      )}
      {canDecide && (
        <>
          <EligibilityDecisionDialog
            candidacy={candidacy}
            opened={dialog === 'decide'}
            onClose={() => setDialog(null)}
            onReload={onReload}
          />
          <RemoveDecisionDialog
            candidacy={candidacy}
            opened={dialog === 'remove'}
            onClose={() => setDialog(null)}
            onReload={onReload}
          />
        </>
      )}
    </Card>
  );
}
