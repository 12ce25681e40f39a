import { Badge } from '@mantine/core';
import type { FollowUpStatus, Situation } from '@passerelle/domain/follow-up/follow-up.schema';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';

const STATUS_COLORS: Record<FollowUpStatus, string> = {
  upcoming: 'gray',
  due: 'blue',
  overdue: 'red',
  recorded: 'teal',
};

export function FollowUpStatusBadge({ status }: { status: FollowUpStatus }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={STATUS_COLORS[status]}
      variant="dot"
      radius="sm"
      tt="none"
      fw={600}
      styles={{ label: { overflow: 'visible' } }}
    >
      {t(`followUps.statuses.${status}`)}
    </Badge>
  );
}

/** "CDD (8 mois)", "Stage avec promesse d’embauche", "En recherche d’emploi" … */
export function describeSituation(situation: Situation, t: TFunction): string {
  const label =
    situation.kind === 'job_seeking' || situation.kind === 'inactive' || situation.kind === 'unknown'
      ? t(`followUps.situations.${situation.kind}`)
      : t(`placements.kinds.${situation.kind}`);
  const details: string[] = [];
  if (situation.durationMonths) details.push(t('placements.months', { count: situation.durationMonths }));
  if (situation.hasHiringPromise) details.push(t('placements.withHiringPromise'));
  if (situation.isQualifyingTraining !== null && situation.kind === 'further_training') {
    details.push(situation.isQualifyingTraining ? t('placements.qualifying') : t('placements.notQualifying'));
  }
  return details.length > 0 ? `${label} (${details.join(', ')})` : label;
}
