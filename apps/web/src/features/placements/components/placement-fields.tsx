import {
  Checkbox,
  Group,
  NativeSelect,
  NumberInput,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { PLACEMENT_KINDS, PlacementKindSchema } from '@passerelle/domain/placement/placement.schema';
import { useTranslation } from 'react-i18next';
import type { PartnerChoice } from '../api/get-partner-choices';
import { type PlacementDraft, placementFieldsFor } from './placement-draft';

interface PlacementFieldsProps {
  value: PlacementDraft;
  onChange: (next: PlacementDraft) => void;
  errors: Partial<Record<keyof PlacementDraft, string>>;
  partners: readonly PartnerChoice[];
  /** The learner's other placements, for "follows from" (an internship turned into a CDI). */
  previous: readonly { id: string; label: string }[];
}

/** The placement form: the fields domain.md asks for the chosen kind, and only those. */
export function PlacementFields({ value, onChange, errors, partners, previous }: PlacementFieldsProps) {
  const { t } = useTranslation();
  const fields = placementFieldsFor(value.kind);
  const set = (patch: Partial<PlacementDraft>) => onChange({ ...value, ...patch });
  const message = (key: keyof PlacementDraft) => {
    const error = errors[key];
    return error ? t(`placements.errors.${error}`, { defaultValue: t('validation.invalid') }) : undefined;
  };
  const partnerOptions = (
    fields.incubator ? partners.filter((partner) => partner.kind === 'incubator') : partners
  ).map((partner) => ({ value: partner.id, label: partner.name }));

  return (
    <Stack gap="sm">
      <NativeSelect
        label={t('placements.fields.kind')}
        required
        value={value.kind}
        error={message('kind')}
        data={[
          { value: '', label: t('placements.fields.pickKind') },
          ...PLACEMENT_KINDS.map((kind) => ({ value: kind, label: t(`placements.kinds.${kind}`) })),
        ]}
        onChange={(event) => {
          const parsed = PlacementKindSchema.safeParse(event.currentTarget.value);
          set({ kind: parsed.success ? parsed.data : '' });
        }}
      />
      {(fields.employer || fields.incubator) && (
        <Group grow align="flex-start">
          <NativeSelect
            label={fields.incubator ? t('placements.fields.incubator') : t('placements.fields.partner')}
            required={fields.incubator}
            value={value.partnerId}
            error={message('partnerId')}
            data={[{ value: '', label: t('placements.fields.noPartner') }, ...partnerOptions]}
            onChange={(event) => set({ partnerId: event.currentTarget.value })}
          />
          {fields.employer && !value.partnerId && (
            <TextInput
              label={t('placements.fields.employerName')}
              value={value.employerName}
              maxLength={200}
              error={message('employerName')}
              onChange={(event) => set({ employerName: event.currentTarget.value })}
            />
          )}
        </Group>
      )}
      <TextInput
        label={t('placements.fields.jobTitle')}
        value={value.jobTitle}
        maxLength={200}
        onChange={(event) => set({ jobTitle: event.currentTarget.value })}
      />
      <Group grow align="flex-start">
        <TextInput
          type="date"
          label={t('placements.fields.startDate')}
          required
          value={value.startDate}
          error={message('startDate')}
          onChange={(event) => set({ startDate: event.currentTarget.value })}
        />
        <TextInput
          type="date"
          label={t('placements.fields.endDate')}
          value={value.endDate}
          error={message('endDate')}
          onChange={(event) => set({ endDate: event.currentTarget.value })}
        />
      </Group>
      {fields.duration && (
        <NumberInput
          label={t('placements.fields.durationMonths')}
          required
          min={1}
          max={120}
          allowDecimal={false}
          value={value.durationMonths === '' ? '' : Number(value.durationMonths)}
          error={message('durationMonths')}
          onChange={(next) => set({ durationMonths: next === '' ? '' : String(next) })}
        />
      )}
      {fields.hiringPromise && (
        <Checkbox
          label={t('placements.fields.hasHiringPromise')}
          checked={value.hasHiringPromise}
          onChange={(event) => set({ hasHiringPromise: event.currentTarget.checked })}
        />
      )}
      {fields.qualifying && (
        <Stack gap={4}>
          <Text size="sm" fw={500} id="qualifying-label">
            {t('placements.fields.isQualifyingTraining')}
          </Text>
          <SegmentedControl
            aria-labelledby="qualifying-label"
            value={value.isQualifyingTraining}
            data={[
              { value: 'yes', label: t('placements.yes') },
              { value: 'no', label: t('placements.no') },
            ]}
            onChange={(next) => set({ isQualifyingTraining: next === 'yes' ? 'yes' : 'no' })}
          />
          {message('isQualifyingTraining') && (
            <Text size="xs" c="red">
              {message('isQualifyingTraining')}
            </Text>
          )}
        </Stack>
      )}
      {previous.length > 0 && (
        <NativeSelect
          label={t('placements.fields.previousPlacement')}
          value={value.previousPlacementId}
          data={[
            { value: '', label: t('placements.fields.noPrevious') },
            ...previous.map((p) => ({ value: p.id, label: p.label })),
          ]}
          onChange={(event) => set({ previousPlacementId: event.currentTarget.value })}
        />
      )}
    </Stack>
  );
}
