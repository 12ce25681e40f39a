import { Button, Card, Text, Timeline, Title } from '@mantine/core';
import type { CandidacyEvent } from '@passerelle/domain/candidacy/candidacy-pipeline.schema';
import { isMessageKey } from '@passerelle/domain/messages/messages';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/ui/error-state';
import { useCandidacyEvents } from '../api/get-candidacy-events';
import { useDomainMessage } from './candidacy-display';

const KNOWN_EVENTS = [
  'submitted',
  'stage_changed',
  'eligibility_evaluated',
  'fact_verified',
  'scorecard_recorded',
  'note_added',
  'updated',
  'flagged_enrolled_elsewhere',
] as const;
type KnownEvent = (typeof KNOWN_EVENTS)[number];

function isKnownEvent(type: string): type is KnownEvent {
  return (KNOWN_EVENTS as readonly string[]).includes(type);
}

function stringDetail(event: CandidacyEvent, key: string): string | undefined {
  const value = event.details?.[key];
  return typeof value === 'string' ? value : undefined;
}

export function TimelineCard({ candidacyId }: { candidacyId: string }) {
  const { t, i18n } = useTranslation();
  const domainMessage = useDomainMessage();
  const eventsQuery = useCandidacyEvents(candidacyId);
  const formatDate = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const events = eventsQuery.data?.pages.flatMap((page) => page.data) ?? [];

  const describe = (event: CandidacyEvent): { title: string; detail?: string | undefined } => {
    const title = isKnownEvent(event.type) ? t(`candidacies.timeline.events.${event.type}`) : event.type;
    if (event.type === 'stage_changed' && event.toStage) {
      const rejection = event.details?.rejection as { reason?: string; comment?: string } | undefined;
      const reason = rejection?.reason ?? stringDetail(event, 'withdrawalReason');
      const comment = rejection?.comment ?? stringDetail(event, 'comment');
      return {
        title: t('candidacies.timeline.moved', {
          from: event.fromStage ? t(`candidacies.stages.${event.fromStage}`) : '—',
          to: t(`candidacies.stages.${event.toStage}`),
        }),
        detail: [
          reason && event.toStage === 'rejected'
            ? t(`candidacies.rejectionReasons.${reason as 'other'}`)
            : undefined,
          reason && event.toStage === 'withdrawn'
            ? t(`candidacies.withdrawalReasons.${reason as 'other'}`)
            : undefined,
          comment,
        ]
          .filter(Boolean)
          .join(' — '),
      };
    }
    if (event.type === 'fact_verified') {
      const fact = stringDetail(event, 'fact');
      return { title, detail: fact ? domainMessage(`fact.${fact}`) : undefined };
    }
    if (event.type === 'eligibility_evaluated') {
      const status = stringDetail(event, 'status');
      return {
        title,
        detail:
          status && isMessageKey(`eligibility.${status}`)
            ? t(`candidacies.eligibility.${status as 'eligible'}`)
            : undefined,
      };
    }
    return { title };
  };

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="timeline-title">
      <Title order={2} fz="lg" id="timeline-title" mb="md">
        {t('candidacies.timeline.title')}
      </Title>
      {eventsQuery.isError ? (
        <ErrorState error={eventsQuery.error} onRetry={() => void eventsQuery.refetch()} />
      ) : eventsQuery.isPending ? (
        <Text size="sm" c="dimmed">
          {t('common.loading')}
        </Text>
      ) : (
        <>
          <Timeline bulletSize={14} lineWidth={2} active={-1}>
            {events.map((event) => {
              const { title, detail } = describe(event);
              return (
                <Timeline.Item
                  key={event.id}
                  title={
                    <Text size="sm" fw={600}>
                      {title}
                    </Text>
                  }
                >
                  {detail && <Text size="sm">{detail}</Text>}
                  <Text size="xs" c="dimmed">
                    {formatDate.format(new Date(event.occurredAt))}
                    {event.actorType === 'system' ? ` · ${t('candidacies.timeline.system')}` : ''}
                  </Text>
                </Timeline.Item>
              );
            })}
          </Timeline>
          {eventsQuery.hasNextPage && (
            <Button
              mt="sm"
              size="xs"
              variant="subtle"
              onClick={() => void eventsQuery.fetchNextPage()}
              loading={eventsQuery.isFetchingNextPage}
            >
              {t('candidacies.timeline.more')}
            </Button>
          )}
        </>
      )}
    </Card>
  );
}
