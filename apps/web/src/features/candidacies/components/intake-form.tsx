import { Alert, Button, type ComboboxItem, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { type FormErrors, useForm } from '@mantine/form';
import type { IntakeResult } from '@passerelle/domain/application/application.schema';
import { calendarDateInParis } from '@passerelle/domain/calendar/paris-date';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  APPLICATION_STEPS,
  type DraftField,
  type FieldIssue,
  fieldErrorsFromProblem,
  validateApplication,
} from '../../../components/application/application-rules';
import { ApplicationStepFields, fieldId } from '../../../components/application/application-step-fields';
import {
  type ApplicationDraftValues,
  EMPTY_DRAFT_VALUES,
  toApplication,
} from '../../../components/application/application-values';
import { ErrorSummary, type SummaryItem } from '../../../components/application/error-summary';
import { isApiError } from '../../../lib/api-client';
import { describeError } from '../../../lib/problem-message';
import { useCreateCandidacy } from '../api/create-candidacy';

const SESSION_FIELD_ID = 'intake-sessionId';

// The consent step's honeypot is for bots on the public form; a coordinator's form has none to fill.
const INTAKE_STEPS = APPLICATION_STEPS;

function createIntakeKey(): string {
  return `intake-${crypto.randomUUID()}`;
}

function describeIssue(issue: FieldIssue, t: TFunction): string {
  return t(`public.apply.errors.${issue.key}` as 'public.apply.errors.invalid', {
    defaultValue: t('public.apply.errors.invalid'),
    ...issue.params,
  });
}

interface IntakeFormProps {
  sessionOptions: ComboboxItem[];
  initialSessionId?: string | undefined;
  onCreated: (result: IntakeResult) => void;
  onCancel: () => void;
}

/**
 * A coordinator records an application taken by phone or at the desk: the public form's fields and
 * rules (the shared `ApplicationSchema`), the session, and how the person came. One Idempotency-Key per
 * intake makes a double click or a retry create one candidacy.
 */
export function IntakeForm({ sessionOptions, initialSessionId, onCreated, onCancel }: IntakeFormProps) {
  const { t } = useTranslation();
  const today = calendarDateInParis(new Date());
  const [sessionId, setSessionId] = useState(initialSessionId ?? '');
  const [sessionError, setSessionError] = useState<string | null>(null);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [showSummary, setShowSummary] = useState(false);
  const idempotencyKey = useRef(createIntakeKey());
  const summaryRef = useRef<HTMLDivElement>(null);
  const createMutation = useCreateCandidacy();

  const form = useForm<ApplicationDraftValues>({
    initialValues: { ...EMPTY_DRAFT_VALUES },
    validateInputOnBlur: true,
    validate: (values) =>
      Object.fromEntries(
        validateApplication(values, today).map((issue) => [issue.field, describeIssue(issue, t)]),
      ),
  });

  // A field shown in error is re-checked as the coordinator types (an e-mail error goes once a phone
  // is given), so that the list of what to fix stays true.
  const errorFields = Object.keys(form.errors) as DraftField[];
  const currentValues = form.getValues();
  useEffect(() => {
    if (errorFields.length === 0) return;
    const current = new Set(validateApplication(currentValues, today).map((issue) => issue.field));
    for (const field of errorFields) if (!current.has(field)) form.clearFieldError(field);
  });

  const showErrors = (errors: FormErrors, missingSession: boolean) => {
    form.setErrors(errors);
    setSessionError(missingSession ? t('intake.sessionRequired') : null);
    setShowSummary(true);
    requestAnimationFrame(() => {
      summaryRef.current?.focus();
      summaryRef.current?.scrollIntoView({ block: 'start' });
    });
  };

  const handleSubmit = () => {
    if (createMutation.isPending) return;
    setSubmitError(null);
    const values = form.getValues();
    const issues = validateApplication(values, today);
    if (issues.length > 0 || !sessionId) {
      showErrors(
        Object.fromEntries(issues.map((issue) => [issue.field, describeIssue(issue, t)])),
        !sessionId,
      );
      return;
    }
    setShowSummary(false);
    setSessionError(null);
    const application = toApplication(values, today);
    createMutation.mutate(
      {
        body: {
          ...application,
          sessionId,
          // The public form's answer is required here too: it says how the person came.
          source: application.source ?? { kind: 'other' },
        },
        idempotencyKey: idempotencyKey.current,
      },
      {
        onSuccess: (result) => {
          idempotencyKey.current = createIntakeKey();
          onCreated(result);
        },
        onError: (error) => {
          // A refusal created nothing: the corrected intake goes with a new key (the server keeps the
          // first answer given to a key). A lost connection or a 5xx keeps the key for the retry.
          if (isApiError(error) && error.status >= 400 && error.status < 500)
            idempotencyKey.current = createIntakeKey();
          if (isApiError(error) && error.status === 400) {
            const byField = fieldErrorsFromProblem(error.problem.errors);
            const sessionProblem = error.problem.errors?.find((entry) => entry.path === 'body.sessionId');
            byField.delete('website');
            if (byField.size > 0 || sessionProblem) {
              showErrors(Object.fromEntries(byField), false);
              if (sessionProblem) setSessionError(sessionProblem.message);
              return;
            }
          }
          if (isApiError(error) && error.code === 'duplicate')
            return setSubmitError(t('intake.duplicateOpen'));
          if (isApiError(error) && error.status === 404) return setSubmitError(t('intake.sessionGone'));
          if (isApiError(error) && error.status === 409)
            return setSubmitError(t('intake.sessionClosed', { reason: error.problem.detail ?? '' }));
          setSubmitError(describeError(error, t));
        },
      },
    );
  };

  const labelOf = (field: DraftField) =>
    t(
      `public.fields.${field === 'inseeCode' || field === 'communeName' ? 'commune' : field}` as 'public.fields.firstName',
    );
  const summaryItems: SummaryItem[] = showSummary
    ? [
        ...(sessionError
          ? [{ id: SESSION_FIELD_ID, label: t('intake.session'), message: sessionError }]
          : []),
        ...(Object.entries(form.errors) as [DraftField, string][])
          .filter(([, message]) => Boolean(message))
          .map(([field, message]) => ({ id: fieldId(field), label: labelOf(field), message })),
      ]
    : [];

  return (
    <form
      noValidate
      aria-label={t('intake.title')}
      onSubmit={(event) => {
        event.preventDefault();
        handleSubmit();
      }}
    >
      <Stack gap="lg" maw={760}>
        {summaryItems.length > 0 && <ErrorSummary ref={summaryRef} items={summaryItems} />}
        <Paper withBorder radius="md" p="lg" component="section">
          <Stack gap="md">
            <div>
              <Title order={2} fz="lg">
                {t('intake.sections.session')}
              </Title>
              <Text size="sm" c="dimmed">
                {t('intake.sections.sessionHint')}
              </Text>
            </div>
            <Select
              id={SESSION_FIELD_ID}
              label={t('intake.session')}
              required
              searchable
              allowDeselect={false}
              placeholder={t('sessions.form.choose')}
              nothingFoundMessage={t('intake.noSession')}
              data={sessionOptions}
              value={sessionId || null}
              error={sessionError}
              onChange={(value) => {
                setSessionId(value ?? '');
                setSessionError(null);
              }}
            />
          </Stack>
        </Paper>
        {INTAKE_STEPS.map((step) => (
          <Paper key={step.id} withBorder radius="md" p="lg" component="section">
            <Stack gap="md">
              <Title order={2} fz="lg">
                {t(`intake.sections.${step.id}`)}
              </Title>
              <ApplicationStepFields step={step.id} form={form} today={today} />
            </Stack>
          </Paper>
        ))}
        {submitError && (
          <Alert color="red" variant="light" role="alert" icon={<IconAlertTriangle aria-hidden />}>
            {submitError}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={createMutation.isPending}>
            {t('intake.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
