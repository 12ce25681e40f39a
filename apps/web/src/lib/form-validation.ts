import type { FormErrors } from '@mantine/form';
import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { isApiError } from './api-client';
import { describeError } from './problem-message';

type Issue = z.core.$ZodIssue;

/** Lets a form phrase an issue in its own words (a slug pattern, a role rule); `undefined` keeps the default. */
export type IssueMessage = (issue: Issue, field: string) => string | undefined;

function describeIssue(issue: Issue, t: TFunction): string {
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1
          ? t('validation.required')
          : t('validation.tooShort', { min: issue.minimum });
      }
      return t('validation.required');
    case 'too_big':
      return issue.origin === 'string'
        ? t('validation.tooLong', { max: issue.maximum })
        : t('validation.invalid');
    case 'invalid_format':
      return issue.format === 'email' ? t('validation.email') : t('validation.invalid');
    case 'invalid_type':
      return t('validation.required');
    default:
      return t('validation.invalid');
  }
}

/**
 * Runs a domain schema over form values and returns Mantine form errors in the user's language
 * (the schemas' own messages are English and meant for API clients).
 */
export function validateWithSchema(
  schema: z.ZodType,
  values: unknown,
  t: TFunction,
  describe?: IssueMessage,
): FormErrors {
  const result = schema.safeParse(values);
  if (result.success) return {};
  const errors: FormErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path.map(String).join('.');
    if (errors[field]) continue;
    errors[field] = describe?.(issue, field) ?? describeIssue(issue, t);
  }
  return errors;
}

interface FormWithErrors {
  setErrors: (errors: FormErrors) => void;
}

/**
 * Puts a 400's `body.<field>` errors on the form's fields and returns the sentence for the form's
 * alert; forms phrase their own conflicts (duplicate e-mail, stale version) before calling this.
 */
export function applyProblemToForm(error: unknown, form: FormWithErrors, t: TFunction): string {
  if (isApiError(error) && error.status === 400) {
    const fieldErrors = error.bodyFieldErrors;
    const translated: FormErrors = {};
    for (const [field, message] of Object.entries(fieldErrors)) {
      translated[field] = message === 'invalid_email' ? t('validation.email') : message;
    }
    form.setErrors(translated);
  }
  return describeError(error, t);
}
