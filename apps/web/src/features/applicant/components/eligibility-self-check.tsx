import { Alert, Button, NativeSelect, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { calendarDateInParis } from '@passerelle/domain/calendar/paris-date';
import { IconInfoCircle } from '@tabler/icons-react';
import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { isMinor } from '../../../components/application/application-rules';
import {
  bucketOptions,
  diplomaOptions,
  genderOptions,
  situationOptions,
  yesNoOptions,
} from '../../../components/application/choice-options';
import { ChoiceRadios } from '../../../components/application/choice-radios';
import { ErrorState } from '../../../components/ui/error-state';
import { currentLocale } from '../../../lib/i18n';
import { useCheckEligibility } from '../api/check-eligibility';
import { usePublicSessions } from '../api/get-public-sessions';
import {
  EMPTY_SELF_CHECK,
  previewEligibility,
  type SelfCheckAnswers,
  toEligibilityCheck,
} from '../model/self-check';
import { sortVerdicts, verdictFromEvaluation, verdictsFromCheckResult } from '../model/verdict';
import { SessionVerdictCard } from './session-verdict-card';

/**
 * "Am I eligible?": the answers run through the eligibility engine in the browser at once (a
 * preview), and through the server's check on request (the answer). Nothing is stored.
 */
export function EligibilitySelfCheck() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const today = calendarDateInParis(new Date());
  const sessionsQuery = usePublicSessions();
  const checkMutation = useCheckEligibility();
  const checkedInput = useRef<string | null>(null);
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  const form = useForm<SelfCheckAnswers>({
    initialValues: EMPTY_SELF_CHECK,
    validate: {
      birthDate: (value) => {
        if (!value.trim()) return null;
        return toEligibilityCheck({ ...EMPTY_SELF_CHECK, birthDate: value }, today).birthDate
          ? null
          : t('public.apply.errors.birth_date_invalid');
      },
      postalCode: (value) =>
        !value.trim() || /^\d{5}$/.test(value.trim()) ? null : t('public.apply.errors.postal_code_invalid'),
    },
  });
  const answers = form.getValues();
  const input = toEligibilityCheck(form.values, today);
  const inputKey = JSON.stringify(input);
  const sessions = sessionsQuery.data?.data ?? [];
  const sessionById = new Map(sessions.map((session) => [session.id, session]));

  const serverResult = checkMutation.data && checkedInput.current === inputKey ? checkMutation.data : null;
  const verdicts = useMemo(() => {
    if (serverResult) return sortVerdicts(verdictsFromCheckResult(serverResult, locale));
    return sortVerdicts(
      sessions.map((session) =>
        verdictFromEvaluation(session.id, previewEligibility(session, form.values, today), locale),
      ),
    );
  }, [serverResult, sessions, form.values, today, locale]);
  const fitting = verdicts.filter((verdict) => verdict.status !== 'ineligible').length;

  const handleSubmit = form.onSubmit(() => {
    checkedInput.current = inputKey;
    checkMutation.mutate(input, {
      onSuccess: () => resultsHeading.current?.focus(),
    });
  });

  return (
    <Stack gap="lg">
      <form onSubmit={handleSubmit} noValidate aria-labelledby="self-check-form-title">
        <Paper withBorder radius="md" p="md">
          <Stack gap="md">
            <Title order={2} fz="lg" id="self-check-form-title">
              {t('public.check.formTitle')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('public.check.formHint')}
            </Text>
            <TextInput
              size="md"
              label={t('public.fields.birthDate')}
              description={t('public.fields.birthDateHint')}
              placeholder={t('public.fields.birthDatePlaceholder')}
              inputMode="numeric"
              autoComplete="bday"
              {...form.getInputProps('birthDate')}
            />
            {isMinor(answers.birthDate, today) && (
              <ChoiceRadios
                id="check-guardianConsent"
                name="guardianConsent"
                label={t('public.fields.guardianConsent')}
                options={yesNoOptions(t)}
                {...form.getInputProps('guardianConsent')}
              />
            )}
            <ChoiceRadios
              id="check-gender"
              name="gender"
              label={t('public.fields.gender')}
              description={t('public.fields.genderHint')}
              options={genderOptions(t)}
              {...form.getInputProps('gender')}
            />
            <NativeSelect
              size="md"
              label={t('public.fields.highestLevel')}
              data={diplomaOptions(t)}
              {...form.getInputProps('highestLevel')}
            />
            <TextInput
              size="md"
              label={t('public.fields.postalCode')}
              description={t('public.check.postalCodeHint')}
              inputMode="numeric"
              autoComplete="postal-code"
              maxLength={5}
              {...form.getInputProps('postalCode')}
            />
            <NativeSelect
              size="md"
              label={t('public.fields.employmentSituation')}
              data={situationOptions(t)}
              {...form.getInputProps('employmentSituation')}
            />
            <ChoiceRadios
              id="check-jobSeekerRegistered"
              name="jobSeekerRegistered"
              label={t('public.fields.jobSeekerRegistered')}
              options={yesNoOptions(t)}
              {...form.getInputProps('jobSeekerRegistered')}
            />
            {answers.jobSeekerRegistered === 'yes' && (
              <NativeSelect
                size="md"
                label={t('public.fields.jobSeekerBucket')}
                data={bucketOptions(t)}
                {...form.getInputProps('jobSeekerBucket')}
              />
            )}
            <ChoiceRadios
              id="check-rsaBeneficiary"
              name="rsaBeneficiary"
              label={t('public.fields.rsaBeneficiary')}
              options={yesNoOptions(t)}
              {...form.getInputProps('rsaBeneficiary')}
            />
            <Button type="submit" size="md" fullWidth loading={checkMutation.isPending}>
              {t('public.check.submit')}
            </Button>
          </Stack>
        </Paper>
      </form>

      <section aria-labelledby="self-check-results">
        <Title order={2} fz="xl" id="self-check-results" ref={resultsHeading} tabIndex={-1}>
          {t('public.check.resultsTitle')}
        </Title>
        <Text size="sm" mt={4} role="status" data-testid="self-check-summary">
          {sessions.length === 0 && !serverResult
            ? t('public.check.noSessions')
            : t('public.check.summary', { count: fitting, total: verdicts.length })}{' '}
          {serverResult ? t('public.check.sourceServer') : t('public.check.sourceLocal')}
        </Text>
        <Alert variant="light" color="passerelle" icon={<IconInfoCircle aria-hidden />} mt="sm">
          <Text size="sm">{t('public.check.disclaimer')}</Text>
        </Alert>
        {checkMutation.isError && (
          <div style={{ marginTop: 12 }}>
            <ErrorState error={checkMutation.error} onRetry={() => handleSubmit()} />
          </div>
        )}
        {sessionsQuery.isError && (
          <div style={{ marginTop: 12 }}>
            <ErrorState error={sessionsQuery.error} onRetry={() => void sessionsQuery.refetch()} />
          </div>
        )}
        <Stack gap="md" mt="md">
          {verdicts.map((verdict) => {
            const session = sessionById.get(verdict.sessionId);
            return (
              <SessionVerdictCard
                key={verdict.sessionId}
                verdict={verdict}
                source={serverResult ? 'server' : 'local'}
                session={{
                  id: verdict.sessionId,
                  name: session?.name ?? '',
                  title: session?.program.title ?? session?.name ?? '',
                  city: session?.fabrique.city ?? '',
                }}
              />
            );
          })}
        </Stack>
      </section>
    </Stack>
  );
}
