import type { ApplicationSchema } from '@passerelle/domain/application/application.schema';
import type {
  DiplomaLevel,
  EmploymentSituation,
  Gender,
  RegistrationBucket,
  SOURCES,
} from '@passerelle/domain/candidate/candidate.schema';
import type { z } from 'zod';
import { toIsoBirthDate } from './birth-date';
import { PRIVACY_NOTICE_VERSION } from './privacy-notice';

export type YesNo = '' | 'yes' | 'no';
export type PublicSourceKind = Exclude<(typeof SOURCES)[number], 'partner'>;

/** What the applicant typed, as the inputs hold it (text, '' when unanswered). */
export interface ApplicationDraftValues {
  firstName: string;
  lastName: string;
  birthDate: string;
  gender: Gender | '';
  email: string;
  phone: string;
  employmentSituation: EmploymentSituation | '';
  rsaBeneficiary: YesNo | 'unknown';
  guardianConsent: YesNo;
  street: string;
  postalCode: string;
  inseeCode: string;
  communeName: string;
  isDomiciliation: boolean;
  highestLevel: DiplomaLevel | '';
  jobSeekerRegistered: YesNo;
  jobSeekerBucket: RegistrationBucket | '';
  franceTravailId: string;
  motivation: string;
  sourceKind: PublicSourceKind | '';
  sourceComment: string;
  consentAccepted: boolean;
  futureContact: boolean;
  /** Honeypot: hidden from people, filled only by bots. */
  website: string;
}

export const EMPTY_DRAFT_VALUES: ApplicationDraftValues = {
  firstName: '',
  lastName: '',
  birthDate: '',
  gender: '',
  email: '',
  phone: '',
  employmentSituation: '',
  rsaBeneficiary: '',
  guardianConsent: '',
  street: '',
  postalCode: '',
  inseeCode: '',
  communeName: '',
  isDomiciliation: false,
  highestLevel: '',
  jobSeekerRegistered: '',
  jobSeekerBucket: '',
  franceTravailId: '',
  motivation: '',
  sourceKind: '',
  sourceComment: '',
  consentAccepted: false,
  futureContact: false,
  website: '',
};

export interface ApplicationDraft {
  sessionId: string;
  /** Sent with every attempt to submit this application: a retry or a double click creates one candidacy. */
  idempotencyKey: string;
  step: number;
  values: ApplicationDraftValues;
}

export interface ApplicationSubmitted {
  sessionId: string;
  candidacyId: string;
  submittedAt: string;
  contact: { email: string; phone: string };
}

const DRAFT_PREFIX = 'passerelle.application-draft.';
const SUBMITTED_PREFIX = 'passerelle.application-sent.';

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    // Storage disabled (strict privacy settings): the form still works, it just forgets on reload.
    return null;
  }
}

export function createIdempotencyKey(): string {
  return `application-${crypto.randomUUID()}`;
}

export function createDraft(sessionId: string): ApplicationDraft {
  return { sessionId, idempotencyKey: createIdempotencyKey(), step: 0, values: { ...EMPTY_DRAFT_VALUES } };
}

/** The draft kept for this session, or a fresh one; unknown or missing fields take their empty value. */
export function loadDraft(sessionId: string): ApplicationDraft {
  const raw = storage()?.getItem(`${DRAFT_PREFIX}${sessionId}`);
  if (!raw) return createDraft(sessionId);
  try {
    const stored = JSON.parse(raw) as Partial<ApplicationDraft>;
    const values = { ...EMPTY_DRAFT_VALUES };
    for (const key of Object.keys(EMPTY_DRAFT_VALUES) as (keyof ApplicationDraftValues)[]) {
      const value = stored.values?.[key];
      if (typeof value === typeof EMPTY_DRAFT_VALUES[key]) (values as Record<string, unknown>)[key] = value;
    }
    return {
      sessionId,
      idempotencyKey:
        typeof stored.idempotencyKey === 'string' && stored.idempotencyKey
          ? stored.idempotencyKey
          : createIdempotencyKey(),
      step: typeof stored.step === 'number' && stored.step >= 0 ? Math.floor(stored.step) : 0,
      values,
    };
  } catch {
    return createDraft(sessionId);
  }
}

export function saveDraft(draft: ApplicationDraft) {
  try {
    storage()?.setItem(`${DRAFT_PREFIX}${draft.sessionId}`, JSON.stringify(draft));
  } catch {
    // Quota exceeded or storage disabled: keep going, the answers stay in memory.
  }
}

export function clearDraft(sessionId: string) {
  storage()?.removeItem(`${DRAFT_PREFIX}${sessionId}`);
}

export function saveSubmitted(submitted: ApplicationSubmitted) {
  try {
    storage()?.setItem(`${SUBMITTED_PREFIX}${submitted.sessionId}`, JSON.stringify(submitted));
  } catch {
    // The confirmation page then shows its general text.
  }
}

export function loadSubmitted(sessionId: string): ApplicationSubmitted | null {
  const raw = storage()?.getItem(`${SUBMITTED_PREFIX}${sessionId}`);
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as ApplicationSubmitted;
    return parsed.sessionId === sessionId && typeof parsed.candidacyId === 'string' ? parsed : null;
  } catch {
    return null;
  }
}

function trimmed(value: string): string | undefined {
  const result = value.trim();
  return result === '' ? undefined : result;
}

function yesNo(value: string): boolean | undefined {
  if (value === 'yes') return true;
  if (value === 'no') return false;
  return undefined;
}

/**
 * The request body the draft stands for. Empty answers are left out, so the shared schema says
 * what is missing; the address is always sent, so each of its fields can be reported.
 */
export type ApplicationInput = z.input<typeof ApplicationSchema>;

export function toApplication(values: ApplicationDraftValues, today: string): ApplicationInput {
  const registered = yesNo(values.jobSeekerRegistered);
  const motivation = values.motivation.trim();
  const body: Record<string, unknown> = {
    firstName: values.firstName,
    lastName: values.lastName,
    email: trimmed(values.email),
    phone: trimmed(values.phone),
    birthDate: toIsoBirthDate(values.birthDate),
    gender: values.gender || undefined,
    address: {
      street: values.street,
      postalCode: values.postalCode.trim(),
      inseeCode: values.inseeCode,
      communeName: trimmed(values.communeName),
      isDomiciliation: values.isDomiciliation,
    },
    diploma: values.highestLevel ? { highestLevel: values.highestLevel } : undefined,
    employmentSituation: values.employmentSituation || undefined,
    jobSeeker:
      registered === undefined
        ? undefined
        : {
            registered,
            ...(registered && values.jobSeekerBucket
              ? { sinceBucket: { bucket: values.jobSeekerBucket, statedOn: today } }
              : {}),
            ...(registered && trimmed(values.franceTravailId)
              ? { identifier: values.franceTravailId.trim().toUpperCase().replaceAll(' ', '') }
              : {}),
          },
    rsaBeneficiary: yesNo(values.rsaBeneficiary),
    guardianConsent: yesNo(values.guardianConsent),
    answers: motivation ? [{ questionId: 'motivation', answer: motivation }] : [],
    source: values.sourceKind
      ? { kind: values.sourceKind, comment: trimmed(values.sourceComment) }
      : undefined,
    consent: values.consentAccepted
      ? { privacyNoticeVersion: PRIVACY_NOTICE_VERSION, futureContact: values.futureContact }
      : undefined,
    website: values.website || undefined,
  };
  // JSON drops undefined: the body the server sees is the one validated here. The shared schema,
  // not this type, says whether it is a valid application.
  return JSON.parse(JSON.stringify(body)) as ApplicationInput;
}
