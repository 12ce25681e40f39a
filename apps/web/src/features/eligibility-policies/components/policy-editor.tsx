import {
  Alert,
  Button,
  Card,
  Checkbox,
  Group,
  List,
  NativeSelect,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { JOB_SEEKER_CATEGORIES } from '@passerelle/domain/candidate/candidate.schema';
import {
  CRITERION_CODES,
  type Criteria,
  type CriterionCode,
  REFERENCE_DATE_CHOICES,
  ReferenceDateChoiceSchema,
} from '@passerelle/domain/eligibility/eligibility.schema';
import type { EligibilityPolicyResource } from '@passerelle/domain/eligibility/eligibility-policy-resource.schema';
import { formatMessage } from '@passerelle/domain/messages/messages';
import { IconAlertCircle, IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../../components/ui/notify';
import { isApiError } from '../../../lib/api-client';
import { isLocale } from '../../../lib/i18n';
import { describeError } from '../../../lib/problem-message';
import { getEligibilityPolicyQueryOptions } from '../api/get-eligibility-policy';
import { useUpdateEligibilityPolicy } from '../api/update-eligibility-policy';
import {
  buildPolicyUpdate,
  checkPolicyDraft,
  draftFromPolicy,
  isDraftChanged,
  issuesForField,
  type PolicyDraft,
  setRequired,
} from './policy-draft';

interface PolicyEditorProps {
  policy: EligibilityPolicyResource;
  onSaved?: ((policy: EligibilityPolicyResource) => void) | undefined;
}

// Descriptions under the inputs keep the inputs of a row aligned whatever their hints' length.
const DESCRIPTION_BELOW = ['label', 'input', 'description', 'error'] as (
  | 'label'
  | 'input'
  | 'description'
  | 'error'
)[];

/** A number input's value: an emptied field is `NaN`, which the check reports as required. */
function toNumber(value: number | string): number {
  if (typeof value === 'number') return value;
  return value.trim() === '' ? Number.NaN : Number(value);
}

function shown(value: number | null): number | string {
  return value === null || Number.isNaN(value) ? '' : value;
}

/**
 * Edits a policy's criteria and rule. The domain's own validator runs on every change, so an impossible
 * or contradictory policy is explained before anything is sent; saving makes the next version.
 */
export function PolicyEditor({ policy, onSaved }: PolicyEditorProps) {
  const { t, i18n } = useTranslation();
  const locale = isLocale(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'fr';
  const queryClient = useQueryClient();
  const updateMutation = useUpdateEligibilityPolicy();
  const [base, setBase] = useState(policy);
  const [draft, setDraft] = useState<PolicyDraft>(() => draftFromPolicy(policy));
  const [formError, setFormError] = useState<string | null>(null);
  const [isStale, setIsStale] = useState(false);
  const [hasTriedSaving, setHasTriedSaving] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const summaryId = useId();

  const check = checkPolicyDraft(draft, t, locale);
  const fieldError = (path: string) =>
    (hasTriedSaving ? check.fieldErrors[path] : undefined) as string | undefined;
  const isChanged = isDraftChanged(draft, base);
  const label = (code: CriterionCode) => {
    const text = formatMessage({ key: `criterion.${code}` }, locale);
    return text.charAt(0).toLocaleUpperCase() + text.slice(1);
  };

  const setCriterion = <Code extends CriterionCode>(code: Code, patch: Partial<Criteria[Code]>) =>
    setDraft((current) => ({
      ...current,
      criteria: { ...current.criteria, [code]: { ...current.criteria[code], ...patch } },
    }));

  const reloadLatest = async () => {
    try {
      const latest = await queryClient.fetchQuery({
        ...getEligibilityPolicyQueryOptions(policy.id),
        staleTime: 0,
      });
      setBase(latest);
      setDraft(draftFromPolicy(latest));
      setIsStale(false);
      setFormError(null);
    } catch (error) {
      setFormError(describeError(error, t));
    }
  };

  const save = () => {
    setHasTriedSaving(true);
    setFormError(null);
    if (Object.keys(check.fieldErrors).length > 0 || check.policyIssues.length > 0) {
      summaryRef.current?.focus();
      return;
    }
    if (!isChanged) {
      setFormError(t('policies.editor.unchanged'));
      return;
    }
    updateMutation.mutate(
      { id: base.id, body: buildPolicyUpdate(draft, base.currentVersion) },
      {
        onSuccess: (saved) => {
          notifySuccess(t('policies.editor.saved', { version: saved.currentVersion }));
          setBase(saved);
          setDraft(draftFromPolicy(saved));
          setHasTriedSaving(false);
          onSaved?.(saved);
        },
        onError: (error) => {
          const stale = isApiError(error) && (error.code === 'stale_version' || error.status === 412);
          setIsStale(stale);
          setFormError(stale ? t('policies.editor.stale') : describeError(error, t));
        },
      },
    );
  };

  const hasInputErrors = hasTriedSaving && Object.keys(check.fieldErrors).length > 0;

  return (
    <form
      noValidate
      aria-describedby={summaryId}
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      <Stack gap="lg">
        <div ref={summaryRef} tabIndex={-1} id={summaryId} aria-live="polite">
          {check.policyIssues.length > 0 ? (
            <Alert
              color="red"
              variant="light"
              icon={<IconAlertTriangle aria-hidden />}
              title={t('policies.editor.impossibleTitle')}
            >
              <List size="sm" spacing={4}>
                {check.policyIssues.map((issue) => (
                  <List.Item key={`${issue.path}-${issue.message}`}>{issue.message}</List.Item>
                ))}
              </List>
            </Alert>
          ) : hasInputErrors ? (
            <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />}>
              {t('policies.editor.fixFields')}
            </Alert>
          ) : null}
        </div>
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

        <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="policy-rule-title">
          <Title order={2} fz="lg" id="policy-rule-title" mb={4}>
            {t('policies.editor.ruleTitle')}
          </Title>
          <Text size="sm" c="dimmed" mb="md">
            {t('policies.editor.ruleDescription')}
          </Text>
          <TextInput
            label={t('policies.fields.name')}
            required
            maw={560}
            mb="md"
            value={draft.name}
            error={fieldError('name')}
            onChange={(event) => {
              const name = event.currentTarget.value;
              setDraft((current) => ({ ...current, name }));
            }}
          />
          <SimpleGrid
            cols={{ base: 1, sm: 2 }}
            spacing="md"
            maw={{ md: 'calc(66.6% - var(--mantine-spacing-md) / 3)' }}
          >
            <NumberInput
              label={t('policies.fields.minCriteria')}
              inputWrapperOrder={DESCRIPTION_BELOW}
              description={t('policies.fields.minCriteriaHint')}
              min={0}
              max={CRITERION_CODES.length}
              allowDecimal={false}
              value={shown(draft.minCriteria)}
              error={fieldError('minCriteria') ?? issuesForField(check, draft, 'minCriteria')}
              onChange={(value) => setDraft((current) => ({ ...current, minCriteria: toNumber(value) }))}
            />
            <NativeSelect
              label={t('policies.fields.referenceDate')}
              inputWrapperOrder={DESCRIPTION_BELOW}
              description={t('policies.fields.referenceDateHint')}
              value={draft.referenceDate}
              data={REFERENCE_DATE_CHOICES.map((choice) => ({
                value: choice,
                label: t(`policies.referenceDates.${choice}`),
              }))}
              onChange={(event) => {
                const parsed = ReferenceDateChoiceSchema.safeParse(event.currentTarget.value);
                if (parsed.success) setDraft((current) => ({ ...current, referenceDate: parsed.data }));
              }}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="md" mt="md">
            <NumberInput
              label={t('policies.fields.minAge')}
              inputWrapperOrder={DESCRIPTION_BELOW}
              min={0}
              max={120}
              allowDecimal={false}
              suffix={t('policies.fields.years')}
              value={shown(draft.minAge)}
              error={fieldError('minAge')}
              onChange={(value) => setDraft((current) => ({ ...current, minAge: toNumber(value) }))}
            />
            <NumberInput
              label={t('policies.fields.maxAge')}
              inputWrapperOrder={DESCRIPTION_BELOW}
              description={t('policies.fields.maxAgeHint')}
              min={0}
              max={120}
              allowDecimal={false}
              suffix={t('policies.fields.years')}
              value={shown(draft.maxAge)}
              error={fieldError('maxAge') ?? issuesForField(check, draft, 'maxAge')}
              onChange={(value) =>
                setDraft((current) => ({
                  ...current,
                  maxAge: value === '' ? null : toNumber(value),
                }))
              }
            />
            <NumberInput
              label={t('policies.fields.guardianConsentBelowAge')}
              inputWrapperOrder={DESCRIPTION_BELOW}
              description={t('policies.fields.guardianConsentBelowAgeHint')}
              min={0}
              max={21}
              allowDecimal={false}
              suffix={t('policies.fields.years')}
              value={shown(draft.guardianConsentBelowAge)}
              error={fieldError('guardianConsentBelowAge')}
              onChange={(value) =>
                setDraft((current) => ({ ...current, guardianConsentBelowAge: toNumber(value) }))
              }
            />
          </SimpleGrid>
        </Card>

        <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="policy-criteria-title">
          <Title order={2} fz="lg" id="policy-criteria-title" mb={4}>
            {t('policies.editor.criteriaTitle')}
          </Title>
          <Text size="sm" c="dimmed" mb="md">
            {t('policies.editor.criteriaDescription')}
          </Text>
          <Stack gap="sm">
            {CRITERION_CODES.map((code) => {
              const criterion = draft.criteria[code];
              const requiredIssue = issuesForField(check, draft, code);
              return (
                <Paper
                  key={code}
                  withBorder
                  radius="md"
                  p="md"
                  role="group"
                  aria-label={label(code)}
                  bg={criterion.enabled ? undefined : 'var(--mantine-color-gray-0)'}
                >
                  <Group justify="space-between" align="flex-start" gap="md">
                    <Switch
                      size="md"
                      fw={600}
                      label={label(code)}
                      checked={criterion.enabled}
                      onChange={(event) => setCriterion(code, { enabled: event.currentTarget.checked })}
                    />
                    <Group gap="lg">
                      <Checkbox
                        label={t('policies.fields.required')}
                        checked={draft.requiredCriteria.includes(code)}
                        error={requiredIssue}
                        aria-label={t('policies.fields.requiredLabel', { criterion: label(code) })}
                        onChange={(event) => {
                          const isRequired = event.currentTarget.checked;
                          setDraft((current) => setRequired(current, code, isRequired));
                        }}
                      />
                      <Checkbox
                        label={t('policies.fields.sufficientAlone')}
                        aria-label={t('policies.fields.sufficientAloneLabel', { criterion: label(code) })}
                        checked={criterion.sufficientAlone}
                        onChange={(event) =>
                          setCriterion(code, { sufficientAlone: event.currentTarget.checked })
                        }
                      />
                    </Group>
                  </Group>
                  <CriterionParameters
                    code={code}
                    criteria={draft.criteria}
                    criterionLabel={label(code)}
                    onChange={setCriterion}
                    fieldError={fieldError}
                  />
                </Paper>
              );
            })}
          </Stack>
        </Card>

        <Group justify="flex-end" gap="sm">
          {isChanged && (
            <Button variant="default" onClick={() => setDraft(draftFromPolicy(base))}>
              {t('policies.editor.discard')}
            </Button>
          )}
          <Button type="submit" loading={updateMutation.isPending}>
            {t('policies.editor.save', { version: base.currentVersion + 1 })}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

interface CriterionParametersProps {
  code: CriterionCode;
  criteria: Criteria;
  criterionLabel: string;
  onChange: <Code extends CriterionCode>(code: Code, patch: Partial<Criteria[Code]>) => void;
  fieldError: (path: string) => string | undefined;
}

function ProofValidity({
  code,
  value,
  criterionLabel,
  onChange,
  error,
}: {
  code: CriterionCode;
  value: number | null;
  criterionLabel: string;
  onChange: (value: number | null) => void;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <NumberInput
      label={t('policies.fields.proofValidityMonths')}
      description={t('policies.fields.proofValidityMonthsHint')}
      aria-label={t('policies.fields.parameterLabel', {
        criterion: criterionLabel,
        parameter: t('policies.fields.proofValidityMonths'),
      })}
      data-parameter={`${code}.proofValidityMonths`}
      min={1}
      max={120}
      allowDecimal={false}
      value={shown(value)}
      error={error}
      onChange={(next) => onChange(next === '' ? null : toNumber(next))}
    />
  );
}

/** Each criterion's own parameters, named in the words of domain.md. */
function CriterionParameters({
  code,
  criteria,
  criterionLabel,
  onChange,
  fieldError,
}: CriterionParametersProps) {
  const { t, i18n } = useTranslation();
  const locale = isLocale(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'fr';
  const named = (parameter: string) =>
    t('policies.fields.parameterLabel', { criterion: criterionLabel, parameter });
  const grid = (children: ReactNode) => (
    <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="md" mt="sm">
      {children}
    </SimpleGrid>
  );

  switch (code) {
    case 'young':
      return grid(
        <NumberInput
          label={t('policies.fields.youngMaxAgeExclusive')}
          description={t('policies.fields.youngMaxAgeExclusiveHint')}
          aria-label={named(t('policies.fields.youngMaxAgeExclusive'))}
          min={1}
          max={120}
          allowDecimal={false}
          suffix={t('policies.fields.years')}
          value={shown(criteria.young.maxAgeExclusive)}
          error={fieldError('criteria.young.maxAgeExclusive')}
          onChange={(value) => onChange('young', { maxAgeExclusive: toNumber(value) })}
        />,
      );
    case 'senior':
      return grid(
        <NumberInput
          label={t('policies.fields.seniorMinAge')}
          aria-label={named(t('policies.fields.seniorMinAge'))}
          min={1}
          max={120}
          allowDecimal={false}
          suffix={t('policies.fields.years')}
          value={shown(criteria.senior.minAge)}
          error={fieldError('criteria.senior.minAge')}
          onChange={(value) => onChange('senior', { minAge: toNumber(value) })}
        />,
      );
    case 'low_qualification':
      return grid(
        <>
          <NativeSelect
            label={t('policies.fields.maxLevel')}
            aria-label={named(t('policies.fields.maxLevel'))}
            value={String(criteria.low_qualification.maxLevel)}
            data={[3, 4, 5, 6, 7, 8].map((level) => ({
              value: String(level),
              label: formatMessage({ key: `diploma_level.${level}` }, locale),
            }))}
            onChange={(event) =>
              onChange('low_qualification', { maxLevel: Number(event.currentTarget.value) })
            }
          />
          <Checkbox
            mt={{ base: 0, sm: 28 }}
            label={t('policies.fields.countForeignUnrecognised')}
            checked={criteria.low_qualification.countForeignUnrecognised}
            onChange={(event) =>
              onChange('low_qualification', { countForeignUnrecognised: event.currentTarget.checked })
            }
          />
        </>,
      );
    case 'qpv_resident':
      return grid(
        <>
          <TextInput
            label={t('policies.fields.vintage')}
            description={t('policies.fields.vintageHint')}
            aria-label={named(t('policies.fields.vintage'))}
            value={criteria.qpv_resident.vintage}
            error={fieldError('criteria.qpv_resident.vintage')}
            onChange={(event) => onChange('qpv_resident', { vintage: event.currentTarget.value })}
          />
          <ProofValidity
            code={code}
            criterionLabel={criterionLabel}
            value={criteria.qpv_resident.proofValidityMonths}
            error={fieldError('criteria.qpv_resident.proofValidityMonths')}
            onChange={(value) => onChange('qpv_resident', { proofValidityMonths: value })}
          />
        </>,
      );
    case 'rural_resident':
      return grid(
        <>
          <NativeSelect
            label={t('policies.fields.ruralBasis')}
            aria-label={named(t('policies.fields.ruralBasis'))}
            value={criteria.rural_resident.basis}
            data={(['frr', 'density'] as const).map((basis) => ({
              value: basis,
              label: t(`policies.ruralBases.${basis}`),
            }))}
            onChange={(event) =>
              onChange('rural_resident', {
                basis: event.currentTarget.value === 'density' ? 'density' : 'frr',
              })
            }
          />
          {criteria.rural_resident.basis === 'density' && (
            <NumberInput
              label={t('policies.fields.minDensityLevel')}
              description={t('policies.fields.minDensityLevelHint')}
              aria-label={named(t('policies.fields.minDensityLevel'))}
              min={1}
              max={7}
              allowDecimal={false}
              value={shown(criteria.rural_resident.minDensityLevel)}
              error={fieldError('criteria.rural_resident.minDensityLevel')}
              onChange={(value) => onChange('rural_resident', { minDensityLevel: toNumber(value) })}
            />
          )}
          <ProofValidity
            code={code}
            criterionLabel={criterionLabel}
            value={criteria.rural_resident.proofValidityMonths}
            error={fieldError('criteria.rural_resident.proofValidityMonths')}
            onChange={(value) => onChange('rural_resident', { proofValidityMonths: value })}
          />
        </>,
      );
    case 'job_seeker':
      return grid(
        <>
          <Checkbox.Group
            label={t('policies.fields.acceptedCategories')}
            description={t('policies.fields.acceptedCategoriesHint')}
            value={criteria.job_seeker.acceptedCategories}
            error={fieldError('criteria.job_seeker.acceptedCategories')}
            onChange={(values) =>
              onChange('job_seeker', {
                acceptedCategories: JOB_SEEKER_CATEGORIES.filter((category) => values.includes(category)),
              })
            }
          >
            <Group gap="sm" mt={6}>
              {JOB_SEEKER_CATEGORIES.map((category) => (
                <Checkbox
                  key={category}
                  value={category}
                  label={category}
                  aria-label={t('policies.fields.categoryLabel', { category })}
                />
              ))}
            </Group>
          </Checkbox.Group>
          <ProofValidity
            code={code}
            criterionLabel={criterionLabel}
            value={criteria.job_seeker.proofValidityMonths}
            error={fieldError('criteria.job_seeker.proofValidityMonths')}
            onChange={(value) => onChange('job_seeker', { proofValidityMonths: value })}
          />
        </>,
      );
    case 'long_term_job_seeker':
      return grid(
        <>
          <NumberInput
            label={t('policies.fields.minMonths')}
            description={t('policies.fields.minMonthsHint')}
            aria-label={named(t('policies.fields.minMonths'))}
            min={1}
            max={120}
            allowDecimal={false}
            value={shown(criteria.long_term_job_seeker.minMonths)}
            error={fieldError('criteria.long_term_job_seeker.minMonths')}
            onChange={(value) => onChange('long_term_job_seeker', { minMonths: toNumber(value) })}
          />
          <ProofValidity
            code={code}
            criterionLabel={criterionLabel}
            value={criteria.long_term_job_seeker.proofValidityMonths}
            error={fieldError('criteria.long_term_job_seeker.proofValidityMonths')}
            onChange={(value) => onChange('long_term_job_seeker', { proofValidityMonths: value })}
          />
        </>,
      );
    case 'rsa_beneficiary':
      return grid(
        <ProofValidity
          code={code}
          criterionLabel={criterionLabel}
          value={criteria.rsa_beneficiary.proofValidityMonths}
          error={fieldError('criteria.rsa_beneficiary.proofValidityMonths')}
          onChange={(value) => onChange('rsa_beneficiary', { proofValidityMonths: value })}
        />,
      );
    case 'woman':
      return null;
  }
}
