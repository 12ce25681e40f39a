import { List, Text } from '@mantine/core';
import type { PublicSession } from '@passerelle/domain/session/public-session.schema';
import { useTranslation } from 'react-i18next';

/** Who a session is for, in plain words, from its eligibility policy. */
export function SessionAudience({ eligibility }: { eligibility: PublicSession['eligibility'] }) {
  const { t } = useTranslation();
  const required = eligibility.criteria.filter((criterion) => criterion.isRequired);
  const others = eligibility.criteria.filter((criterion) => !criterion.isRequired);
  const ageText =
    eligibility.maxAge === null
      ? t('public.audience.minAge', { minAge: eligibility.minAge })
      : t('public.audience.ageRange', { minAge: eligibility.minAge, maxAge: eligibility.maxAge });

  return (
    <div>
      <Text size="sm">{ageText}</Text>
      {required.length > 0 && (
        <>
          <Text size="sm" mt={4}>
            {t('public.audience.required')}
          </Text>
          <List size="sm" spacing={2} withPadding>
            {required.map((criterion) => (
              <List.Item key={criterion.code}>{t(`public.criteria.${criterion.code}`)}</List.Item>
            ))}
          </List>
        </>
      )}
      {others.length > 0 && (
        <>
          <Text size="sm" mt={4}>
            {eligibility.minCriteria > 0
              ? t('public.audience.atLeast', { count: eligibility.minCriteria })
              : t('public.audience.priority')}
          </Text>
          <List size="sm" spacing={2} withPadding>
            {others.map((criterion) => (
              <List.Item key={criterion.code}>
                {t(`public.criteria.${criterion.code}`)}
                {criterion.sufficientAlone && ` ${t('public.audience.sufficientAlone')}`}
              </List.Item>
            ))}
          </List>
        </>
      )}
    </div>
  );
}
