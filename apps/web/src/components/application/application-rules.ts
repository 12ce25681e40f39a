import { ApplicationSchema } from '@passerelle/domain/application/application.schema';
import { ageOn, compareCalendarDates, isCalendarDate } from '@passerelle/domain/calendar/calendar';
import { type ApplicationDraftValues, toApplication } from './application-values';
import { toIsoBirthDate } from './birth-date';

export type DraftField = keyof ApplicationDraftValues;

export const APPLICATION_STEPS = [
  { id: 'identity', fields: ['firstName', 'lastName', 'birthDate', 'gender', 'email', 'phone'] },
  { id: 'situation', fields: ['employmentSituation', 'rsaBeneficiary', 'guardianConsent'] },
  { id: 'address', fields: ['street', 'postalCode', 'inseeCode', 'isDomiciliation'] },
  { id: 'diploma', fields: ['highestLevel'] },
  { id: 'jobSeeker', fields: ['jobSeekerRegistered', 'jobSeekerBucket', 'franceTravailId'] },
  { id: 'motivation', fields: ['motivation'] },
  { id: 'source', fields: ['sourceKind', 'sourceComment'] },
  { id: 'consent', fields: ['consentAccepted', 'futureContact', 'website'] },
] as const satisfies readonly { id: string; fields: readonly DraftField[] }[];

export type ApplicationStepId = (typeof APPLICATION_STEPS)[number]['id'];

/** Below this age the form asks whether a legal guardian agrees. */
export const GUARDIAN_CONSENT_BELOW_AGE = 18;

/** A problem with one field: `key` names the message (`public.apply.errors.<key>`). */
export interface FieldIssue {
  field: DraftField;
  key: string;
  params?: Record<string, string | number>;
}

// Schema paths (as the shared schema and the server's `body.<path>` errors give them) → the input.
const PATH_FIELDS: readonly [prefix: string, field: DraftField][] = [
  ['address.street', 'street'],
  ['address.postalCode', 'postalCode'],
  ['address.inseeCode', 'inseeCode'],
  ['address.communeName', 'inseeCode'],
  ['address.isDomiciliation', 'isDomiciliation'],
  ['address', 'street'],
  ['diploma', 'highestLevel'],
  ['jobSeeker.identifier', 'franceTravailId'],
  ['jobSeeker.sinceBucket', 'jobSeekerBucket'],
  ['jobSeeker', 'jobSeekerRegistered'],
  ['answers', 'motivation'],
  ['source.comment', 'sourceComment'],
  ['source', 'sourceKind'],
  ['consent.futureContact', 'futureContact'],
  ['consent', 'consentAccepted'],
];

const FIELDS = new Set<string>(APPLICATION_STEPS.flatMap((step) => step.fields));

/** The input a schema path belongs to; the whole body (a refused honeypot) lands on the last step. */
export function fieldOfPath(path: string): DraftField {
  for (const [prefix, field] of PATH_FIELDS) {
    if (path === prefix || path.startsWith(`${prefix}.`)) return field;
  }
  const head = path.split('.')[0] ?? '';
  return FIELDS.has(head) ? (head as DraftField) : 'website';
}

export function stepOfField(field: DraftField): number {
  return APPLICATION_STEPS.findIndex((step) => (step.fields as readonly string[]).includes(field));
}

export function isMinor(birthDate: string, today: string): boolean {
  const iso = toIsoBirthDate(birthDate);
  return (
    isCalendarDate(iso) &&
    compareCalendarDates(iso, today) <= 0 &&
    ageOn(iso, today) < GUARDIAN_CONSENT_BELOW_AGE
  );
}

const DOMAIN_KEYS = new Set([
  'phone.invalid',
  'contact.required',
  'postal_code.invalid',
  'insee_code.invalid',
  'france_travail_id.invalid',
  'email.invalid',
  'application.rejected',
]);

type SchemaIssue = {
  code: string;
  message: string;
  path: PropertyKey[];
  format?: string;
  origin?: string;
  maximum?: unknown;
};

function keyOfSchemaIssue(issue: SchemaIssue, field: DraftField): Pick<FieldIssue, 'key' | 'params'> {
  if (field === 'inseeCode') return { key: 'commune_required' };
  if (field === 'birthDate') return { key: 'birth_date_invalid' };
  if (DOMAIN_KEYS.has(issue.message)) return { key: issue.message.replace('.', '_') };
  if (issue.code === 'invalid_format' && issue.format === 'email') return { key: 'email_invalid' };
  if (issue.code === 'too_big' && issue.origin === 'string')
    return { key: 'too_long', params: { max: Number(issue.maximum) } };
  if (issue.code === 'too_small' || issue.code === 'invalid_type' || issue.code === 'invalid_value')
    return { key: 'required' };
  return { key: 'invalid' };
}

/** Answers the form asks for although the API accepts an application without them. */
function checkFormRules(values: ApplicationDraftValues, today: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const birthDate = toIsoBirthDate(values.birthDate);
  if (values.birthDate.trim() === '') issues.push({ field: 'birthDate', key: 'required' });
  else if (isCalendarDate(birthDate) && compareCalendarDates(birthDate, today) > 0)
    issues.push({ field: 'birthDate', key: 'birth_date_future' });
  // The schema's own "e-mail or phone" rule runs only once the rest of the body is valid.
  if (!values.email.trim() && !values.phone.trim()) issues.push({ field: 'email', key: 'contact_required' });
  if (!values.employmentSituation) issues.push({ field: 'employmentSituation', key: 'choose_one' });
  if (isMinor(values.birthDate, today) && !values.guardianConsent)
    issues.push({ field: 'guardianConsent', key: 'choose_one' });
  if (!values.highestLevel) issues.push({ field: 'highestLevel', key: 'choose_one' });
  if (!values.jobSeekerRegistered) issues.push({ field: 'jobSeekerRegistered', key: 'choose_one' });
  if (values.jobSeekerRegistered === 'yes' && !values.jobSeekerBucket)
    issues.push({ field: 'jobSeekerBucket', key: 'choose_one' });
  if (!values.motivation.trim()) issues.push({ field: 'motivation', key: 'motivation_required' });
  if (!values.sourceKind) issues.push({ field: 'sourceKind', key: 'choose_one' });
  if (!values.consentAccepted) issues.push({ field: 'consentAccepted', key: 'consent_required' });
  if (/^\d{5}$/.test(values.postalCode.trim()) && !values.inseeCode)
    issues.push({ field: 'inseeCode', key: 'commune_required' });
  return issues;
}

/**
 * Every problem of the draft, one per field, in the order of the form: the form's own rules, then
 * the shared `ApplicationSchema` the server validates with.
 */
export function validateApplication(values: ApplicationDraftValues, today: string): FieldIssue[] {
  const byField = new Map<DraftField, FieldIssue>();
  for (const issue of checkFormRules(values, today))
    if (!byField.has(issue.field)) byField.set(issue.field, issue);
  const result = ApplicationSchema.safeParse(toApplication(values, today));
  if (!result.success) {
    for (const issue of result.error.issues as SchemaIssue[]) {
      const field = fieldOfPath(issue.path.map(String).join('.'));
      // A filled honeypot is for the server to refuse: nothing a person could fix is shown.
      if (field === 'website') continue;
      if (!byField.has(field)) byField.set(field, { field, ...keyOfSchemaIssue(issue, field) });
    }
  }
  const order = APPLICATION_STEPS.flatMap((step) => step.fields) as DraftField[];
  return [...byField.values()].sort((a, b) => order.indexOf(a.field) - order.indexOf(b.field));
}

/** The problems of one step only: a person is told about what is in front of them. */
export function validateStep(values: ApplicationDraftValues, step: number, today: string): FieldIssue[] {
  const fields = (APPLICATION_STEPS[step]?.fields ?? []) as readonly DraftField[];
  return validateApplication(values, today).filter((issue) => fields.includes(issue.field));
}

/**
 * A 400's field errors (`body.address.postalCode` …) on the inputs they concern; an error on the
 * whole body (a refused honeypot) comes back under `website`.
 */
export function fieldErrorsFromProblem(
  errors: readonly { path: string; message: string }[] | undefined,
): Map<DraftField, string> {
  const byField = new Map<DraftField, string>();
  for (const error of errors ?? []) {
    if (error.path !== 'body' && !error.path.startsWith('body.')) continue;
    const field = fieldOfPath(error.path.slice('body.'.length));
    if (!byField.has(field)) byField.set(field, error.message);
  }
  return byField;
}
