import { Badge, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import type { CriterionStatus, EligibilityStatus } from '@passerelle/domain/eligibility/eligibility.schema';
import type { PublicSession } from '@passerelle/domain/session/public-session.schema';
import { IconCheck, IconQuestionMark, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../../../components/ui/router-links';
import { paths } from '../../../config/paths';
import type { SessionVerdict, VerdictLine } from '../model/verdict';

const STATUS_COLOR: Record<EligibilityStatus, string> = {
  eligible: 'green',
  incomplete: 'yellow',
  ineligible: 'gray',
};

function LineIcon({ status }: { status: CriterionStatus }) {
  if (status === 'met') return <IconCheck size={18} color="var(--mantine-color-green-8)" aria-hidden />;
  if (status === 'not_met') return <IconX size={18} color="var(--mantine-color-gray-7)" aria-hidden />;
  return <IconQuestionMark size={18} color="var(--mantine-color-yellow-9)" aria-hidden />;
}

function Line({ line }: { line: VerdictLine }) {
  const { t } = useTranslation();
  return (
    <List.Item icon={<LineIcon status={line.status} />}>
      <Text size="sm" component="span" fw={600}>
        {line.label}
      </Text>
      <Text size="sm" component="span">
        {' — '}
        {t(`public.check.line.${line.status}`)}
      </Text>
      <Text size="xs" c="dimmed">
        {line.reason}
      </Text>
    </List.Item>
  );
}

interface SessionVerdictCardProps {
  verdict: SessionVerdict;
  session: Pick<PublicSession, 'id' | 'name'> & { title: string; city: string };
  source: 'local' | 'server';
}

export function SessionVerdictCard({ verdict, session, source }: SessionVerdictCardProps) {
  const { t } = useTranslation();
  const headingId = `verdict-${verdict.sessionId}`;
  const limitsNotMet = verdict.limits.filter((limit) => limit.status !== 'met');
  return (
    <Card
      withBorder
      radius="md"
      padding="md"
      component="article"
      aria-labelledby={headingId}
      data-session-id={verdict.sessionId}
      data-verdict={verdict.status}
      data-source={source}
    >
      <Stack gap="sm">
        <div>
          <Title order={3} fz="md" id={headingId}>
            {session.title}
          </Title>
          <Text size="sm" c="dimmed">
            {t('public.sessions.sessionOf', { name: session.name, city: session.city })}
          </Text>
        </div>
        <Group gap="xs">
          <Badge
            color={STATUS_COLOR[verdict.status]}
            c="dark.8"
            variant="light"
            size="lg"
            radius="sm"
            tt="none"
          >
            {t(`public.check.status.${verdict.status}`)}
          </Badge>
        </Group>
        <Text size="sm">{t(`public.check.explain.${verdict.status}`, { reason: verdict.reason })}</Text>
        {limitsNotMet.length > 0 && (
          <List spacing={6} size="sm" center={false}>
            {limitsNotMet.map((line) => (
              <Line key={line.code} line={line} />
            ))}
          </List>
        )}
        <List spacing={6} size="sm" center={false} aria-label={t('public.check.criteriaList')}>
          {verdict.criteria.map((line) => (
            <Line key={line.code} line={line} />
          ))}
        </List>
        {verdict.status !== 'ineligible' && (
          <ButtonLink
            to={paths.public.apply.path}
            params={{ sessionId: verdict.sessionId }}
            size="md"
            fullWidth
            aria-describedby={headingId}
          >
            {t('public.sessions.apply')}
          </ButtonLink>
        )}
      </Stack>
    </Card>
  );
}
