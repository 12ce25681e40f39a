import { Badge } from '@mantine/core';
import type { CandidacyStage } from '@passerelle/domain/candidacy/candidacy.schema';
import type { EligibilityStatus } from '@passerelle/domain/eligibility/eligibility.schema';
import { formatMessage, type Message } from '@passerelle/domain/messages/messages';
import { useTranslation } from 'react-i18next';
import { isLocale } from '../../../lib/i18n';

export const STAGE_COLORS: Record<CandidacyStage, string> = {
  submitted: 'gray',
  screening: 'cyan',
  info_session: 'teal',
  assessment: 'indigo',
  interview: 'violet',
  waitlisted: 'yellow',
  admitted: 'green',
  enrolled: 'green',
  completed: 'lime',
  dropped_out: 'orange',
  rejected: 'red',
  withdrawn: 'dark',
};

// In a table cell a badge must widen its column, not be cut to "Entret…".
const NO_ELLIPSIS = { root: { flexShrink: 0, overflow: 'visible' }, label: { overflow: 'visible' } } as const;

const ELIGIBILITY_COLORS: Record<EligibilityStatus, string> = {
  eligible: 'green',
  ineligible: 'red',
  incomplete: 'orange',
};

/** "peu ou pas diplômé·e" → "Peu ou pas diplômé·e" (CSS `capitalize` would do every word). */
export function capitalizeFirst(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

/** Renders the domain's message keys (eligibility reasons, criteria, facts) in the current language. */
export function useDomainMessage() {
  const { i18n } = useTranslation();
  const locale = isLocale(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'fr';
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeZone: 'UTC' });
  // The engine's reasons carry calendar dates (birth, reference date): shown the reader's way.
  const localizeDates = (params: Message['params']) =>
    params &&
    Object.fromEntries(
      Object.entries(params).map(([name, value]) => [
        name,
        typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)
          ? dateFormat.format(new Date(`${value}T00:00:00Z`))
          : value,
      ]),
    );
  return (message: Message | string) =>
    formatMessage(
      typeof message === 'string' ? { key: message } : { ...message, params: localizeDates(message.params) },
      locale,
    );
}

export function StageBadge({ stage }: { stage: CandidacyStage }) {
  const { t } = useTranslation();
  return (
    <Badge
      variant="dot"
      color={STAGE_COLORS[stage]}
      radius="sm"
      tt="none"
      fw={600}
      size="md"
      styles={NO_ELLIPSIS}
    >
      {t(`candidacies.stages.${stage}`)}
    </Badge>
  );
}

interface EligibilityBadgeProps {
  status: EligibilityStatus | null;
  /** The coordinator's derogation, which wins over the computed status. */
  decision?: 'eligible' | 'ineligible' | null | undefined;
}

export function EligibilityBadge({ status, decision }: EligibilityBadgeProps) {
  const { t } = useTranslation();
  const effective = decision ?? status;
  if (!effective) {
    return (
      <Badge variant="dot" color="gray" radius="sm" tt="none" fw={500} styles={NO_ELLIPSIS}>
        {t('candidacies.eligibility.notEvaluated')}
      </Badge>
    );
  }
  return (
    <Badge
      variant="dot"
      color={ELIGIBILITY_COLORS[effective]}
      radius="sm"
      tt="none"
      fw={500}
      styles={NO_ELLIPSIS}
    >
      {t(`candidacies.eligibility.${effective}`)}
      {decision ? ` ${t('candidacies.eligibility.byDecision')}` : ''}
    </Badge>
  );
}
