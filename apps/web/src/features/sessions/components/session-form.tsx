import {
  ActionIcon,
  Alert,
  Button,
  type ComboboxItem,
  Group,
  MultiSelect,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { CRITERION_CODES } from '@passerelle/domain/eligibility/eligibility.schema';
import { formatMessage } from '@passerelle/domain/messages/messages';
import type { Session, TargetCriterion } from '@passerelle/domain/session/session.schema';
import { IconAlertCircle, IconPlus, IconRefresh, IconTrash } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../../components/ui/date-field';
import { isApiError } from '../../../lib/api-client';
import { isLocale, type Locale } from '../../../lib/i18n';
import { describeError } from '../../../lib/problem-message';
import { useCreateSession } from '../api/create-session';
import { useFabriqueTrainers } from '../api/get-fabrique-trainers';
import { usePolicyChoices } from '../api/get-policy-choices';
import { useProgramChoices } from '../api/get-program-choices';
import { getSessionQueryOptions } from '../api/get-session';
import { useUpdateSession } from '../api/update-session';
import {
  buildSessionPatch,
  emptySessionValues,
  formFieldOfPath,
  type SessionFormValues,
  sessionValuesFrom,
  toCreateSessionBody,
  validateSessionForm,
} from '../model/session-form';

const TARGET_CRITERIA: readonly TargetCriterion[] = ['any_priority', ...CRITERION_CODES];
const MAX_TARGETS = 20;

interface SessionFormProps {
  /** The session to edit; none to create one. */
  session?: Session;
  /** The fabriques the user may create a session in (create only). */
  fabriqueOptions: ComboboxItem[];
  onSaved: (session: Session) => void;
  onCancel: () => void;
}

function useLocale(): Locale {
  const { i18n } = useTranslation();
  return isLocale(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'fr';
}

/** A refusal's sentence: the API's own reason when it gives one in the reader's language. */
function describeRefusal(error: unknown, t: TFunction): string {
  if (isApiError(error) && (error.status === 409 || error.status === 422) && error.code !== 'stale_version') {
    const detail = error.problem.detail;
    if (detail) {
      const lead = error.code === 'conflict' ? t('errors.codes.conflict') : t('errors.codes.rule_violated');
      return `${lead} ${capitalise(detail)}.`;
    }
  }
  return describeError(error, t);
}

function capitalise(text: string) {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

/**
 * Creates or edits a session with the domain's CreateSession / UpdateSession rules. What was typed
 * stays when the server refuses; a stale version offers to reload the latest one.
 */
export function SessionForm({ session, fabriqueOptions, onSaved, onCancel }: SessionFormProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const queryClient = useQueryClient();
  const isCreate = !session;
  const [base, setBase] = useState(session);
  const [formError, setFormError] = useState<string | null>(null);
  const [isStale, setIsStale] = useState(false);
  const [isReloading, setIsReloading] = useState(false);
  const createMutation = useCreateSession();
  const updateMutation = useUpdateSession();
  const programsQuery = useProgramChoices();
  const policiesQuery = usePolicyChoices();

  const form = useForm<SessionFormValues>({
    initialValues: session
      ? sessionValuesFrom(session)
      : emptySessionValues(fabriqueOptions.length === 1 ? (fabriqueOptions[0]?.value ?? '') : ''),
    validate: (values) => validateSessionForm(values, { isCreate, t, locale }),
  });
  const values = form.getValues();
  const trainersQuery = useFabriqueTrainers(values.fabriqueId || null);

  const programOptions = (programsQuery.data ?? [])
    .filter((program) => program.fabriqueId === null || program.fabriqueId === values.fabriqueId)
    .map((program) => ({ value: program.id, label: program.title }));
  const policyOptions = (policiesQuery.data ?? []).map((policy) => ({
    value: policy.id,
    label: t('sessions.form.policyOption', { name: policy.name, version: policy.currentVersion }),
  }));
  const trainerOptions = (trainersQuery.data ?? []).map((trainer) => ({
    value: trainer.id,
    label: trainer.displayName,
  }));
  const criterionLabel = (criterion: TargetCriterion) => {
    const label =
      criterion === 'any_priority'
        ? t('composition.anyPriority')
        : formatMessage({ key: `criterion.${criterion}` }, locale);
    return capitalise(label);
  };
  const criterionOptions = TARGET_CRITERIA.map((criterion) => ({
    value: criterion,
    label: criterionLabel(criterion),
  }));

  const showServerErrors = (error: unknown) => {
    if (isApiError(error) && error.status === 400) {
      const fieldErrors: Record<string, string> = {};
      for (const [path, message] of Object.entries(error.bodyFieldErrors))
        fieldErrors[formFieldOfPath(path)] = message;
      form.setErrors(fieldErrors);
    }
    // What was typed stays in the form; the user decides when to load the newer version.
    if (isApiError(error) && (error.code === 'stale_version' || error.status === 412)) {
      setIsStale(true);
      setFormError(t('sessions.form.stale'));
      return;
    }
    setFormError(describeRefusal(error, t));
  };

  const reloadLatest = async () => {
    if (!base) return;
    setIsReloading(true);
    try {
      const latest = await queryClient.fetchQuery({ ...getSessionQueryOptions(base.id), staleTime: 0 });
      setBase(latest);
      form.setValues(sessionValuesFrom(latest));
      form.resetDirty(sessionValuesFrom(latest));
      form.clearErrors();
      setIsStale(false);
      setFormError(null);
    } catch (error) {
      setFormError(describeError(error, t));
    } finally {
      setIsReloading(false);
    }
  };

  const handleSubmit = form.onSubmit(
    (submitted) => {
      setFormError(null);
      if (!base) {
        createMutation.mutate(toCreateSessionBody(submitted) as Parameters<typeof createMutation.mutate>[0], {
          onSuccess: onSaved,
          onError: showServerErrors,
        });
        return;
      }
      const patch = buildSessionPatch(base, submitted);
      if (Object.keys(patch).length === 1) return onSaved(base);
      updateMutation.mutate({ id: base.id, body: patch }, { onSuccess: onSaved, onError: showServerErrors });
    },
    () => setFormError(t('sessions.form.fixErrors')),
  );

  const setProgram = (programId: string | null) => {
    form.setFieldValue('programId', programId ?? '');
    const program = programsQuery.data?.find((candidate) => candidate.id === programId);
    // A program brings its default policy; one already chosen is left alone.
    if (program?.defaultEligibilityPolicyId && !form.getValues().eligibilityPolicyId)
      form.setFieldValue('eligibilityPolicyId', program.defaultEligibilityPolicyId);
  };

  const isPending = createMutation.isPending || updateMutation.isPending;

  return (
    <form
      onSubmit={handleSubmit}
      noValidate
      aria-label={isCreate ? t('sessions.form.createTitle') : t('sessions.form.editTitle')}
    >
      <Stack gap="lg" maw={880}>
        {formError && (
          <Alert
            color={isStale ? 'orange' : 'red'}
            variant="light"
            role="alert"
            icon={<IconAlertCircle aria-hidden />}
          >
            <Text size="sm">{formError}</Text>
            {isStale && (
              <Button
                mt="sm"
                size="xs"
                variant="white"
                color="orange"
                leftSection={<IconRefresh size={14} aria-hidden />}
                loading={isReloading}
                onClick={() => void reloadLatest()}
              >
                {t('common.reloadLatest')}
              </Button>
            )}
          </Alert>
        )}

        <FormSection
          title={t('sessions.form.sections.program')}
          hint={t('sessions.form.sections.programHint')}
        >
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {isCreate ? (
              <Select
                label={t('sessions.form.fabrique')}
                required
                allowDeselect={false}
                data={fabriqueOptions}
                placeholder={t('sessions.form.choose')}
                {...form.getInputProps('fabriqueId')}
                onChange={(value) => {
                  form.setFieldValue('fabriqueId', value ?? '');
                  // Trainers belong to a fabrique: another fabrique starts with none.
                  form.setFieldValue('trainerIds', []);
                }}
              />
            ) : (
              <TextInput
                label={t('sessions.form.fabrique')}
                readOnly
                variant="filled"
                value={
                  fabriqueOptions.find((option) => option.value === values.fabriqueId)?.label ??
                  t('sessions.form.fabriqueFixed')
                }
                description={t('sessions.form.fabriqueFixedHint')}
              />
            )}
            <Select
              label={t('sessions.form.program')}
              required
              searchable
              data={programOptions}
              placeholder={programsQuery.isPending ? t('common.loading') : t('sessions.form.choose')}
              nothingFoundMessage={t('sessions.form.noProgram')}
              {...form.getInputProps('programId')}
              onChange={setProgram}
            />
          </SimpleGrid>
          <TextInput
            label={t('sessions.form.name')}
            description={t('sessions.form.nameHint')}
            required
            {...form.getInputProps('name')}
          />
          <Select
            label={t('sessions.form.policy')}
            description={t('sessions.form.policyHint')}
            required
            searchable
            data={policyOptions}
            placeholder={policiesQuery.isPending ? t('common.loading') : t('sessions.form.choose')}
            {...form.getInputProps('eligibilityPolicyId')}
          />
        </FormSection>

        <FormSection
          title={t('sessions.form.sections.calendar')}
          hint={t('sessions.form.sections.calendarHint')}
        >
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <DateField
              label={t('sessions.form.applicationOpensOn')}
              required
              {...form.getInputProps('applicationOpensOn')}
              value={form.values.applicationOpensOn}
            />
            <DateField
              label={t('sessions.form.applicationClosesOn')}
              required
              {...form.getInputProps('applicationClosesOn')}
              value={form.values.applicationClosesOn}
            />
            <DateField
              label={t('sessions.form.startDate')}
              required
              {...form.getInputProps('startDate')}
              value={form.values.startDate}
            />
            <DateField
              label={t('sessions.form.endDate')}
              required
              {...form.getInputProps('endDate')}
              value={form.values.endDate}
            />
          </SimpleGrid>
        </FormSection>

        <FormSection title={t('sessions.form.sections.places')} hint={t('sessions.form.sections.placesHint')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NumberInput
              label={t('sessions.form.capacity')}
              description={t('sessions.form.capacityHint')}
              required
              allowDecimal={false}
              allowNegative={false}
              {...form.getInputProps('capacity')}
            />
            <NumberInput
              label={t('sessions.form.autoCloseAfterDays')}
              description={t('sessions.form.autoCloseAfterDaysHint')}
              required
              allowDecimal={false}
              allowNegative={false}
              {...form.getInputProps('autoCloseAfterDays')}
            />
          </SimpleGrid>
          <MultiSelect
            label={t('sessions.form.trainers')}
            description={
              values.fabriqueId
                ? trainerOptions.length === 0 && trainersQuery.isSuccess
                  ? t('sessions.form.noTrainers')
                  : t('sessions.form.trainersHint')
                : t('sessions.form.trainersNeedFabrique')
            }
            placeholder={trainerOptions.length > 0 ? t('sessions.form.choose') : undefined}
            disabled={!values.fabriqueId || trainerOptions.length === 0}
            searchable
            data={trainerOptions}
            {...form.getInputProps('trainerIds')}
          />
        </FormSection>

        <FormSection
          title={t('sessions.form.sections.targets')}
          hint={t('sessions.form.sections.targetsHint')}
        >
          {values.targets.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('sessions.form.noTargets')}
            </Text>
          )}
          {values.targets.map((_, index) => (
            <Group key={index} align="flex-start" gap="sm" wrap="nowrap">
              <Select
                label={t('sessions.form.targetCriterion')}
                required
                allowDeselect={false}
                data={criterionOptions}
                placeholder={t('sessions.form.choose')}
                style={{ flex: 1 }}
                {...form.getInputProps(`targets.${index}.criterion`)}
              />
              <NumberInput
                label={t('sessions.form.targetPercent')}
                required
                min={0}
                max={100}
                suffix=" %"
                allowNegative={false}
                decimalScale={1}
                w={160}
                {...form.getInputProps(`targets.${index}.percent`)}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                size="lg"
                mt={26}
                aria-label={t('sessions.form.removeTarget', { index: index + 1 })}
                onClick={() => form.removeListItem('targets', index)}
              >
                <IconTrash size={18} aria-hidden />
              </ActionIcon>
            </Group>
          ))}
          {values.targets.length < MAX_TARGETS && (
            <Group>
              <Button
                variant="light"
                size="sm"
                leftSection={<IconPlus size={16} aria-hidden />}
                onClick={() => form.insertListItem('targets', { criterion: '', percent: '' })}
              >
                {t('sessions.form.addTarget')}
              </Button>
            </Group>
          )}
        </FormSection>

        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={isPending}>
            {isCreate ? t('sessions.form.create') : t('sessions.form.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function FormSection({ title, hint, children }: { title: string; hint: string; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="lg" component="section">
      <Stack gap="md">
        <div>
          <Title order={2} fz="lg">
            {title}
          </Title>
          <Text size="sm" c="dimmed">
            {hint}
          </Text>
        </div>
        {children}
      </Stack>
    </Paper>
  );
}
