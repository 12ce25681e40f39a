import { Button, List, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../../components/ui/use-page-title';
import { paths } from '../../../config/paths';
import { usePublicSessions } from '../../../features/applicant/api/get-public-sessions';
import { loadSubmitted } from '../../../features/applicant/model/application-draft';

const route = getRouteApi('/_public/candidater/$sessionId/envoyee');

/** Says the application arrived and, in plain words, what happens next. */
export function ApplicationSentPage() {
  const { t } = useTranslation();
  const { sessionId } = route.useParams();
  const [submitted] = useState(() => loadSubmitted(sessionId));
  const sessionsQuery = usePublicSessions();
  const session = sessionsQuery.data?.data.find((item) => item.id === sessionId);
  usePageTitle(t('public.sent.title'));
  const contact = submitted?.contact.email || submitted?.contact.phone;

  return (
    <Stack gap="lg">
      <Stack gap="sm" align="flex-start">
        <ThemeIcon size={56} radius="xl" color="green" variant="light">
          <IconCircleCheck size={32} aria-hidden />
        </ThemeIcon>
        <Title order={1} fz={{ base: 26, sm: 32 }}>
          {t('public.sent.title')}
        </Title>
        <Text>
          {session
            ? t('public.sent.receivedFor', {
                program: session.program.title,
                fabrique: session.fabrique.name,
              })
            : t('public.sent.received')}
        </Text>
        {submitted && (
          <Text size="sm" c="dimmed">
            {t('public.sent.reference', { reference: submitted.candidacyId.slice(-8).toUpperCase() })}
          </Text>
        )}
      </Stack>
      <Paper withBorder radius="md" p="md" component="section" aria-labelledby="next-steps">
        <Title order={2} fz="lg" mb="sm" id="next-steps">
          {t('public.sent.nextTitle')}
        </Title>
        <List type="ordered" spacing="sm" size="sm">
          <List.Item>
            {contact ? t('public.sent.next1', { contact }) : t('public.sent.next1NoContact')}
          </List.Item>
          <List.Item>{t('public.sent.next2')}</List.Item>
          <List.Item>{t('public.sent.next3')}</List.Item>
          <List.Item>{t('public.sent.next4')}</List.Item>
        </List>
      </Paper>
      <Text size="sm">{t('public.sent.privacy')}</Text>
      <Button component={Link} to={paths.public.sessions.path} variant="default" size="md">
        {t('public.sent.back')}
      </Button>
    </Stack>
  );
}
