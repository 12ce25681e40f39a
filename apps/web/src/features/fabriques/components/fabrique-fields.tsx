import { SimpleGrid, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { TFunction } from 'i18next';
import type { z } from 'zod';
import type { IssueMessage } from '../../../lib/form-validation';

export interface FabriqueFieldValues {
  name: string;
  slug: string;
  city: string;
  departmentCode: string;
}

/** The slug and department rules are patterns: say what is expected rather than "invalid". */
export function describeFabriqueIssue(t: TFunction): IssueMessage {
  return (issue: z.core.$ZodIssue, field: string) => {
    if (issue.code !== 'invalid_format') return undefined;
    if (field === 'slug') return t('validation.slug');
    if (field === 'departmentCode') return t('validation.departmentCode');
    return undefined;
  };
}

interface FabriqueFieldsProps<Values extends FabriqueFieldValues> {
  form: UseFormReturnType<Values>;
  t: TFunction;
}

export function FabriqueFields<Values extends FabriqueFieldValues>({ form, t }: FabriqueFieldsProps<Values>) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <TextInput label={t('fabriques.fields.name')} required data-autofocus {...form.getInputProps('name')} />
      <TextInput
        label={t('fabriques.fields.slug')}
        description={t('fabriques.fields.slugHint')}
        required
        autoComplete="off"
        {...form.getInputProps('slug')}
      />
      <TextInput label={t('fabriques.fields.city')} required {...form.getInputProps('city')} />
      <TextInput
        label={t('fabriques.fields.departmentCode')}
        description={t('fabriques.fields.departmentCodeHint')}
        required
        maxLength={3}
        autoComplete="off"
        {...form.getInputProps('departmentCode')}
      />
    </SimpleGrid>
  );
}
