import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { PublicSession } from '@passerelle/domain/session/public-session.schema';
import { IconCalendarEvent, IconClockHour4, IconUsers } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../../../components/ui/router-links';
import { paths } from '../../../config/paths';
import { currentLocale } from '../../../lib/i18n';
import { formatCalendarDay } from '../model/format';
import { SessionAudience } from './session-audience';

function Fact({ icon, children }: { icon: ReactNode; children: ReactNode }) {
  return (
    <Group gap={8} wrap="nowrap" align="flex-start">
      <span className="public-fact-icon">{icon}</span>
      <Text size="sm">{children}</Text>
    </Group>
  );
}

export function PublicSessionCard({ session }: { session: PublicSession }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const headingId = `session-${session.id}-title`;

  return (
    <Card withBorder radius="md" padding="md" component="article" aria-labelledby={headingId}>
      <Stack gap="sm">
        <div>
          <Title order={3} fz="lg" id={headingId}>
            {session.program.title}
          </Title>
          <Text size="sm" c="dimmed">
            {t('public.sessions.sessionOf', { name: session.name, city: session.fabrique.city })}
          </Text>
        </div>
        <Stack gap={6}>
          <Fact icon={<IconCalendarEvent size={18} aria-hidden />}>
            {t('public.sessions.dates', {
              start: formatCalendarDay(session.startDate, locale),
              end: formatCalendarDay(session.endDate, locale),
              hours: session.program.durationHours,
            })}
          </Fact>
          <Fact icon={<IconClockHour4 size={18} aria-hidden />}>
            <strong>
              {t('public.sessions.deadline', {
                date: formatCalendarDay(session.applicationClosesOn, locale),
              })}
            </strong>
          </Fact>
          <Fact icon={<IconUsers size={18} aria-hidden />}>
            {session.placesLeft > 0
              ? t('public.sessions.placesLeft', { count: session.placesLeft, capacity: session.capacity })
              : t('public.sessions.full')}
          </Fact>
        </Stack>
        <div>
          <Group gap="xs" mb={4}>
            <Badge variant="light" color="passerelle" radius="sm">
              {t('public.sessions.forWhom')}
            </Badge>
          </Group>
          <SessionAudience eligibility={session.eligibility} />
        </div>
        <ButtonLink
          to={paths.public.apply.path}
          params={{ sessionId: session.id }}
          size="md"
          fullWidth
          aria-describedby={headingId}
        >
          {t('public.sessions.apply')}
        </ButtonLink>
      </Stack>
    </Card>
  );
}
