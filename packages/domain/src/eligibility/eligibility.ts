import { addMonths, addYears, ageOn, compareCalendarDates, monthsBetween } from '../calendar/calendar.ts';
import {
  type CandidateFacts,
  DIPLOMA_LEVELS,
  type DiplomaLevel,
  type FactKey,
  GENDERS,
  JOB_SEEKER_CATEGORIES,
  type RegistrationBucket,
} from '../candidate/candidate.schema.ts';
import {
  CRITERION_CODES,
  type CriterionCode,
  type CriterionResult,
  type CriterionStatus,
  type EligibilityEvaluation,
  type EligibilityRules,
  type EligibilityStatus,
  type EvidenceOrigin,
  LIMIT_CODES,
  type LimitCode,
  type LimitResult,
  type Reason,
  type ReferenceDateChoice,
} from './eligibility.schema.ts';

export interface EvaluateEligibilityInput {
  policy: EligibilityRules & { id?: string; version?: number };
  facts: CandidateFacts;
  /** `YYYY-MM-DD`; see `selectReferenceDate`. */
  referenceDate: string;
}

interface SlotOutcome {
  status: CriterionStatus;
  origin: EvidenceOrigin | null;
  reason: Reason;
}

type Slot = CriterionCode | LimitCode;
type AnyFact = NonNullable<CandidateFacts[FactKey]>;

/**
 * Criteria that read the same fact move together (one birth date decides `young`, `senior` and the
 * age limits), so the verdict is searched over each group's joint outcomes, not criterion by criterion.
 */
const FACT_GROUPS: readonly { facts: readonly FactKey[]; slots: readonly Slot[] }[] = [
  {
    facts: ['birthDate', 'guardianConsent'],
    slots: ['young', 'senior', 'min_age', 'max_age', 'guardian_consent'],
  },
  { facts: ['gender'], slots: ['woman'] },
  { facts: ['diploma'], slots: ['low_qualification'] },
  { facts: ['jobSeeker'], slots: ['job_seeker', 'long_term_job_seeker'] },
  { facts: ['rsaBeneficiary'], slots: ['rsa_beneficiary'] },
  { facts: ['qpv'], slots: ['qpv_resident'] },
  { facts: ['rural'], slots: ['rural_resident'] },
];

const BUCKET_MONTHS: Record<RegistrationBucket, readonly [number, number]> = {
  lt_6m: [0, 6],
  '6_11m': [6, 12],
  '12_23m': [12, 24],
  '24m_plus': [24, Number.POSITIVE_INFINITY],
};

const NUMERIC_LEVELS: Partial<Record<DiplomaLevel, number>> = { 3: 3, 4: 4, 5: 5, 6: 6, 7: 7, 8: 8 };

export function selectReferenceDate(
  choice: ReferenceDateChoice,
  dates: { sessionStartDate: string; applicationDate: string },
): string {
  return choice === 'application_date' ? dates.applicationDate : dates.sessionStartDate;
}

/** Criteria the engine evaluates: the enabled ones, and the required ones even if left disabled. */
export function listActiveCriteria(rules: EligibilityRules): CriterionCode[] {
  return CRITERION_CODES.filter(
    (code) => rules.criteria[code].enabled || rules.requiredCriteria.includes(code),
  );
}

/**
 * Evaluates a candidate's facts against a policy. The verdict is `incomplete` only when some value of
 * the unknown facts would give `eligible` and another `ineligible`; a decided verdict never changes
 * when unknown facts become known. Never throws on well-typed input.
 */
export function evaluateEligibility({
  policy,
  facts,
  referenceDate,
}: EvaluateEligibilityInput): EligibilityEvaluation {
  const active = listActiveCriteria(policy);
  const criteria: CriterionResult[] = active.map((code) => {
    const outcome = evaluateSlot(code, policy, facts, referenceDate) as SlotOutcome;
    return {
      code,
      ...outcome,
      isRequired: policy.requiredCriteria.includes(code),
      isSufficientAlone: policy.criteria[code].sufficientAlone,
    };
  });
  const limits: LimitResult[] = [];
  for (const code of LIMIT_CODES) {
    const outcome = evaluateSlot(code, policy, facts, referenceDate);
    if (outcome) limits.push({ code, ...outcome });
  }

  const decide = compileRule(policy);
  const groups = FACT_GROUPS.map((group) => ({
    ...group,
    masks: listPossibleOutcomes(group, policy, facts, referenceDate),
  })).filter((group) => group.masks.length > 0);
  const verdicts = new Set([...combineMasks(groups.map((group) => group.masks))].map(decide));
  const status: EligibilityStatus =
    verdicts.size === 2 ? 'incomplete' : verdicts.has(true) ? 'eligible' : 'ineligible';

  const missingFacts: FactKey[] = [];
  if (status === 'incomplete') {
    for (const [index, group] of groups.entries()) {
      if (group.masks.length < 2) continue;
      const others = combineMasks(
        groups.filter((_, position) => position !== index).map((other) => other.masks),
      );
      const matters = [...others].some(
        (rest) => new Set(group.masks.map((mask) => decide(rest | mask))).size === 2,
      );
      if (!matters) continue;
      // The first fact of a group comes first: a guardian's consent is asked for once the age is known.
      const missing = group.facts.filter((key) => facts[key] === undefined);
      const primary = group.facts[0] as FactKey;
      if (missing.includes(primary)) missingFacts.push(primary);
      else
        missingFacts.push(
          ...(missing.length > 0 ? missing : group.facts.filter((key) => facts[key] !== undefined)),
        );
    }
  }

  return {
    status,
    policyId: policy.id ?? null,
    policyVersion: policy.version ?? null,
    referenceDate,
    criteria,
    limits,
    metCount: criteria.filter((result) => result.status === 'met').length,
    missingFacts,
    reason: summarise(status, criteria, limits, policy, missingFacts),
  };
}

/** The rule of domain.md on known outcomes; `isMet` reads a slot's outcome. */
export function isEligibleByRule(rules: EligibilityRules, isMet: (slot: Slot) => boolean): boolean {
  const limitsHold =
    isMet('min_age') && (rules.maxAge === null || isMet('max_age')) && isMet('guardian_consent');
  if (!limitsHold) return false;
  const active = listActiveCriteria(rules);
  if (!rules.requiredCriteria.every((code) => isMet(code))) return false;
  if (active.some((code) => rules.criteria[code].sufficientAlone && isMet(code))) return true;
  return active.filter((code) => isMet(code)).length >= rules.minCriteria;
}

/** Outcomes as bit masks over the slots: bit set when the slot is met. */
const SLOTS: readonly Slot[] = [...CRITERION_CODES, ...LIMIT_CODES];
const bitOf = (slot: Slot) => 1 << SLOTS.indexOf(slot);

/** The rule on a mask of met slots, memoised: the search below asks it thousands of times. */
function compileRule(rules: EligibilityRules): (mask: number) => boolean {
  const memo = new Map<number, boolean>();
  return (mask) => {
    let verdict = memo.get(mask);
    if (verdict === undefined) {
      verdict = isEligibleByRule(rules, (slot) => (mask & bitOf(slot)) !== 0);
      memo.set(mask, verdict);
    }
    return verdict;
  };
}

/** Every mask one outcome per group can make; groups touch disjoint slots, so OR joins them. */
function combineMasks(groups: readonly (readonly number[])[]): Set<number> {
  let combined = new Set([0]);
  for (const masks of groups) {
    const next = new Set<number>();
    for (const left of combined) for (const mask of masks) next.add(left | mask);
    combined = next;
  }
  return combined;
}

function listPossibleOutcomes(
  group: (typeof FACT_GROUPS)[number],
  rules: EligibilityRules,
  facts: CandidateFacts,
  referenceDate: string,
): number[] {
  const slots = group.slots.filter((slot) => evaluateSlot(slot, rules, facts, referenceDate) !== null);
  if (slots.length === 0) return [];
  let completions: CandidateFacts[] = [facts];
  for (const key of group.facts) {
    if (facts[key] !== undefined) continue;
    const values = listRepresentativeValues(key, rules, referenceDate);
    completions = completions.flatMap((partial) => values.map((value) => ({ ...partial, [key]: value })));
  }
  const masks = new Set<number>();
  for (const completion of completions) {
    let expanded = [0];
    for (const slot of slots) {
      const status = (evaluateSlot(slot, rules, completion, referenceDate) as SlotOutcome).status;
      if (status === 'met') expanded = expanded.map((mask) => mask | bitOf(slot));
      else if (status === 'unknown') expanded = expanded.flatMap((mask) => [mask, mask | bitOf(slot)]);
    }
    for (const mask of expanded) masks.add(mask);
  }
  return [...masks];
}

/** Values of a missing fact that, between them, reach every outcome its criteria can take. */
function listRepresentativeValues(key: FactKey, rules: EligibilityRules, referenceDate: string): AnyFact[] {
  const declared = <T>(value: T) => ({ value, origin: 'declared' as const });
  switch (key) {
    case 'birthDate': {
      const thresholds = [
        rules.criteria.young.maxAgeExclusive,
        rules.criteria.senior.minAge,
        rules.minAge,
        rules.guardianConsentBelowAge,
        ...(rules.maxAge === null ? [] : [rules.maxAge + 1]),
      ];
      const ages = new Set(
        [0, 130, ...thresholds.flatMap((age) => [age - 1, age])].filter((age) => age >= 0),
      );
      return [...ages].map((age) => declared(birthDateForAge(age, referenceDate)));
    }
    case 'guardianConsent':
    case 'rsaBeneficiary':
      return [declared(true), declared(false)];
    case 'gender':
      return GENDERS.map(declared);
    case 'diploma':
      return DIPLOMA_LEVELS.map((highestLevel) => declared({ highestLevel }));
    case 'jobSeeker': {
      const longAgo = addYears(referenceDate, -30);
      return [
        declared({ registered: false }),
        ...[undefined, ...JOB_SEEKER_CATEGORIES].flatMap((category) =>
          [referenceDate, longAgo].map((since) => declared({ registered: true, since, category })),
        ),
      ];
    }
    case 'qpv':
      return [declared({ isResident: true }), declared({ isResident: false })];
    case 'rural':
      return [
        declared({ frr: 'classified' as const, densityLevel: 7 }),
        declared({ frr: 'not_classified' as const, densityLevel: 1 }),
      ];
    default:
      return [];
  }
}

/** A birth date giving exactly `age` on `referenceDate`: same month, a day every year has. */
function birthDateForAge(age: number, referenceDate: string): string {
  const year = Number(referenceDate.slice(0, 4)) - age;
  const day = Math.min(Number(referenceDate.slice(8, 10)), 28);
  return `${String(year).padStart(4, '0')}-${referenceDate.slice(5, 7)}-${String(day).padStart(2, '0')}`;
}

function originOf(fact: AnyFact, validityMonths: number | null, referenceDate: string): EvidenceOrigin {
  if (fact.origin !== 'verified') return fact.origin;
  // A verified fact without its proof cannot be audited: it counts as declared.
  if (!fact.proof) return 'declared';
  if (validityMonths === null) return 'verified';
  const expiresOn = addMonths(fact.proof.documentDate, validityMonths);
  return compareCalendarDates(referenceDate, expiresOn) >= 0 ? 'verified_stale' : 'verified';
}

function outcome(
  status: CriterionStatus,
  origin: EvidenceOrigin | null,
  key: string,
  params: Reason['params'] = {},
) {
  return { status, origin, reason: { key, params } };
}

function evaluateSlot(
  slot: Slot,
  rules: EligibilityRules,
  facts: CandidateFacts,
  referenceDate: string,
): SlotOutcome | null {
  if (slot === 'min_age' || slot === 'max_age' || slot === 'guardian_consent') {
    return evaluateLimit(slot, rules, facts, referenceDate);
  }
  if (!rules.criteria[slot].enabled && !rules.requiredCriteria.includes(slot)) return null;
  return evaluateCriterion(slot, rules, facts, referenceDate);
}

function evaluateLimit(
  code: LimitCode,
  rules: EligibilityRules,
  facts: CandidateFacts,
  referenceDate: string,
): SlotOutcome | null {
  const birth = facts.birthDate;
  if (code === 'max_age' && rules.maxAge === null) return null;
  if (code === 'guardian_consent') {
    const consent = facts.guardianConsent;
    if (consent?.value === true)
      return outcome('met', originOf(consent, null, referenceDate), 'limit.guardian_consent.given');
    if (!birth) return outcome('unknown', null, 'limit.birth_date_unknown');
    const age = ageOn(birth.value, referenceDate);
    const params = { birthDate: birth.value, age, referenceDate, belowAge: rules.guardianConsentBelowAge };
    if (age >= rules.guardianConsentBelowAge) {
      return outcome(
        'met',
        originOf(birth, null, referenceDate),
        'limit.guardian_consent.not_needed',
        params,
      );
    }
    if (!consent) return outcome('unknown', null, 'limit.guardian_consent.missing', params);
    return outcome(
      'not_met',
      originOf(consent, null, referenceDate),
      'limit.guardian_consent.refused',
      params,
    );
  }
  if (!birth) return outcome('unknown', null, 'limit.birth_date_unknown');
  const origin = originOf(birth, null, referenceDate);
  const age = ageOn(birth.value, referenceDate);
  if (code === 'min_age') {
    const params = { birthDate: birth.value, age, referenceDate, minAge: rules.minAge };
    const isMet = compareCalendarDates(referenceDate, addYears(birth.value, rules.minAge)) >= 0;
    return outcome(
      isMet ? 'met' : 'not_met',
      origin,
      isMet ? 'limit.min_age.met' : 'limit.min_age.not_met',
      params,
    );
  }
  const maxAge = rules.maxAge as number;
  const params = { birthDate: birth.value, age, referenceDate, maxAge };
  const isMet = compareCalendarDates(referenceDate, addYears(birth.value, maxAge + 1)) < 0;
  return outcome(
    isMet ? 'met' : 'not_met',
    origin,
    isMet ? 'limit.max_age.met' : 'limit.max_age.not_met',
    params,
  );
}

function evaluateCriterion(
  code: CriterionCode,
  rules: EligibilityRules,
  facts: CandidateFacts,
  referenceDate: string,
): SlotOutcome {
  const { criteria } = rules;
  switch (code) {
    case 'young':
    case 'senior': {
      const birth = facts.birthDate;
      if (!birth) return outcome('unknown', null, `criterion.${code}.unknown`);
      const threshold = code === 'young' ? criteria.young.maxAgeExclusive : criteria.senior.minAge;
      const isBelow = compareCalendarDates(referenceDate, addYears(birth.value, threshold)) < 0;
      const isMet = code === 'young' ? isBelow : !isBelow;
      const params = {
        birthDate: birth.value,
        age: ageOn(birth.value, referenceDate),
        referenceDate,
        threshold,
      };
      return outcome(
        isMet ? 'met' : 'not_met',
        originOf(birth, null, referenceDate),
        `criterion.${code}.${isMet ? 'met' : 'not_met'}`,
        params,
      );
    }
    case 'low_qualification': {
      const diploma = facts.diploma;
      if (!diploma) return outcome('unknown', null, 'criterion.low_qualification.unknown');
      const origin = originOf(diploma, null, referenceDate);
      const level = diploma.value.highestLevel;
      const maxLevel = criteria.low_qualification.maxLevel;
      if (level === 'never_schooled' || level === 'none') {
        return outcome('met', origin, `criterion.low_qualification.${level}`, { level, maxLevel });
      }
      if (level === 'foreign_unrecognised') {
        const counts = criteria.low_qualification.countForeignUnrecognised;
        return outcome(
          counts ? 'met' : 'not_met',
          origin,
          `criterion.low_qualification.foreign_${counts ? 'counted' : 'not_counted'}`,
          { level, maxLevel },
        );
      }
      const isMet = (NUMERIC_LEVELS[level] as number) <= maxLevel;
      return outcome(
        isMet ? 'met' : 'not_met',
        origin,
        `criterion.low_qualification.${isMet ? 'met' : 'not_met'}`,
        { level, maxLevel },
      );
    }
    case 'qpv_resident': {
      const qpv = facts.qpv;
      if (!qpv) return outcome('unknown', null, 'criterion.qpv_resident.unknown');
      const origin = originOf(qpv, criteria.qpv_resident.proofValidityMonths, referenceDate);
      const vintage = qpv.value.vintage ?? qpv.computation?.vintage;
      if (qpv.origin === 'computed' && vintage !== undefined && vintage !== criteria.qpv_resident.vintage) {
        return outcome('unknown', origin, 'criterion.qpv_resident.vintage_mismatch', {
          vintage,
          expected: criteria.qpv_resident.vintage,
        });
      }
      if (!qpv.value.isResident) return outcome('not_met', origin, 'criterion.qpv_resident.not_met');
      return outcome('met', origin, 'criterion.qpv_resident.met', { qpvCode: qpv.value.qpvCode ?? '?' });
    }
    case 'rural_resident': {
      const rural = facts.rural;
      const { basis, minDensityLevel, proofValidityMonths } = criteria.rural_resident;
      if (!rural) return outcome('unknown', null, 'criterion.rural_resident.unknown');
      const origin = originOf(rural, proofValidityMonths, referenceDate);
      if (basis === 'density') {
        const level = rural.value.densityLevel;
        if (level === undefined)
          return outcome('unknown', origin, 'criterion.rural_resident.density_unknown');
        const isMet = level >= minDensityLevel;
        return outcome(
          isMet ? 'met' : 'not_met',
          origin,
          `criterion.rural_resident.density_${isMet ? 'met' : 'not_met'}`,
          { densityLevel: level, minDensityLevel },
        );
      }
      const frr = rural.value.frr;
      if (frr === undefined) return outcome('unknown', origin, 'criterion.rural_resident.frr_unknown');
      if (frr === 'partially_classified')
        return outcome('unknown', origin, 'criterion.rural_resident.frr_partial');
      const isMet = frr === 'classified';
      return outcome(
        isMet ? 'met' : 'not_met',
        origin,
        `criterion.rural_resident.frr_${isMet ? 'met' : 'not_met'}`,
      );
    }
    case 'job_seeker': {
      const jobSeeker = facts.jobSeeker;
      if (!jobSeeker) return outcome('unknown', null, 'criterion.job_seeker.unknown');
      const origin = originOf(jobSeeker, criteria.job_seeker.proofValidityMonths, referenceDate);
      const { registered, category } = jobSeeker.value;
      if (!registered) return outcome('not_met', origin, 'criterion.job_seeker.not_registered');
      if (category === undefined) return outcome('met', origin, 'criterion.job_seeker.met');
      const accepted = criteria.job_seeker.acceptedCategories;
      const isMet = accepted.includes(category);
      return outcome(
        isMet ? 'met' : 'not_met',
        origin,
        `criterion.job_seeker.category_${isMet ? 'accepted' : 'refused'}`,
        { category, accepted: accepted.join(', ') },
      );
    }
    case 'long_term_job_seeker':
      return evaluateLongTermJobSeeker(rules, facts, referenceDate);
    case 'woman': {
      const gender = facts.gender;
      if (!gender) return outcome('unknown', null, 'criterion.woman.unknown');
      const origin = originOf(gender, null, referenceDate);
      if (gender.value === 'female') return outcome('met', origin, 'criterion.woman.met');
      return outcome(
        'not_met',
        origin,
        gender.value === 'undisclosed' ? 'criterion.woman.undisclosed' : 'criterion.woman.not_met',
      );
    }
    case 'rsa_beneficiary': {
      const rsa = facts.rsaBeneficiary;
      if (!rsa) return outcome('unknown', null, 'criterion.rsa_beneficiary.unknown');
      const origin = originOf(rsa, criteria.rsa_beneficiary.proofValidityMonths, referenceDate);
      return outcome(
        rsa.value ? 'met' : 'not_met',
        origin,
        `criterion.rsa_beneficiary.${rsa.value ? 'met' : 'not_met'}`,
      );
    }
  }
}

function evaluateLongTermJobSeeker(
  rules: EligibilityRules,
  facts: CandidateFacts,
  referenceDate: string,
): SlotOutcome {
  const jobSeeker = facts.jobSeeker;
  const { minMonths, proofValidityMonths } = rules.criteria.long_term_job_seeker;
  if (!jobSeeker) return outcome('unknown', null, 'criterion.long_term_job_seeker.unknown');
  const origin = originOf(jobSeeker, proofValidityMonths, referenceDate);
  const { registered, since, sinceBucket } = jobSeeker.value;
  if (!registered) return outcome('not_met', origin, 'criterion.job_seeker.not_registered');
  if (since !== undefined) {
    const months = monthsBetween(since, referenceDate);
    const isMet = months >= minMonths;
    return outcome(
      isMet ? 'met' : 'not_met',
      origin,
      `criterion.long_term_job_seeker.${isMet ? 'met' : 'not_met'}`,
      { since, months, referenceDate, minMonths },
    );
  }
  if (sinceBucket === undefined)
    return outcome('unknown', origin, 'criterion.long_term_job_seeker.since_unknown');
  // A bucket only bounds the length, at whole-month precision, on the day it was stated.
  const [low, high] = BUCKET_MONTHS[sinceBucket.bucket];
  const elapsedFloor = monthsBetween(sinceBucket.statedOn, referenceDate);
  const elapsedCeil =
    addMonths(sinceBucket.statedOn, elapsedFloor) === referenceDate ? elapsedFloor : elapsedFloor + 1;
  const params = { bucket: sinceBucket.bucket, statedOn: sinceBucket.statedOn, referenceDate, minMonths };
  if (low + elapsedFloor >= minMonths)
    return outcome('met', origin, 'criterion.long_term_job_seeker.bucket_met', params);
  if (high + elapsedCeil <= minMonths)
    return outcome('not_met', origin, 'criterion.long_term_job_seeker.bucket_not_met', params);
  return outcome('unknown', origin, 'criterion.long_term_job_seeker.bucket_ambiguous', params);
}

function summarise(
  status: EligibilityStatus,
  criteria: readonly CriterionResult[],
  limits: readonly LimitResult[],
  rules: EligibilityRules,
  missingFacts: readonly FactKey[],
): Reason {
  const metCount = criteria.filter((result) => result.status === 'met').length;
  if (status === 'incomplete')
    return { key: 'eligibility.incomplete', params: { facts: missingFacts.join(',') } };
  if (status === 'eligible') {
    const sufficient = criteria.find((result) => result.isSufficientAlone && result.status === 'met');
    return sufficient
      ? { key: 'eligibility.eligible_sufficient', params: { criterion: sufficient.code } }
      : { key: 'eligibility.eligible', params: { metCount, minCriteria: rules.minCriteria } };
  }
  const failedLimit = limits.find((result) => result.status === 'not_met');
  if (failedLimit) return { key: 'eligibility.ineligible_limit', params: { limit: failedLimit.code } };
  const failedRequired = criteria.find((result) => result.isRequired && result.status === 'not_met');
  if (failedRequired)
    return { key: 'eligibility.ineligible_required', params: { criterion: failedRequired.code } };
  return { key: 'eligibility.ineligible', params: { metCount, minCriteria: rules.minCriteria } };
}
