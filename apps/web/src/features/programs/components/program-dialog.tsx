import {
  Alert,
  Button,
  type ComboboxItem,
  Group,
  Modal,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { formatMessage, isMessageKey } from '@passerelle/domain/messages/messages';
import {
  CreateProgramSchema,
  PROGRAM_KINDS,
  type Program,
  type ProgramKind,
  ProgramKindSchema,
  type UpdateProgram,
  UpdateProgramSchema,
} from '@passerelle/domain/program/program.schema';
import { IconAlertCircle, IconRefresh } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { notifySuccess } from '../../../components/ui/notify';
import { isApiError } from '../../../lib/api-client';
import { applyProblemToForm, type IssueMessage, validateWithSchema } from '../../../lib/form-validation';
import { isLocale } from '../../../lib/i18n';
import { useCreateProgram } from '../api/create-program';
import { getProgramQueryOptions } from '../api/get-program';
import { useUpdateProgram } from '../api/update-program';

export interface ProgramFormValues {
  title: string;
  kind: ProgramKind;
  rncpCode: string;
  rncpLevel: number | string;
  durationHours: number | string;
  defaultEligibilityPolicyId: string;
  /** Only when creating: '' for a network-wide program. */
  fabriqueId: string;
}

const EMPTY_VALUES: ProgramFormValues = {
  title: '',
  kind: 'qualifying_free',
  rncpCode: '',
  rncpLevel: '',
  durationHours: '',
  defaultEligibilityPolicyId: '',
  fabriqueId: '',
};

function valuesFrom(program: Program): ProgramFormValues {
  return {
    title: program.title,
    kind: program.kind,
    rncpCode: program.rncpCode ?? '',
    rncpLevel: program.rncpLevel ?? '',
    durationHours: program.durationHours,
    defaultEligibilityPolicyId: program.defaultEligibilityPolicyId ?? '',
    fabriqueId: program.fabriqueId ?? '',
  };
}

const toNumberOrNull = (value: number | string) =>
  value === '' ? null : typeof value === 'number' ? value : Number(value);

/** The program the form describes; a qualifying program has no RNCP certification. */
export function toProgramBody(values: ProgramFormValues) {
  const isCertifying = values.kind === 'certifying_paid';
  return {
    title: values.title.trim(),
    kind: values.kind,
    rncpCode: isCertifying ? values.rncpCode.trim().toUpperCase() || null : null,
    rncpLevel: isCertifying ? toNumberOrNull(values.rncpLevel) : null,
    durationHours: toNumberOrNull(values.durationHours) ?? Number.NaN,
    defaultEligibilityPolicyId: values.defaultEligibilityPolicyId || null,
  };
}

/** Only what changed, with the version the form was loaded at; the certification travels whole. */
export function buildProgramPatch(base: Program, values: ProgramFormValues): UpdateProgram {
  const body = toProgramBody(values);
  const patch: UpdateProgram = { version: base.version };
  if (body.title !== base.title) patch.title = body.title;
  if (body.durationHours !== base.durationHours) patch.durationHours = body.durationHours;
  if (body.defaultEligibilityPolicyId !== base.defaultEligibilityPolicyId)
    patch.defaultEligibilityPolicyId = body.defaultEligibilityPolicyId;
  if (body.kind !== base.kind || body.rncpCode !== base.rncpCode || body.rncpLevel !== base.rncpLevel) {
    patch.kind = body.kind;
    if (body.rncpCode !== null) patch.rncpCode = body.rncpCode;
    if (body.rncpLevel !== null) patch.rncpLevel = body.rncpLevel;
  }
  return patch;
}

/** Domain rules come with a catalogue key (e.g. `program.rncp_required`): say them in the user's words. */
function describeProgramIssue(t: TFunction, locale: 'fr' | 'en'): IssueMessage {
  return (issue: z.core.$ZodIssue, field: string) => {
    if (isMessageKey(issue.message)) return formatMessage({ key: issue.message }, locale);
    if (field === 'rncpCode' && issue.code === 'invalid_format') return t('programs.fields.rncpCodeInvalid');
    return undefined;
  };
}

interface ProgramDialogProps {
  opened: boolean;
  /** The program to edit; null to create one. */
  program: Program | null;
  onClose: () => void;
  policyOptions: ComboboxItem[];
  fabriqueOptions: ComboboxItem[];
}

export function ProgramDialog({
  opened,
  program,
  onClose,
  policyOptions,
  fabriqueOptions,
}: ProgramDialogProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={program ? t('programs.editTitle') : t('programs.createTitle')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {opened && (
        <ProgramForm
          key={program?.id ?? 'new'}
          program={program}
          onClose={onClose}
          policyOptions={policyOptions}
          fabriqueOptions={fabriqueOptions}
        />
      )}
    </Modal>
  );
}

function ProgramForm({
  program,
  onClose,
  policyOptions,
  fabriqueOptions,
}: Omit<ProgramDialogProps, 'opened'>) {
  const { t, i18n } = useTranslation();
  const locale = isLocale(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'fr';
  const queryClient = useQueryClient();
  const createMutation = useCreateProgram();
  const updateMutation = useUpdateProgram();
  const [base, setBase] = useState(program);
  const [formError, setFormError] = useState<string | null>(null);
  const [isStale, setIsStale] = useState(false);
  const form = useForm<ProgramFormValues>({
    initialValues: program ? valuesFrom(program) : EMPTY_VALUES,
    validate: (values) =>
      validateWithSchema(
        base ? UpdateProgramSchema : CreateProgramSchema,
        base ? toProgramBody(values) : { ...toProgramBody(values), fabriqueId: values.fabriqueId || null },
        t,
        describeProgramIssue(t, locale),
      ),
  });
  const isCertifying = form.values.kind === 'certifying_paid';

  const reloadLatest = async () => {
    if (!base) return;
    try {
      const latest = await queryClient.fetchQuery({ ...getProgramQueryOptions(base.id), staleTime: 0 });
      setBase(latest);
      form.setValues(valuesFrom(latest));
      form.resetDirty(valuesFrom(latest));
      setIsStale(false);
      setFormError(null);
    } catch (error) {
      setFormError(applyProblemToForm(error, form, t));
    }
  };

  const onError = (error: unknown) => {
    const stale = isApiError(error) && (error.code === 'stale_version' || error.status === 412);
    setIsStale(stale);
    setFormError(applyProblemToForm(error, form, t));
  };

  const handleSubmit = form.onSubmit((values) => {
    setFormError(null);
    if (!base) {
      createMutation.mutate(
        { ...toProgramBody(values), fabriqueId: values.fabriqueId || null },
        {
          onSuccess: (created) => {
            notifySuccess(t('programs.created', { title: created.title }));
            onClose();
          },
          onError,
        },
      );
      return;
    }
    const patch = buildProgramPatch(base, values);
    if (Object.keys(patch).length === 1) {
      onClose();
      return;
    }
    updateMutation.mutate(
      { id: base.id, body: patch },
      {
        onSuccess: (updated) => {
          notifySuccess(t('programs.updated', { title: updated.title }));
          onClose();
        },
        onError,
      },
    );
  });

  return (
    <form onSubmit={handleSubmit} noValidate>
      <Stack gap="md">
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
                onClick={() => void reloadLatest()}
              >
                {t('common.reloadLatest')}
              </Button>
            )}
          </Alert>
        )}
        <TextInput
          label={t('programs.fields.title')}
          required
          data-autofocus
          {...form.getInputProps('title')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={t('programs.fields.kind')}
            required
            data={PROGRAM_KINDS.map((kind) => ({ value: kind, label: t(`programs.kinds.${kind}`) }))}
            {...form.getInputProps('kind')}
            onChange={(event) => {
              const parsed = ProgramKindSchema.safeParse(event.currentTarget.value);
              if (parsed.success) form.setFieldValue('kind', parsed.data);
            }}
          />
          <NumberInput
            label={t('programs.fields.durationHours')}
            required
            min={1}
            max={5000}
            allowDecimal={false}
            suffix={t('programs.fields.hoursSuffix')}
            {...form.getInputProps('durationHours')}
          />
          {isCertifying && (
            <>
              <TextInput
                label={t('programs.fields.rncpCode')}
                description={t('programs.fields.rncpCodeHint')}
                required
                autoComplete="off"
                {...form.getInputProps('rncpCode')}
              />
              <NativeSelect
                label={t('programs.fields.rncpLevel')}
                required
                data={[
                  { value: '', label: t('programs.fields.pickLevel') },
                  ...[3, 4, 5, 6, 7, 8].map((level) => ({
                    value: String(level),
                    label: formatMessage({ key: `diploma_level.${level}` }, locale),
                  })),
                ]}
                value={String(form.values.rncpLevel)}
                error={form.errors.rncpLevel}
                onChange={(event) => {
                  const { value } = event.currentTarget;
                  form.setFieldValue('rncpLevel', value === '' ? '' : Number(value));
                }}
              />
            </>
          )}
          <NativeSelect
            label={t('programs.fields.defaultPolicy')}
            description={t('programs.fields.defaultPolicyHint')}
            data={[{ value: '', label: t('programs.fields.noPolicy') }, ...policyOptions]}
            {...form.getInputProps('defaultEligibilityPolicyId')}
          />
          {!base && (
            <NativeSelect
              label={t('programs.fields.fabrique')}
              description={t('programs.fields.fabriqueHint')}
              data={[{ value: '', label: t('programs.networkWide') }, ...fabriqueOptions]}
              {...form.getInputProps('fabriqueId')}
            />
          )}
        </SimpleGrid>
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={createMutation.isPending || updateMutation.isPending}>
            {base ? t('programs.save') : t('programs.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
