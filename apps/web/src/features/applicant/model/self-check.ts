import { type EligibilityCheck, toDeclaredFacts } from '@passerelle/domain/application/application.schema';
import type {
  DiplomaLevel,
  EmploymentSituation,
  Gender,
  RegistrationBucket,
} from '@passerelle/domain/candidate/candidate.schema';
import { evaluateEligibility } from '@passerelle/domain/eligibility/eligibility';
import type { EligibilityEvaluation } from '@passerelle/domain/eligibility/eligibility.schema';
import type { PublicSession } from '@passerelle/domain/session/public-session.schema';
import { toIsoBirthDate } from '../../../components/application/birth-date';

export interface SelfCheckAnswers {
  birthDate: string;
  gender: Gender | '';
  highestLevel: DiplomaLevel | '';
  postalCode: string;
  employmentSituation: EmploymentSituation | '';
  jobSeekerRegistered: '' | 'yes' | 'no';
  jobSeekerBucket: RegistrationBucket | '';
  rsaBeneficiary: '' | 'yes' | 'no';
  guardianConsent: '' | 'yes' | 'no';
}

export const EMPTY_SELF_CHECK: SelfCheckAnswers = {
  birthDate: '',
  gender: '',
  highestLevel: '',
  postalCode: '',
  employmentSituation: '',
  jobSeekerRegistered: '',
  jobSeekerBucket: '',
  rsaBeneficiary: '',
  guardianConsent: '',
};

const yesNo = (value: string) => (value === 'yes' ? true : value === 'no' ? false : undefined);

/** The answers as the server's self-check reads them; an unanswered question is an unknown fact. */
export function toEligibilityCheck(answers: SelfCheckAnswers, today: string): EligibilityCheck {
  const birthDate = toIsoBirthDate(answers.birthDate);
  const registered = yesNo(answers.jobSeekerRegistered);
  const check: EligibilityCheck = {
    birthDate: /^\d{4}-\d{2}-\d{2}$/.test(birthDate) ? birthDate : undefined,
    gender: answers.gender || undefined,
    diploma: answers.highestLevel ? { highestLevel: answers.highestLevel } : undefined,
    employmentSituation: answers.employmentSituation || undefined,
    jobSeeker:
      registered === undefined
        ? undefined
        : {
            registered,
            ...(registered && answers.jobSeekerBucket
              ? { sinceBucket: { bucket: answers.jobSeekerBucket, statedOn: today } }
              : {}),
          },
    rsaBeneficiary: yesNo(answers.rsaBeneficiary),
    guardianConsent: yesNo(answers.guardianConsent),
    postalCode: /^\d{5}$/.test(answers.postalCode.trim()) ? answers.postalCode.trim() : undefined,
  };
  return JSON.parse(JSON.stringify(check)) as EligibilityCheck;
}

/** The same engine the server runs, in the browser, on the answers so far. */
export function previewEligibility(
  session: PublicSession,
  answers: SelfCheckAnswers,
  today: string,
): EligibilityEvaluation {
  const rules = session.eligibility.rules;
  const referenceDate = rules.referenceDate === 'application_date' ? today : session.startDate;
  return evaluateEligibility({
    policy: rules,
    facts: toDeclaredFacts(toEligibilityCheck(answers, today)),
    referenceDate,
  });
}
