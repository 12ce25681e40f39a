import { Card, Group, List, Skeleton, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../../components/ui/router-links';

export interface PolicySession {
  id: string;
  name: string;
  fabrique: string | null;
  /** The session's status, already rendered (a badge). */
  status: ReactNode;
}

interface PolicySessionsCardProps {
  /** Sessions evaluating with this policy, as the API counts them. */
  sessionCount: number;
  /** Those the caller can open; null while loading. */
  sessions: PolicySession[] | null;
  programs: string[];
}

/** Where the policy applies: the sessions evaluating with it, and the programs whose default it is. */
export function PolicySessionsCard({ sessionCount, sessions, programs }: PolicySessionsCardProps) {
  const { t } = useTranslation();
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="policy-sessions-title">
      <Title order={2} fz="lg" id="policy-sessions-title" mb={4}>
        {t('policies.usage.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('policies.usage.description', { count: sessionCount })}
      </Text>
      {sessions === null ? (
        <Skeleton height={60} />
      ) : sessions.length === 0 ? (
        <Text size="sm">{t('policies.usage.none')}</Text>
      ) : (
        <List spacing={8} listStyleType="none" aria-labelledby="policy-sessions-title">
          {sessions.map((session) => (
            <List.Item key={session.id}>
              <Group gap={8} wrap="nowrap" justify="space-between">
                <Text size="sm" lineClamp={1}>
                  <AnchorLink to="/sessions/$sessionId" params={{ sessionId: session.id }} fw={600}>
                    {session.name}
                  </AnchorLink>
                  {session.fabrique ? ` · ${session.fabrique}` : ''}
                </Text>
                {session.status}
              </Group>
            </List.Item>
          ))}
        </List>
      )}
      {programs.length > 0 && (
        <Text size="sm" mt="md">
          {t('policies.usage.programs', { programs: programs.join(', ') })}
        </Text>
      )}
    </Card>
  );
}
