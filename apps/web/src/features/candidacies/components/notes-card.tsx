import { Alert, Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/ui/error-state';
import { describeError } from '../../../lib/problem-message';
import { useCreateCandidacyNote } from '../api/create-candidacy-note';
import { useCandidacyNotes } from '../api/get-candidacy-notes';

export function NotesCard({ candidacyId }: { candidacyId: string }) {
  const { t, i18n } = useTranslation();
  const notesQuery = useCandidacyNotes(candidacyId);
  const createMutation = useCreateCandidacyNote(candidacyId);
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const formatDate = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const notes = notesQuery.data?.pages.flatMap((page) => page.data) ?? [];

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="notes-title">
      <Title order={2} fz="lg" id="notes-title" mb="sm">
        {t('candidacies.notes.title')}
      </Title>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!body.trim()) {
            setError(t('validation.required'));
            return;
          }
          setError(null);
          createMutation.mutate({ body: body.trim() }, { onSuccess: () => setBody('') });
        }}
      >
        <Stack gap="xs">
          <Textarea
            label={t('candidacies.notes.new')}
            autosize
            minRows={2}
            maxLength={5000}
            value={body}
            error={error}
            onChange={(event) => setBody(event.currentTarget.value)}
          />
          {createMutation.isError && (
            <Alert color="red" variant="light" role="alert" icon={<IconAlertTriangle aria-hidden />}>
              {describeError(createMutation.error, t)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button type="submit" size="xs" loading={createMutation.isPending}>
              {t('candidacies.notes.add')}
            </Button>
          </Group>
        </Stack>
      </form>
      <Stack gap="xs" mt="md">
        {notesQuery.isError ? (
          <ErrorState error={notesQuery.error} onRetry={() => void notesQuery.refetch()} />
        ) : notesQuery.isPending ? (
          <Text size="sm" c="dimmed">
            {t('common.loading')}
          </Text>
        ) : notes.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('candidacies.notes.empty')}
          </Text>
        ) : (
          notes.map((note) => (
            <div key={note.id}>
              <Text size="xs" c="dimmed">
                {formatDate.format(new Date(note.createdAt))}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {note.body}
              </Text>
            </div>
          ))
        )}
        {notesQuery.hasNextPage && (
          <Button
            size="xs"
            variant="subtle"
            onClick={() => void notesQuery.fetchNextPage()}
            loading={notesQuery.isFetchingNextPage}
          >
            {t('candidacies.notes.more')}
          </Button>
        )}
      </Stack>
    </Card>
  );
}
