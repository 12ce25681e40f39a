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

// The application form's values and the request body they stand for: shared by the public form
// and a coordinator's intake, so that both follow the same rules.

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
