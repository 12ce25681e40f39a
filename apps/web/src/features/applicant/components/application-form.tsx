import { Alert, Button, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { type FormErrors, useForm } from '@mantine/form';
import { calendarDateInParis } from '@passerelle/domain/calendar/paris-date';
import type { PublicSession } from '@passerelle/domain/session/public-session.schema';
import { IconAlertTriangle, IconCloudCheck } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  APPLICATION_STEPS,
  type DraftField,
  type FieldIssue,
  fieldErrorsFromProblem,
  stepOfField,
  validateApplication,
  validateStep,
} from '../../../components/application/application-rules';
import { ApplicationStepFields, fieldId } from '../../../components/application/application-step-fields';
import {
  type ApplicationDraftValues,
  toApplication,
} from '../../../components/application/application-values';
import { ErrorSummary, type SummaryItem } from '../../../components/application/error-summary';
import { isApiError, NETWORK_ERROR_STATUS } from '../../../lib/api-client';
import { describeError } from '../../../lib/problem-message';
import { useSubmitApplication } from '../api/submit-application';
import {
  type ApplicationSubmitted,
  clearDraft,
  createIdempotencyKey,
  loadDraft,
  saveDraft,
  saveSubmitted,
} from '../model/application-draft';

const FIELD_LABELS: Record<DraftField, string> = {
  firstName: 'firstName',
  lastName: 'lastName',
  birthDate: 'birthDate',
  gender: 'gender',
  email: 'email',
  phone: 'phone',
  employmentSituation: 'employmentSituation',
  rsaBeneficiary: 'rsaBeneficiary',
  guardianConsent: 'guardianConsent',
  street: 'street',
  postalCode: 'postalCode',
  inseeCode: 'commune',
  communeName: 'commune',
  isDomiciliation: 'isDomiciliation',
  highestLevel: 'highestLevel',
  jobSeekerRegistered: 'jobSeekerRegistered',
  jobSeekerBucket: 'jobSeekerBucket',
  franceTravailId: 'franceTravailId',
  motivation: 'motivation',
  sourceKind: 'sourceKind',
  sourceComment: 'sourceComment',
  consentAccepted: 'consentAccepted',
  futureContact: 'futureContact',
  website: 'website',
};

function describeIssue(issue: FieldIssue, t: TFunction): string {
  return t(`public.apply.errors.${issue.key}`, {
    defaultValue: t('public.apply.errors.invalid'),
    ...issue.params,
  });
}

function toFormErrors(issues: FieldIssue[], t: TFunction): FormErrors {
  return Object.fromEntries(issues.map((issue) => [issue.field, describeIssue(issue, t)]));
}

interface ApplicationFormProps {
  session: PublicSession;
  onSubmitted: (submitted: ApplicationSubmitted) => void;
}

/**
 * The multi-step application. Every keystroke is kept on the device (a reload or a lost connection
 * loses nothing); each step is checked with the shared schema before moving on; the one
 * Idempotency-Key kept with the draft makes a double click or a retry create one candidacy.
 */
export function ApplicationForm({ session, onSubmitted }: ApplicationFormProps) {
  const { t } = useTranslation();
  const today = calendarDateInParis(new Date());
  const [initialDraft] = useState(() => loadDraft(session.id));
  const [step, setStep] = useState(Math.min(initialDraft.step, APPLICATION_STEPS.length - 1));
  const [showSummary, setShowSummary] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const idempotencyKey = useRef(initialDraft.idempotencyKey);
  const stepRef = useRef(step);
  const isSubmitting = useRef(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const pendingFocus = useRef<'heading' | 'summary' | null>(null);
  const submitMutation = useSubmitApplication();

  const persist = (values: ApplicationDraftValues) =>
    saveDraft({
      sessionId: session.id,
      idempotencyKey: idempotencyKey.current,
      step: stepRef.current,
      values,
    });

  const form = useForm<ApplicationDraftValues>({
    initialValues: initialDraft.values,
    validateInputOnBlur: true,
    validate: (values) => toFormErrors(validateStep(values, stepRef.current, today), t),
    onValuesChange: (values) => persist(values),
  });

  // A field shown in error is re-checked as the person types, so the error goes as soon as it is fixed.
  const errorFields = Object.keys(form.errors) as DraftField[];
  const values = form.getValues();
  useEffect(() => {
    if (errorFields.length === 0) return;
    const current = new Map(
      validateStep(values, stepRef.current, today).map((issue) => [issue.field, issue]),
    );
    for (const field of errorFields) {
      const issue = current.get(field);
      if (!issue) form.clearFieldError(field);
    }
  });

  useEffect(() => {
    stepRef.current = step;
    persist(form.getValues());
  }, [step]);

  // Focus follows what changed: the new step's heading, or the summary of what to fix.
  useEffect(() => {
    const target = pendingFocus.current;
    if (!target) return;
    pendingFocus.current = null;
    if (target === 'heading') {
      window.scrollTo(0, 0);
      headingRef.current?.focus();
    } else {
      summaryRef.current?.focus();
      summaryRef.current?.scrollIntoView({ block: 'start' });
    }
  });

  const showErrors = (issues: FieldIssue[] | Map<DraftField, string>) => {
    const errors: FormErrors = issues instanceof Map ? Object.fromEntries(issues) : toFormErrors(issues, t);
    form.setErrors(errors);
    setShowSummary(true);
    pendingFocus.current = 'summary';
  };

  const goTo = (next: number) => {
    setShowSummary(false);
    setSubmitError(null);
    form.clearErrors();
    pendingFocus.current = 'heading';
    stepRef.current = next;
    setStep(next);
  };

  const handleNext = () => {
    const issues = validateStep(form.getValues(), step, today);
    if (issues.length > 0) return showErrors(issues);
    goTo(step + 1);
  };

  const handleSubmit = () => {
    if (isSubmitting.current) return;
    const current = form.getValues();
    const issues = validateApplication(current, today);
    const first = issues[0];
    if (first) {
      const firstStep = stepOfField(first.field);
      if (firstStep !== step) goTo(firstStep);
      showErrors(issues.filter((issue) => stepOfField(issue.field) === firstStep));
      return;
    }
    isSubmitting.current = true;
    setSubmitError(null);
    submitMutation.mutate(
      { sessionId: session.id, body: toApplication(current, today), idempotencyKey: idempotencyKey.current },
      {
        onSuccess: (receipt) => {
          const submitted: ApplicationSubmitted = {
            sessionId: session.id,
            candidacyId: receipt.candidacyId,
            submittedAt: new Date().toISOString(),
            contact: { email: current.email.trim(), phone: current.phone.trim() },
          };
          saveSubmitted(submitted);
          clearDraft(session.id);
          onSubmitted(submitted);
        },
        onError: (error) => {
          // A refusal (4xx) created nothing: the corrected application goes with a new key, since the
          // server keeps the first answer given to a key. A lost connection or a 5xx keeps the key.
          if (isApiError(error) && (error.status === 400 || error.status === 422)) {
            idempotencyKey.current = createIdempotencyKey();
            persist(form.getValues());
          }
          if (isApiError(error) && error.status === 400) {
            const byField = fieldErrorsFromProblem(error.problem.errors);
            byField.delete('website');
            const [firstField] = byField.keys();
            if (firstField) {
              const firstStep = stepOfField(firstField);
              if (firstStep !== step) goTo(firstStep);
              showErrors(new Map([...byField].filter(([field]) => stepOfField(field) === firstStep)));
              return;
            }
            setSubmitError(t('public.apply.refused'));
            return;
          }
          if (isApiError(error) && error.code === 'duplicate')
            return setSubmitError(t('public.apply.duplicate'));
          if (isApiError(error) && error.status === 409) return setSubmitError(t('public.apply.closed'));
          if (isApiError(error) && error.status === NETWORK_ERROR_STATUS)
            return setSubmitError(t('public.apply.offline'));
          setSubmitError(describeError(error, t));
        },
        onSettled: () => {
          isSubmitting.current = false;
        },
      },
    );
  };

  const stepId = APPLICATION_STEPS[step]?.id ?? 'identity';
  const isLast = step === APPLICATION_STEPS.length - 1;
  const summaryItems: SummaryItem[] = showSummary
    ? (Object.entries(form.errors) as [DraftField, string][])
        .filter(([, message]) => Boolean(message))
        .map(([field, message]) => ({
          id: fieldId(field),
          label: t(`public.fields.${FIELD_LABELS[field]}` as 'public.fields.firstName'),
          message,
        }))
    : [];

  return (
    <form
      noValidate
      aria-labelledby="application-step-title"
      onSubmit={(event) => {
        event.preventDefault();
        if (isLast) handleSubmit();
        else handleNext();
      }}
    >
      <Paper withBorder radius="md" p="md">
        <Stack gap="md">
          <div>
            <Text size="sm" fw={600} c="passerelle.8" id="application-progress">
              {t('public.apply.progress', { current: step + 1, total: APPLICATION_STEPS.length })}
            </Text>
            <Progress value={((step + 1) / APPLICATION_STEPS.length) * 100} size="sm" mt={6} aria-hidden />
          </div>
          <Title
            order={2}
            fz="xl"
            id="application-step-title"
            ref={headingRef}
            tabIndex={-1}
            className="step-heading"
          >
            {t(`public.apply.steps.${stepId}.title`)}
          </Title>
          <Text size="sm" c="dimmed" mt={-8}>
            {t(`public.apply.steps.${stepId}.hint`)}
          </Text>
          {summaryItems.length > 0 && <ErrorSummary ref={summaryRef} items={summaryItems} />}
          <ApplicationStepFields step={stepId} form={form} today={today} />
          {submitError && (
            <Alert color="red" variant="light" role="alert" icon={<IconAlertTriangle aria-hidden />}>
              {submitError}
            </Alert>
          )}
          <Group gap="sm" grow preventGrowOverflow={false} wrap="wrap-reverse">
            {step > 0 && (
              <Button variant="default" size="md" onClick={() => goTo(step - 1)} miw={120}>
                {t('public.apply.back')}
              </Button>
            )}
            <Button type="submit" size="md" loading={submitMutation.isPending} miw={160}>
              {isLast ? t('public.apply.submit') : t('public.apply.next')}
            </Button>
          </Group>
          <Group gap={6} wrap="nowrap">
            <IconCloudCheck size={16} color="var(--mantine-color-green-8)" aria-hidden />
            <Text size="xs" c="dimmed">
              {t('public.apply.savedOnDevice')}
            </Text>
          </Group>
        </Stack>
      </Paper>
    </form>
  );
}
