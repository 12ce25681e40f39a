import type { FormErrors } from '@mantine/form';
import { formatMessage, isMessageKey, type Locale } from '@passerelle/domain/messages/messages';
import {
  CreateSessionSchema,
  type Session,
  type TargetCriterion,
  type UpdateSession,
  UpdateSessionSchema,
} from '@passerelle/domain/session/session.schema';
import type { TFunction } from 'i18next';
import type { z } from 'zod';

export interface TargetValue {
  criterion: TargetCriterion | '';
  /** The minimum share as people type it, in percent (the API takes 0–1). */
  percent: number | '';
}

/** What the session form holds: text and numbers as the inputs give them, '' when empty. */
export interface SessionFormValues {
  fabriqueId: string;
  programId: string;
  name: string;
  eligibilityPolicyId: string;
  applicationOpensOn: string;
  applicationClosesOn: string;
  startDate: string;
  endDate: string;
  capacity: number | '';
  autoCloseAfterDays: number | '';
  trainerIds: string[];
  targets: TargetValue[];
}

export const DEFAULT_AUTO_CLOSE_DAYS = 30;

export function emptySessionValues(fabriqueId = ''): SessionFormValues {
  return {
    fabriqueId,
    programId: '',
    name: '',
    eligibilityPolicyId: '',
    applicationOpensOn: '',
    applicationClosesOn: '',
    startDate: '',
    endDate: '',
    capacity: '',
    autoCloseAfterDays: DEFAULT_AUTO_CLOSE_DAYS,
    trainerIds: [],
    targets: [],
  };
}

function toPercent(share: number): number {
  return Math.round(share * 1000) / 10;
}

export function sessionValuesFrom(session: Session): SessionFormValues {
  return {
    fabriqueId: session.fabriqueId,
    programId: session.programId,
    name: session.name,
    eligibilityPolicyId: session.eligibilityPolicyId,
    applicationOpensOn: session.applicationOpensOn,
    applicationClosesOn: session.applicationClosesOn,
    startDate: session.startDate,
    endDate: session.endDate,
    capacity: session.capacity,
    autoCloseAfterDays: session.autoCloseAfterDays,
    trainerIds: [...session.trainerIds],
    targets: session.targets.map((target) => ({
      criterion: target.criterion,
      percent: toPercent(target.minShare),
    })),
  };
}

const orUndefined = <T>(value: T | ''): T | undefined => (value === '' ? undefined : value);

/** The fields of the request body; empty inputs are left out so the schema says what is missing. */
function toSessionFields(values: SessionFormValues) {
  return {
    programId: orUndefined(values.programId),
    name: values.name,
    eligibilityPolicyId: orUndefined(values.eligibilityPolicyId),
    applicationOpensOn: orUndefined(values.applicationOpensOn),
    applicationClosesOn: orUndefined(values.applicationClosesOn),
    startDate: orUndefined(values.startDate),
    endDate: orUndefined(values.endDate),
    capacity: orUndefined(values.capacity),
    autoCloseAfterDays: orUndefined(values.autoCloseAfterDays),
    trainerIds: values.trainerIds,
    targets: values.targets.map((target) => ({
      criterion: orUndefined(target.criterion),
      minShare: target.percent === '' ? undefined : Math.round(target.percent * 10) / 1000,
    })),
  };
}

export type CreateSessionInput = z.input<typeof CreateSessionSchema>;

export function toCreateSessionBody(values: SessionFormValues): CreateSessionInput {
  return { ...toSessionFields(values), fabriqueId: orUndefined(values.fabriqueId) } as CreateSessionInput;
}

function sameJson(a: unknown, b: unknown) {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The PATCH body: the fields that changed since the form was loaded, and the version it was loaded at. */
export function buildSessionPatch(base: Session, values: SessionFormValues): UpdateSession {
  const fields = toSessionFields(values);
  const before = toSessionFields(sessionValuesFrom(base));
  const patch: Record<string, unknown> = { version: base.version };
  for (const key of Object.keys(fields) as (keyof typeof fields)[]) {
    const isSameTrainers =
      key === 'trainerIds' && sameJson([...fields.trainerIds].sort(), [...before.trainerIds].sort());
    if (!isSameTrainers && !sameJson(fields[key], before[key])) patch[key] = fields[key];
  }
  return patch as UpdateSession;
}

/** Body paths (as the schema and the server's `body.<path>` errors give them) → form fields. */
export function formFieldOfPath(path: string): string {
  const target = /^targets\.(\d+)\.minShare$/.exec(path);
  if (target) return `targets.${target[1]}.percent`;
  return path;
}

type Issue = z.core.$ZodIssue;

function describeIssue(issue: Issue, field: string, t: TFunction, locale: Locale): string {
  // The domain's own rules (dates in order…) speak through the message catalogue, as the API does.
  if (isMessageKey(issue.message)) {
    const message = formatMessage({ key: issue.message }, locale);
    return `${message.charAt(0).toLocaleUpperCase()}${message.slice(1)}.`;
  }
  if (field.endsWith('.percent')) return t('sessions.form.errors.percent');
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string')
        return Number(issue.minimum) <= 1
          ? t('validation.required')
          : t('validation.tooShort', { min: issue.minimum });
      if (issue.origin === 'number') return t('validation.min', { min: issue.minimum });
      return t('validation.required');
    case 'too_big':
      if (issue.origin === 'string') return t('validation.tooLong', { max: issue.maximum });
      if (issue.origin === 'number') return t('validation.max', { max: issue.maximum });
      return t('validation.invalid');
    case 'invalid_type':
      return t('validation.required');
    case 'invalid_format':
      return field.endsWith('On') || field.endsWith('Date') ? t('validation.date') : t('validation.invalid');
    default:
      return t('validation.invalid');
  }
}

/**
 * Checks the form with the domain schema the API validates with (`CreateSessionSchema` or
 * `UpdateSessionSchema`), in the reader's language, plus what the form adds: one target per criterion.
 */
export function validateSessionForm(
  values: SessionFormValues,
  options: { isCreate: boolean; t: TFunction; locale: Locale },
): FormErrors {
  const { isCreate, t, locale } = options;
  const result = isCreate
    ? CreateSessionSchema.safeParse(toCreateSessionBody(values))
    : UpdateSessionSchema.safeParse(toSessionFields(values));
  const errors: FormErrors = {};
  if (isCreate && !values.fabriqueId) errors.fabriqueId = t('validation.required');
  // A partial update accepts missing fields; the edit form still needs every one.
  if (!isCreate) {
    for (const field of [
      'programId',
      'eligibilityPolicyId',
      'applicationOpensOn',
      'applicationClosesOn',
      'startDate',
      'endDate',
      'capacity',
      'autoCloseAfterDays',
    ] as const) {
      if (values[field] === '') errors[field] = t('validation.required');
    }
  }
  if (!result.success) {
    for (const issue of result.error.issues) {
      const field = formFieldOfPath(issue.path.map(String).join('.'));
      if (!errors[field]) errors[field] = describeIssue(issue, field, t, locale);
    }
  }
  // The schema checks the dates' order only once every other field is valid: checked on their own
  // (a partial update of the dates alone), the order is reported together with the rest.
  const fields = toSessionFields(values);
  const dates = UpdateSessionSchema.safeParse({
    applicationOpensOn: fields.applicationOpensOn,
    applicationClosesOn: fields.applicationClosesOn,
    startDate: fields.startDate,
    endDate: fields.endDate,
  });
  for (const issue of dates.success ? [] : dates.error.issues) {
    const field = issue.path.map(String).join('.');
    if (!errors[field]) errors[field] = describeIssue(issue, field, t, locale);
  }
  const seen = new Set<string>();
  values.targets.forEach((target, index) => {
    if (!target.criterion) return;
    if (seen.has(target.criterion))
      errors[`targets.${index}.criterion`] ??= t('sessions.form.errors.targetTwice');
    seen.add(target.criterion);
  });
  return errors;
}
