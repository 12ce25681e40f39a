/**
 * Message catalogues for reasons and validation messages. The domain returns keys and parameters,
 * never sentences, so that the API, the web app and exports each render them in the reader's language.
 */

export const LOCALES = ['fr', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

const fr = {
  'criterion.young': 'jeune',
  'criterion.low_qualification': 'peu ou pas diplômé·e',
  'criterion.qpv_resident': 'résident·e QPV',
  'criterion.rural_resident': 'résident·e en zone rurale',
  'criterion.job_seeker': 'demandeur·se d’emploi',
  'criterion.long_term_job_seeker': 'demandeur·se d’emploi de longue durée',
  'criterion.woman': 'femme',
  'criterion.senior': 'senior',
  'criterion.rsa_beneficiary': 'bénéficiaire du RSA',
  'limit.min_age': 'âge minimum',
  'limit.max_age': 'âge maximum',
  'limit.guardian_consent': 'accord du représentant légal',
  'fact.birthDate': 'date de naissance',
  'fact.gender': 'genre',
  'fact.diploma': 'diplôme',
  'fact.employmentSituation': 'situation professionnelle',
  'fact.jobSeeker': 'inscription à France Travail',
  'fact.rsaBeneficiary': 'RSA',
  'fact.qpv': 'résidence en QPV',
  'fact.rural': 'résidence en zone rurale',
  'fact.guardianConsent': 'accord du représentant légal',
  'diploma_level.never_schooled': 'jamais scolarisé·e',
  'diploma_level.none': 'sans diplôme',
  'diploma_level.3': 'niveau 3 (CAP, BEP)',
  'diploma_level.4': 'niveau 4 (bac)',
  'diploma_level.5': 'niveau 5 (bac+2)',
  'diploma_level.6': 'niveau 6 (bac+3/4)',
  'diploma_level.7': 'niveau 7 (bac+5)',
  'diploma_level.8': 'niveau 8 (doctorat)',
  'diploma_level.foreign_unrecognised': 'diplôme étranger non reconnu',

  'criterion.young.met': 'né·e le {birthDate}, {age} ans au {referenceDate} < {threshold}',
  'criterion.young.not_met': 'né·e le {birthDate}, {age} ans au {referenceDate} ≥ {threshold}',
  'criterion.young.unknown': 'date de naissance inconnue',
  'criterion.senior.met': 'né·e le {birthDate}, {age} ans au {referenceDate} ≥ {threshold}',
  'criterion.senior.not_met': 'né·e le {birthDate}, {age} ans au {referenceDate} < {threshold}',
  'criterion.senior.unknown': 'date de naissance inconnue',
  'criterion.low_qualification.never_schooled': 'jamais scolarisé·e',
  'criterion.low_qualification.none': 'sans diplôme (niveaux 1–2, brevet compris)',
  'criterion.low_qualification.met': 'diplôme le plus élevé : {level} ≤ niveau {maxLevel}',
  'criterion.low_qualification.not_met': 'diplôme le plus élevé : {level} > niveau {maxLevel}',
  'criterion.low_qualification.foreign_counted': 'diplôme étranger non reconnu, compté comme peu diplômé',
  'criterion.low_qualification.foreign_not_counted':
    'diplôme étranger non reconnu, non compté par ces règles',
  'criterion.low_qualification.unknown': 'diplôme inconnu',
  'criterion.qpv_resident.met': 'adresse dans le QPV {qpvCode}',
  'criterion.qpv_resident.not_met': 'adresse hors QPV',
  'criterion.qpv_resident.unknown': 'résidence en QPV inconnue',
  'criterion.qpv_resident.vintage_mismatch':
    'QPV calculé sur la géographie {vintage}, les règles attendent {expected}',
  'criterion.rural_resident.frr_met': 'commune classée France Ruralités Revitalisation',
  'criterion.rural_resident.frr_not_met': 'commune non classée France Ruralités Revitalisation',
  'criterion.rural_resident.frr_partial': 'commune partiellement classée : à vérifier',
  'criterion.rural_resident.frr_unknown': 'classement de la commune inconnu',
  'criterion.rural_resident.density_met': 'densité de la commune : niveau {densityLevel} ≥ {minDensityLevel}',
  'criterion.rural_resident.density_not_met':
    'densité de la commune : niveau {densityLevel} < {minDensityLevel}',
  'criterion.rural_resident.density_unknown': 'densité de la commune inconnue',
  'criterion.rural_resident.unknown': 'commune de résidence inconnue',
  'criterion.job_seeker.met': 'inscrit·e à France Travail',
  'criterion.job_seeker.category_accepted': 'inscrit·e à France Travail, catégorie {category}',
  'criterion.job_seeker.category_refused':
    'inscrit·e à France Travail en catégorie {category}, hors {accepted}',
  'criterion.job_seeker.not_registered': 'non inscrit·e à France Travail',
  'criterion.job_seeker.unknown': 'inscription à France Travail inconnue',
  'criterion.long_term_job_seeker.met':
    'inscrit·e depuis le {since}, {months} mois au {referenceDate} ≥ {minMonths}',
  'criterion.long_term_job_seeker.not_met':
    'inscrit·e depuis le {since}, {months} mois au {referenceDate} < {minMonths}',
  'criterion.long_term_job_seeker.bucket_met':
    'inscrit·e depuis {bucket} au {statedOn}, au moins {minMonths} mois au {referenceDate}',
  'criterion.long_term_job_seeker.bucket_not_met':
    'inscrit·e depuis {bucket} au {statedOn}, moins de {minMonths} mois au {referenceDate}',
  'criterion.long_term_job_seeker.bucket_ambiguous':
    'inscrit·e depuis {bucket} au {statedOn} : date d’inscription à préciser',
  'criterion.long_term_job_seeker.since_unknown': 'date d’inscription inconnue',
  'criterion.long_term_job_seeker.unknown': 'inscription à France Travail inconnue',
  'criterion.woman.met': 'femme',
  'criterion.woman.not_met': 'ne se déclare pas femme',
  'criterion.woman.undisclosed': 'genre non communiqué',
  'criterion.woman.unknown': 'genre inconnu',
  'criterion.rsa_beneficiary.met': 'bénéficiaire du RSA',
  'criterion.rsa_beneficiary.not_met': 'non bénéficiaire du RSA',
  'criterion.rsa_beneficiary.unknown': 'RSA inconnu',
  'limit.birth_date_unknown': 'date de naissance inconnue',
  'limit.min_age.met': '{age} ans au {referenceDate} ≥ {minAge}',
  'limit.min_age.not_met': '{age} ans au {referenceDate} < {minAge}',
  'limit.max_age.met': '{age} ans au {referenceDate} ≤ {maxAge}',
  'limit.max_age.not_met': '{age} ans au {referenceDate} > {maxAge}',
  'limit.guardian_consent.given': 'accord du représentant légal enregistré',
  'limit.guardian_consent.not_needed':
    '{age} ans au {referenceDate} : accord du représentant légal non requis',
  'limit.guardian_consent.missing':
    '{age} ans au {referenceDate} < {belowAge} : accord du représentant légal à enregistrer',
  'limit.guardian_consent.refused':
    '{age} ans au {referenceDate} < {belowAge} : pas d’accord du représentant légal',
  'eligibility.eligible': '{metCount} critère(s) rempli(s) sur {minCriteria} demandé(s)',
  'eligibility.eligible_sufficient': 'critère suffisant à lui seul : {criterion}',
  'eligibility.ineligible': '{metCount} critère(s) rempli(s), {minCriteria} demandé(s)',
  'eligibility.ineligible_limit': 'limite non respectée : {limit}',
  'eligibility.ineligible_required': 'critère obligatoire non rempli : {criterion}',
  'eligibility.incomplete': 'à compléter : {facts}',

  'policy.min_criteria_above_enabled':
    '{minCriteria} critères demandés, mais {enabledCount} seulement sont activés',
  'policy.required_not_enabled': 'le critère obligatoire « {criterion} » n’est pas activé',
  'policy.required_contradictory':
    'les critères obligatoires « jeune » (moins de {youngMaxAge} ans) et « senior » ({seniorMinAge} ans et plus) se contredisent',
  'policy.age_limits_inverted': 'âge maximum {maxAge} inférieur à l’âge minimum {minAge}',
  'policy.unsatisfiable': 'aucun·e candidat·e ne peut être éligible avec ces règles',
  'fact.proof_required': 'un fait vérifié doit indiquer le justificatif vu',
  'fact.computation_required': 'un fait calculé doit indiquer sa source',
  'email.invalid': 'adresse e-mail invalide',
  'password.too_short': 'le mot de passe doit compter au moins 12 caractères',
  'user.fabrique_required':
    'un·e coordinateur·rice ou un·e formateur·rice travaille dans au moins une fabrique',
  'user.no_fabrique': 'un·e admin ou un·e lecteur·rice n’est rattaché·e à aucune fabrique',
  'phone.invalid': 'numéro de téléphone invalide',
  'postal_code.invalid': 'code postal invalide (5 chiffres)',
  'insee_code.invalid': 'code INSEE invalide',
  'qpv_code.invalid': 'code QPV invalide (ex. QN05901M)',
  'france_travail_id.invalid':
    'identifiant France Travail invalide (7 chiffres et 1 lettre ou chiffre, ou 11 chiffres)',
  'contact.required': 'une adresse e-mail ou un téléphone est nécessaire',
  'source.partner_required': 'indiquer le partenaire prescripteur',
  'session.dates_inverted': 'la date de fin précède la date de début',
  'session.window_inverted': 'la clôture des candidatures précède leur ouverture',
  'session.window_after_start': 'les candidatures doivent ouvrir avant le début de la session',
  'session.capacity_below_taken':
    'la capacité ne peut pas descendre sous le nombre de places déjà prises (personnes admises ou inscrites)',
  'session.trainer_not_in_fabrique': 'une personne choisie n’est pas formatrice de cette fabrique',
  'session.move_not_allowed':
    'ce changement de statut n’est pas possible depuis le statut actuel de la session',
  'session.same_status': 'la session a déjà ce statut',
  'session.final_status': 'la session est archivée ou annulée : son statut ne change plus',
  'program.rncp_required': 'une formation certifiante a un code RNCP et un niveau',
  'report.period_reversed': 'la fin de la période précède son début',
  'candidacy.comment_required': 'un commentaire est obligatoire pour le motif « autre »',
  'candidacy.move.same_stage': 'la candidature est déjà à cette étape',
  'candidacy.move.final_stage': 'la candidature est à une étape finale',
  'candidacy.move.move_not_allowed': 'ce changement d’étape n’est pas permis',
  'candidacy.move.rejection_reason_required': 'un motif de refus est obligatoire',
  'candidacy.move.comment_required': 'un commentaire est obligatoire pour le motif « autre »',
  'candidacy.move.withdrawal_reason_required': 'un motif de désistement est obligatoire',
  'candidacy.move.reopen_reason_required': 'rouvrir une candidature demande un commentaire',
  'candidacy.move.session_full': 'la session est complète : plus de place pour une admission',
  'candidacy.move.open_candidacy_exists':
    'le ou la candidat·e a déjà une candidature ouverte à cette session',
  'candidacy.eligibility_frozen': 'l’éligibilité est figée depuis la décision (admission ou refus)',
  'candidacy.fact_unknown': 'cette information n’est pas encore renseignée : la saisir avant de la vérifier',
  'ids.duplicated': 'un même identifiant figure plusieurs fois',
  'placement.duration_required': 'durée en mois obligatoire pour un stage, un CDD ou un intérim',
  'placement.incubator_required': 'indiquer l’incubateur partenaire',
  'placement.qualifying_required': 'préciser si la formation est qualifiante',
  'placement.hiring_promise_internship_only': 'une promesse d’embauche ne concerne qu’un stage',
  'follow_up.placement_or_situation': 'choisir une situation ou un placement, pas les deux',
  'placement.dates_inverted': 'la date de fin précède la date de début',
  'placement.employer_required': 'indiquer le partenaire ou l’employeur',
  'offer.dates_inverted': 'la date de fin précède la date de début',
  'scorecard.score_above_max': 'note supérieure au maximum',
  'application.rejected': 'candidature refusée',
  'application.duplicate': 'une candidature de cette personne à cette session est déjà en cours',
  'application.session_closed': 'cette session ne reçoit pas de candidatures en ce moment',
  'import.row_invalid': 'ligne invalide',
} as const;

export type MessageKey = keyof typeof fr;

const en: Record<MessageKey, string> = {
  'criterion.young': 'young',
  'criterion.low_qualification': 'low qualification',
  'criterion.qpv_resident': 'QPV resident',
  'criterion.rural_resident': 'rural resident',
  'criterion.job_seeker': 'job seeker',
  'criterion.long_term_job_seeker': 'long-term job seeker',
  'criterion.woman': 'woman',
  'criterion.senior': 'senior',
  'criterion.rsa_beneficiary': 'RSA beneficiary',
  'limit.min_age': 'minimum age',
  'limit.max_age': 'maximum age',
  'limit.guardian_consent': "legal guardian's consent",
  'fact.birthDate': 'birth date',
  'fact.gender': 'gender',
  'fact.diploma': 'diploma',
  'fact.employmentSituation': 'employment situation',
  'fact.jobSeeker': 'France Travail registration',
  'fact.rsaBeneficiary': 'RSA',
  'fact.qpv': 'QPV residence',
  'fact.rural': 'rural residence',
  'fact.guardianConsent': "legal guardian's consent",
  'diploma_level.never_schooled': 'never schooled',
  'diploma_level.none': 'no diploma',
  'diploma_level.3': 'level 3 (CAP, BEP)',
  'diploma_level.4': 'level 4 (baccalauréat)',
  'diploma_level.5': 'level 5 (bac+2)',
  'diploma_level.6': 'level 6 (bac+3/4)',
  'diploma_level.7': 'level 7 (bac+5)',
  'diploma_level.8': 'level 8 (doctorate)',
  'diploma_level.foreign_unrecognised': 'unrecognised foreign diploma',

  'criterion.young.met': 'born {birthDate}, aged {age} on {referenceDate} < {threshold}',
  'criterion.young.not_met': 'born {birthDate}, aged {age} on {referenceDate} ≥ {threshold}',
  'criterion.young.unknown': 'birth date unknown',
  'criterion.senior.met': 'born {birthDate}, aged {age} on {referenceDate} ≥ {threshold}',
  'criterion.senior.not_met': 'born {birthDate}, aged {age} on {referenceDate} < {threshold}',
  'criterion.senior.unknown': 'birth date unknown',
  'criterion.low_qualification.never_schooled': 'never schooled',
  'criterion.low_qualification.none': 'no diploma (levels 1–2, brevet included)',
  'criterion.low_qualification.met': 'highest diploma: {level} ≤ level {maxLevel}',
  'criterion.low_qualification.not_met': 'highest diploma: {level} > level {maxLevel}',
  'criterion.low_qualification.foreign_counted': 'unrecognised foreign diploma, counted as low qualification',
  'criterion.low_qualification.foreign_not_counted':
    'unrecognised foreign diploma, not counted by this policy',
  'criterion.low_qualification.unknown': 'diploma unknown',
  'criterion.qpv_resident.met': 'address in QPV {qpvCode}',
  'criterion.qpv_resident.not_met': 'address outside any QPV',
  'criterion.qpv_resident.unknown': 'QPV residence unknown',
  'criterion.qpv_resident.vintage_mismatch':
    'QPV computed on the {vintage} geography, the policy expects {expected}',
  'criterion.rural_resident.frr_met': 'commune classified France Ruralités Revitalisation',
  'criterion.rural_resident.frr_not_met': 'commune not classified France Ruralités Revitalisation',
  'criterion.rural_resident.frr_partial': 'commune partially classified: to be verified',
  'criterion.rural_resident.frr_unknown': 'commune classification unknown',
  'criterion.rural_resident.density_met': 'commune density: level {densityLevel} ≥ {minDensityLevel}',
  'criterion.rural_resident.density_not_met': 'commune density: level {densityLevel} < {minDensityLevel}',
  'criterion.rural_resident.density_unknown': 'commune density unknown',
  'criterion.rural_resident.unknown': 'commune of residence unknown',
  'criterion.job_seeker.met': 'registered with France Travail',
  'criterion.job_seeker.category_accepted': 'registered with France Travail, category {category}',
  'criterion.job_seeker.category_refused':
    'registered with France Travail in category {category}, not in {accepted}',
  'criterion.job_seeker.not_registered': 'not registered with France Travail',
  'criterion.job_seeker.unknown': 'France Travail registration unknown',
  'criterion.long_term_job_seeker.met':
    'registered since {since}, {months} months on {referenceDate} ≥ {minMonths}',
  'criterion.long_term_job_seeker.not_met':
    'registered since {since}, {months} months on {referenceDate} < {minMonths}',
  'criterion.long_term_job_seeker.bucket_met':
    'registered for {bucket} on {statedOn}, at least {minMonths} months on {referenceDate}',
  'criterion.long_term_job_seeker.bucket_not_met':
    'registered for {bucket} on {statedOn}, under {minMonths} months on {referenceDate}',
  'criterion.long_term_job_seeker.bucket_ambiguous':
    'registered for {bucket} on {statedOn}: registration date needed',
  'criterion.long_term_job_seeker.since_unknown': 'registration date unknown',
  'criterion.long_term_job_seeker.unknown': 'France Travail registration unknown',
  'criterion.woman.met': 'woman',
  'criterion.woman.not_met': 'does not declare as a woman',
  'criterion.woman.undisclosed': 'gender undisclosed',
  'criterion.woman.unknown': 'gender unknown',
  'criterion.rsa_beneficiary.met': 'RSA beneficiary',
  'criterion.rsa_beneficiary.not_met': 'not an RSA beneficiary',
  'criterion.rsa_beneficiary.unknown': 'RSA unknown',
  'limit.birth_date_unknown': 'birth date unknown',
  'limit.min_age.met': 'aged {age} on {referenceDate} ≥ {minAge}',
  'limit.min_age.not_met': 'aged {age} on {referenceDate} < {minAge}',
  'limit.max_age.met': 'aged {age} on {referenceDate} ≤ {maxAge}',
  'limit.max_age.not_met': 'aged {age} on {referenceDate} > {maxAge}',
  'limit.guardian_consent.given': "legal guardian's consent recorded",
  'limit.guardian_consent.not_needed': "aged {age} on {referenceDate}: no legal guardian's consent needed",
  'limit.guardian_consent.missing':
    "aged {age} on {referenceDate} < {belowAge}: legal guardian's consent to record",
  'limit.guardian_consent.refused': "aged {age} on {referenceDate} < {belowAge}: no legal guardian's consent",
  'eligibility.eligible': '{metCount} criteria met, {minCriteria} needed',
  'eligibility.eligible_sufficient': 'criterion sufficient alone: {criterion}',
  'eligibility.ineligible': '{metCount} criteria met, {minCriteria} needed',
  'eligibility.ineligible_limit': 'limit not respected: {limit}',
  'eligibility.ineligible_required': 'required criterion not met: {criterion}',
  'eligibility.incomplete': 'to complete: {facts}',

  'policy.min_criteria_above_enabled': '{minCriteria} criteria required but only {enabledCount} enabled',
  'policy.required_not_enabled': 'required criterion "{criterion}" is not enabled',
  'policy.required_contradictory':
    'required criteria "young" (under {youngMaxAge}) and "senior" ({seniorMinAge} and over) contradict each other',
  'policy.age_limits_inverted': 'maximum age {maxAge} below minimum age {minAge}',
  'policy.unsatisfiable': 'no candidate can be eligible under this policy',
  'fact.proof_required': 'a verified fact must state the proof seen',
  'fact.computation_required': 'a computed fact must state its source',
  'email.invalid': 'invalid e-mail address',
  'password.too_short': 'the password must have at least 12 characters',
  'user.fabrique_required': 'a coordinator or trainer works in at least one fabrique',
  'user.no_fabrique': 'an admin or viewer belongs to no fabrique',
  'phone.invalid': 'invalid phone number',
  'postal_code.invalid': 'invalid postal code (5 digits)',
  'insee_code.invalid': 'invalid INSEE code',
  'qpv_code.invalid': 'invalid QPV code (e.g. QN05901M)',
  'france_travail_id.invalid':
    'invalid France Travail identifier (7 digits and 1 letter or digit, or 11 digits)',
  'contact.required': 'an e-mail address or a phone number is needed',
  'source.partner_required': 'name the referring partner',
  'session.dates_inverted': 'the end date is before the start date',
  'session.window_inverted': 'applications close before they open',
  'session.window_after_start': 'applications must open before the session starts',
  'session.capacity_below_taken':
    'the capacity cannot drop below the places already taken (admitted or enrolled)',
  'session.trainer_not_in_fabrique': 'a person chosen is not a trainer of this fabrique',
  'session.move_not_allowed': 'this status change is not possible from the session’s current status',
  'session.same_status': 'the session already has this status',
  'session.final_status': 'the session is archived or cancelled: its status no longer changes',
  'program.rncp_required': 'a certifying training has an RNCP code and level',
  'report.period_reversed': 'the period ends before it starts',
  'candidacy.comment_required': 'a comment is required for reason "other"',
  'candidacy.move.same_stage': 'the candidacy is already at this stage',
  'candidacy.move.final_stage': 'the candidacy is at a final stage',
  'candidacy.move.move_not_allowed': 'this stage change is not allowed',
  'candidacy.move.rejection_reason_required': 'a rejection reason is required',
  'candidacy.move.comment_required': 'a comment is required for reason "other"',
  'candidacy.move.withdrawal_reason_required': 'a withdrawal reason is required',
  'candidacy.move.reopen_reason_required': 'reopening a candidacy needs a comment',
  'candidacy.move.session_full': 'the session is full: no place left to admit',
  'candidacy.move.open_candidacy_exists': 'the candidate already has an open candidacy for this session',
  'candidacy.eligibility_frozen': 'the eligibility is frozen since the decision (admission or rejection)',
  'candidacy.fact_unknown': 'this fact is not recorded yet: enter it before verifying it',
  'ids.duplicated': 'the same id appears more than once',
  'placement.duration_required': 'duration in months required for an internship, a CDD or an interim',
  'placement.incubator_required': 'name the incubator partner',
  'placement.qualifying_required': 'say whether the training is qualifying',
  'placement.hiring_promise_internship_only': 'a hiring promise only applies to an internship',
  'follow_up.placement_or_situation': 'choose a situation or a placement, not both',
  'placement.dates_inverted': 'the end date is before the start date',
  'placement.employer_required': 'name the partner or the employer',
  'offer.dates_inverted': 'the end date is before the start date',
  'scorecard.score_above_max': 'score above the maximum',
  'application.rejected': 'application refused',
  'application.duplicate': 'this person already has an open application to this session',
  'application.session_closed': 'this session does not accept applications at the moment',
  'import.row_invalid': 'invalid row',
};

export const MESSAGES: Record<Locale, Record<MessageKey, string>> = { fr, en };

export interface Message {
  key: string;
  params?: Readonly<Record<string, string | number>>;
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(fr, key);
}

/** Parameters holding codes are rendered through the catalogue too (`criterion`, `limit`, `level`, `facts`). */
const TRANSLATED_PARAMS: Record<string, string> = {
  criterion: 'criterion',
  limit: 'limit',
  level: 'diploma_level',
  facts: 'fact',
};

function translate(key: string, locale: Locale): string {
  return isMessageKey(key) ? MESSAGES[locale][key] : key;
}

/** Renders a message key with its parameters; an unknown key is returned as is, never thrown. */
export function formatMessage(message: Message, locale: Locale): string {
  const params = message.params ?? {};
  return translate(message.key, locale).replace(/\{(\w+)\}/g, (placeholder, name: string) => {
    const value = params[name];
    if (value === undefined) return placeholder;
    const prefix = TRANSLATED_PARAMS[name];
    if (!prefix || typeof value === 'number') return String(value);
    return value
      .split(',')
      .filter((item) => item !== '')
      .map((item) => translate(`${prefix}.${item}`, locale))
      .join(', ');
  });
}

/** Alias for reasons returned by the eligibility engine and the policy validator. */
export const formatReason = formatMessage;

/**
 * Translates zod issues whose message is a catalogue key, with the issue's `params` when it has some;
 * zod's own messages are left to zod's locales (`z.config(z.locales.fr())`).
 */
export function localizeIssues<T extends { message: string; params?: unknown }>(
  issues: readonly T[],
  locale: Locale,
): T[] {
  return issues.map((issue) => {
    if (!isMessageKey(issue.message)) return issue;
    const params: Record<string, string | number> = {};
    if (issue.params && typeof issue.params === 'object') {
      for (const [name, value] of Object.entries(issue.params)) {
        if (typeof value === 'string' || typeof value === 'number') params[name] = value;
      }
    }
    return { ...issue, message: formatMessage({ key: issue.message, params }, locale) };
  });
}
