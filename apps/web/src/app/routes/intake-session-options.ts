import type { ComboboxItem } from '@mantine/core';
import type { SessionStatus } from '@passerelle/domain/session/session.schema';
import type { TFunction } from 'i18next';
import type { SessionItem } from '../../features/sessions/api/get-sessions';

/** Sessions still taking candidacies from staff: not finished, archived or cancelled. */
const OPEN_TO_INTAKE: readonly SessionStatus[] = ['draft', 'recruiting', 'selection'];

export function intakeSessionOptions(sessions: readonly SessionItem[], t: TFunction): ComboboxItem[] {
  return sessions
    .filter((session) => OPEN_TO_INTAKE.includes(session.status))
    .map((session) => ({
      value: session.id,
      label: t('intake.sessionOption', {
        name: session.name,
        status: t(`sessions.statuses.${session.status}`),
      }),
    }));
}
