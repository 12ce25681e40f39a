import { Badge } from '@mantine/core';
import type { SessionStatus } from '@passerelle/domain/session/session.schema';
import { useTranslation } from 'react-i18next';

const STATUS_COLORS: Record<SessionStatus, string> = {
  draft: 'gray',
  recruiting: 'green',
  selection: 'violet',
  in_progress: 'blue',
  completed: 'teal',
  archived: 'dark',
  cancelled: 'red',
};

export function SessionStatusBadge({ status }: { status: SessionStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="dot" color={STATUS_COLORS[status]} radius="sm" tt="none" fw={600} size="md">
      {t(`sessions.statuses.${status}`)}
    </Badge>
  );
}

/** A calendar date (YYYY-MM-DD) in the reader's language, never shifted by the time zone. */
export function useFormatCalendarDate() {
  const { i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeZone: 'UTC' });
  return (date: string) => format.format(new Date(`${date}T00:00:00Z`));
}
