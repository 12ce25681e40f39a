import { Anchor, Checkbox, NativeSelect, Stack, Text, Textarea, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { Link } from '@tanstack/react-router';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { paths } from '../../config/paths';
import { type ApplicationStepId, type DraftField, isMinor } from './application-rules';
import type { ApplicationDraftValues } from './application-values';
import {
  bucketOptions,
  diplomaOptions,
  genderOptions,
  situationOptions,
  sourceOptions,
  yesNoOptions,
} from './choice-options';
import { ChoiceRadios } from './choice-radios';
import { CommuneSelect } from './commune-select';

export type ApplicationForm = UseFormReturnType<ApplicationDraftValues>;

/** The id of a field's input: the error summary links to it. */
export function fieldId(field: DraftField) {
  return `apply-${field}`;
}

const MOTIVATION_MAX = 3000;

interface StepFieldsProps {
  step: ApplicationStepId;
  form: ApplicationForm;
  today: string;
}

export function ApplicationStepFields({ step, form, today }: StepFieldsProps) {
  const { t } = useTranslation();
  const values = form.getValues();
  const input = (field: DraftField) => ({
    id: fieldId(field),
    size: 'md' as const,
    ...form.getInputProps(field),
  });
  const setCommune = useCallback(
    ({ inseeCode, name }: { inseeCode: string; name: string }) => {
      form.setFieldValue('inseeCode', inseeCode);
      form.setFieldValue('communeName', name);
    },
    [form.setFieldValue],
  );

  switch (step) {
    case 'identity':
      return (
        <Stack gap="md">
          <TextInput
            label={t('public.fields.firstName')}
            required
            autoComplete="given-name"
            {...input('firstName')}
          />
          <TextInput
            label={t('public.fields.lastName')}
            required
            autoComplete="family-name"
            {...input('lastName')}
          />
          <TextInput
            label={t('public.fields.birthDate')}
            description={t('public.fields.birthDateHint')}
            placeholder={t('public.fields.birthDatePlaceholder')}
            required
            inputMode="numeric"
            autoComplete="bday"
            {...input('birthDate')}
          />
          <ChoiceRadios
            id={fieldId('gender')}
            name="gender"
            label={t('public.fields.gender')}
            description={t('public.fields.genderHint')}
            options={genderOptions(t)}
            {...form.getInputProps('gender')}
          />
          <Text size="sm" fw={600} mt="xs">
            {t('public.fields.contactIntro')}
          </Text>
          <TextInput
            label={t('public.fields.email')}
            type="email"
            autoComplete="email"
            inputMode="email"
            {...input('email')}
          />
          <TextInput
            label={t('public.fields.phone')}
            description={t('public.fields.phoneHint')}
            type="tel"
            autoComplete="tel"
            {...input('phone')}
          />
        </Stack>
      );
    case 'situation':
      return (
        <Stack gap="md">
          <NativeSelect
            label={t('public.fields.employmentSituation')}
            required
            data={situationOptions(t)}
            {...input('employmentSituation')}
          />
          <ChoiceRadios
            id={fieldId('rsaBeneficiary')}
            name="rsaBeneficiary"
            label={t('public.fields.rsaBeneficiary')}
            description={t('public.fields.rsaHint')}
            options={[...yesNoOptions(t), { value: 'unknown', label: t('public.choices.dontKnow') }]}
            {...form.getInputProps('rsaBeneficiary')}
          />
          {isMinor(values.birthDate, today) && (
            <ChoiceRadios
              id={fieldId('guardianConsent')}
              name="guardianConsent"
              label={t('public.fields.guardianConsent')}
              description={t('public.fields.guardianConsentHint')}
              required
              options={yesNoOptions(t)}
              {...form.getInputProps('guardianConsent')}
            />
          )}
        </Stack>
      );
    case 'address':
      return (
        <Stack gap="md">
          <TextInput
            label={t('public.fields.street')}
            description={t('public.fields.streetHint')}
            required
            autoComplete="street-address"
            {...input('street')}
          />
          <TextInput
            label={t('public.fields.postalCode')}
            required
            inputMode="numeric"
            autoComplete="postal-code"
            maxLength={5}
            {...input('postalCode')}
          />
          <CommuneSelect
            id={fieldId('inseeCode')}
            postalCode={values.postalCode}
            value={values.inseeCode}
            error={form.errors.inseeCode}
            onChange={setCommune}
          />
          <Checkbox
            id={fieldId('isDomiciliation')}
            size="md"
            label={t('public.fields.isDomiciliation')}
            description={t('public.fields.isDomiciliationHint')}
            {...form.getInputProps('isDomiciliation', { type: 'checkbox' })}
          />
        </Stack>
      );
    case 'diploma':
      return (
        <NativeSelect
          label={t('public.fields.highestLevel')}
          description={t('public.fields.highestLevelHint')}
          required
          data={diplomaOptions(t)}
          {...input('highestLevel')}
        />
      );
    case 'jobSeeker':
      return (
        <Stack gap="md">
          <ChoiceRadios
            id={fieldId('jobSeekerRegistered')}
            name="jobSeekerRegistered"
            label={t('public.fields.jobSeekerRegistered')}
            required
            options={yesNoOptions(t)}
            {...form.getInputProps('jobSeekerRegistered')}
          />
          {values.jobSeekerRegistered === 'yes' && (
            <>
              <NativeSelect
                label={t('public.fields.jobSeekerBucket')}
                required
                data={bucketOptions(t)}
                {...input('jobSeekerBucket')}
              />
              <TextInput
                label={t('public.fields.franceTravailId')}
                description={t('public.fields.franceTravailIdHint')}
                autoComplete="off"
                {...input('franceTravailId')}
              />
            </>
          )}
        </Stack>
      );
    case 'motivation':
      return (
        <Textarea
          label={t('public.fields.motivation')}
          description={t('public.fields.motivationHint')}
          required
          autosize
          minRows={5}
          maxLength={MOTIVATION_MAX}
          {...input('motivation')}
        />
      );
    case 'source':
      return (
        <Stack gap="md">
          <NativeSelect
            label={t('public.fields.sourceKind')}
            required
            data={sourceOptions(t)}
            {...input('sourceKind')}
          />
          <TextInput label={t('public.fields.sourceComment')} {...input('sourceComment')} />
        </Stack>
      );
    case 'consent':
      return (
        <Stack gap="md">
          <Text size="sm">
            {t('public.fields.consentIntro')}{' '}
            <Anchor component={Link} to={paths.public.privacy.path} target="_blank" size="sm" fw={600}>
              {t('public.fields.privacyLink')}
            </Anchor>
          </Text>
          <Checkbox
            id={fieldId('consentAccepted')}
            size="md"
            required
            label={t('public.fields.consentAccepted')}
            {...form.getInputProps('consentAccepted', { type: 'checkbox' })}
          />
          <Checkbox
            id={fieldId('futureContact')}
            size="md"
            label={t('public.fields.futureContact')}
            {...form.getInputProps('futureContact', { type: 'checkbox' })}
          />
          {/* Honeypot: out of sight and out of the tab order; people leave it empty, bots fill it. */}
          <div className="honeypot" aria-hidden="true">
            <label htmlFor={fieldId('website')}>{t('public.fields.website')}</label>
            <input
              id={fieldId('website')}
              name="website"
              type="text"
              tabIndex={-1}
              autoComplete="off"
              value={values.website}
              onChange={(event) => form.setFieldValue('website', event.currentTarget.value)}
            />
          </div>
        </Stack>
      );
  }
}
