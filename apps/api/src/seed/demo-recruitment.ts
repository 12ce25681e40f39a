import { CANDIDACY_STAGES, type CandidacyStage } from '@passerelle/domain/candidacy/candidacy.schema';
import type { CandidateFacts, DiplomaLevel, Gender } from '@passerelle/domain/candidate/candidate.schema';
import { evaluateEligibility } from '@passerelle/domain/eligibility/eligibility';
import { createDefaultRules } from '@passerelle/domain/eligibility/eligibility-policy';
import { findCommunesByPostalCode } from '@passerelle/domain/reference/communes';
import type { Transaction } from '../db/client.ts';
import {
  candidacies,
  candidacyEvents,
  candidates,
  eligibilityPolicies,
  eligibilityPolicyVersions,
  programs,
  sessions,
} from '../db/schema/index.ts';
import { buildSearchText, normaliseSearchText } from '../plugins/app/candidates/candidate-search.ts';

/** A small deterministic generator: the demo is the same on every machine. */
function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    next,
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
    chance: (probability: number) => next() < probability,
    integer: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
  };
}
type Random = ReturnType<typeof createRandom>;

const FIRST_NAMES_F = [
  'Inès',
  'Aïcha',
  'Camille',
  'Léa',
  'Fatoumata',
  'Sarah',
  'Yasmine',
  'Manon',
  'Chloé',
  'Nadia',
  'Amina',
  'Julie',
  'Sofia',
  'Émilie',
  'Maëlys',
  'Khadija',
  'Lina',
  'Océane',
  'Sandrine',
  'Mariam',
];
const FIRST_NAMES_M = [
  'Mohamed',
  'Lucas',
  'Yanis',
  'Thomas',
  'Moussa',
  'Kévin',
  'Adam',
  'Hugo',
  'Bilal',
  'Nicolas',
  'Mamadou',
  'Théo',
  'Rayan',
  'Julien',
  'Karim',
  'Enzo',
  'Samir',
  'Alexandre',
  'Ibrahima',
  'Patrick',
];
const LAST_NAMES = [
  'Martin',
  'Bernard',
  'Diallo',
  'Dubois',
  'Benali',
  'Petit',
  'Traoré',
  'Moreau',
  'Nguyen',
  'Lefebvre',
  'Haddad',
  'Garcia',
  'Roux',
  'Kone',
  'Fournier',
  'Mercier',
  'Bensaïd',
  'Lambert',
  'Fontaine',
  'Da Silva',
  'Chevalier',
  'Cissé',
  'Robin',
  'Mendy',
  'Gauthier',
  'Boucher',
  'Lemaire',
  'Ouali',
  'Masson',
  'Leroy',
];
const STREETS = [
  'rue de la République',
  'avenue Jean Jaurès',
  'rue Victor Hugo',
  'boulevard de Belfort',
  'rue du Moulin',
  'allée des Tilleuls',
  'rue Pasteur',
  'place de la Gare',
];

const TERRITORIES: Record<string, { postalCodes: string[]; qpvCodes: string[] }> = {
  roubaix: {
    postalCodes: ['59100', '59200', '59150', '59000', '59170'],
    qpvCodes: ['QN05912M', 'QN05915M', 'QN05921M'],
  },
  montreuil: {
    postalCodes: ['93100', '93170', '93200', '75020', '93230'],
    qpvCodes: ['QN09304M', 'QN09311M', 'QN07520M'],
  },
};

function isoDay(base: Date, offsetDays: number): string {
  return new Date(base.getTime() + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

function generatePerson(random: Random, territory: (typeof TERRITORIES)[string], today: Date, index: number) {
  const gender: Gender = random.chance(0.46)
    ? 'female'
    : random.chance(0.95)
      ? 'male'
      : random.pick(['non_binary', 'undisclosed'] as const);
  const firstName = random.pick(gender === 'female' ? FIRST_NAMES_F : FIRST_NAMES_M);
  const lastName = random.pick(LAST_NAMES);
  const age = random.chance(0.55)
    ? random.integer(17, 25)
    : random.chance(0.8)
      ? random.integer(26, 49)
      : random.integer(50, 60);
  const birthDate = isoDay(today, -age * 365 - random.integer(0, 364));
  const postalCode = random.pick(territory.postalCodes);
  const commune = findCommunesByPostalCode(postalCode)[0];
  const diploma: DiplomaLevel = random.pick([
    'none',
    'none',
    '3',
    '3',
    '4',
    '4',
    '4',
    '5',
    '6',
    'never_schooled',
    'foreign_unrecognised',
  ]);
  const isJobSeeker = random.chance(0.7);
  const inQpv = random.chance(0.35);
  const slug = normaliseSearchText(`${firstName}.${lastName}`).replace(/[^a-z.]/g, '');
  const email = random.chance(0.92) ? `${slug}.${index}@exemple.fr` : null;
  const phone = `+336${String(10_000_000 + index * 7919).slice(-8)}`;
  const facts: CandidateFacts = {
    birthDate: { value: birthDate, origin: 'declared' },
    gender: { value: gender, origin: 'declared' },
    diploma: { value: { highestLevel: diploma }, origin: 'declared' },
    employmentSituation: {
      value: isJobSeeker ? 'job_seeker' : random.pick(['employed', 'student', 'inactive'] as const),
      origin: 'declared',
    },
    jobSeeker: {
      value: isJobSeeker
        ? {
            registered: true,
            sinceBucket: {
              bucket: random.pick(['lt_6m', '6_11m', '12_23m', '24m_plus'] as const),
              statedOn: isoDay(today, -random.integer(1, 40)),
            },
          }
        : { registered: false },
      origin: 'declared',
    },
    rsaBeneficiary: { value: random.chance(0.18), origin: 'declared' },
    qpv: {
      value: {
        isResident: inQpv,
        ...(inQpv ? { qpvCode: random.pick(territory.qpvCodes), vintage: '2024' } : {}),
      },
      origin: 'declared',
    },
    // Urban territories: no commune here is classified rural.
    rural: {
      value: { frr: 'not_classified', ...(commune ? { inseeCode: commune.inseeCode } : {}), vintage: '2024' },
      origin: 'declared',
    },
    ...(age < 18 ? { guardianConsent: { value: true, origin: 'declared' as const } } : {}),
  };
  return {
    firstName,
    lastName,
    email,
    phone,
    address: commune
      ? {
          street: `${random.integer(1, 180)} ${random.pick(STREETS)}`,
          postalCode,
          inseeCode: commune.inseeCode,
          communeName: commune.name,
          isDomiciliation: false,
        }
      : null,
    facts,
    source: {
      kind: random.pick([
        'france_travail',
        'mission_locale',
        'social_media',
        'word_of_mouth',
        'website',
        'cap_emploi',
      ] as const),
    },
    searchText: buildSearchText({ firstName, lastName, email, phone }),
  };
}

const REACHED_BEFORE_LEAVING: readonly CandidacyStage[] = [
  'submitted',
  'screening',
  'screening',
  'info_session',
  'assessment',
  'interview',
];

interface SessionPlan {
  name: string;
  status: 'completed' | 'in_progress' | 'recruiting' | 'draft';
  startOffsetDays: number;
  durationDays: number;
  capacity: number;
  candidacies: number;
  stages: readonly CandidacyStage[];
  /** A cohort of exactly this size (the first candidacies), the rest picked from `stages`. */
  cohort?: { completed: number; droppedOut: number };
}

const PLANS: readonly SessionPlan[] = [
  {
    name: 'Promo printemps',
    status: 'completed',
    startOffsetDays: -400,
    durationDays: 180,
    // The first Roubaix cohort of the source document: 27 learners, 25 of whom completed.
    capacity: 27,
    candidacies: 60,
    stages: ['rejected', 'rejected', 'withdrawn'],
    cohort: { completed: 25, droppedOut: 2 },
  },
  {
    name: 'Promo automne',
    status: 'in_progress',
    startOffsetDays: -60,
    durationDays: 180,
    capacity: 20,
    candidacies: 70,
    stages: [
      'enrolled',
      'enrolled',
      'enrolled',
      'dropped_out',
      'rejected',
      'rejected',
      'withdrawn',
      'waitlisted',
    ],
  },
  {
    name: 'Promo hiver',
    status: 'recruiting',
    startOffsetDays: 45,
    durationDays: 180,
    capacity: 20,
    candidacies: 110,
    stages: [
      'submitted',
      'submitted',
      'screening',
      'screening',
      'info_session',
      'assessment',
      'interview',
      'interview',
      'waitlisted',
      'admitted',
      'rejected',
      'withdrawn',
    ],
  },
  {
    name: 'Promo été',
    status: 'draft',
    startOffsetDays: 220,
    durationDays: 180,
    capacity: 22,
    candidacies: 0,
    stages: [],
  },
];

/**
 * Programs, a policy, past, running, open and future sessions, and a few hundred candidacies at
 * every stage for each demo fabrique, evaluated by the real eligibility engine.
 */
export async function seedDemoRecruitment(
  tx: Transaction,
  fabriqueRows: readonly { id: string; slug: string }[],
  today: Date = new Date(),
) {
  const random = createRandom(20_261_126);
  const rules = createDefaultRules();
  const [policy] = await tx
    .insert(eligibilityPolicies)
    .values({ name: 'Publics prioritaires (GEN)' })
    .returning();
  if (!policy) throw new Error('no policy');
  await tx
    .insert(eligibilityPolicyVersions)
    .values({ policyId: policy.id, version: 1, name: policy.name, rules: { ...rules } });

  let personIndex = 0;
  for (const fabrique of fabriqueRows) {
    const territory = TERRITORIES[fabrique.slug];
    if (!territory) continue;
    const [program] = await tx
      .insert(programs)
      .values({
        fabriqueId: fabrique.id,
        title: 'Développeur·se web et web mobile',
        kind: 'certifying_paid',
        rncpCode: 'RNCP37674',
        rncpLevel: 5,
        durationHours: 1200,
        defaultEligibilityPolicyId: policy.id,
      })
      .returning();
    if (!program) throw new Error('no program');

    for (const plan of PLANS) {
      const startDate = isoDay(today, plan.startOffsetDays);
      const [session] = await tx
        .insert(sessions)
        .values({
          fabriqueId: fabrique.id,
          programId: program.id,
          eligibilityPolicyId: policy.id,
          name: `${plan.name} ${startDate.slice(0, 4)}`,
          status: plan.status,
          applicationOpensOn: isoDay(today, plan.startOffsetDays - 75),
          applicationClosesOn: isoDay(today, plan.startOffsetDays - 15),
          startDate,
          endDate: isoDay(today, plan.startOffsetDays + plan.durationDays),
          capacity: plan.capacity,
          targets: [
            { criterion: 'woman', minShare: 0.3 },
            { criterion: 'low_qualification', minShare: 0.5 },
            { criterion: 'qpv_resident', minShare: 0.2 },
            { criterion: 'any_priority', minShare: 0.8 },
          ],
        })
        .returning();
      if (!session) throw new Error('no session');

      for (let index = 0; index < plan.candidacies; index++) {
        personIndex += 1;
        const person = generatePerson(random, territory, today, personIndex);
        const [candidate] = await tx
          .insert(candidates)
          .values({
            ...person,
            consent: {
              acceptedAt: today.toISOString(),
              privacyNoticeVersion: '2026-11',
              futureContact: random.chance(0.5),
            },
          })
          .returning({ id: candidates.id });
        if (!candidate) throw new Error('no candidate');
        const picked = random.pick(plan.stages);
        const cohort = plan.cohort;
        const stage: CandidacyStage = !cohort
          ? picked
          : index < cohort.completed
            ? 'completed'
            : index < cohort.completed + cohort.droppedOut
              ? 'dropped_out'
              : picked;
        const applicationDate = isoDay(today, plan.startOffsetDays - 75 + random.integer(0, 58));
        const evaluation = evaluateEligibility({
          policy: { ...rules, id: policy.id, version: 1 },
          facts: person.facts,
          referenceDate: startDate,
        });
        const submittedAt = new Date(
          `${applicationDate}T${String(random.integer(8, 21)).padStart(2, '0')}:${String(random.integer(0, 59)).padStart(2, '0')}:00Z`,
        );
        const [candidacy] = await tx
          .insert(candidacies)
          .values({
            sessionId: session.id,
            candidateId: candidate.id,
            fabriqueId: fabrique.id,
            stage,
            applicationDate,
            submittedAt,
            stageChangedAt: new Date(
              Math.min(today.getTime(), submittedAt.getTime() + random.integer(1, 40) * 86_400_000),
            ),
            source: person.source.kind,
            eligibility: evaluation,
            eligibilityStatus: evaluation.status,
            eligibilityInputs: person.facts,
            criteriaMet: evaluation.criteria
              .filter((criterion) => criterion.status === 'met')
              .map((criterion) => criterion.code),
            ...(stage === 'rejected'
              ? {
                  rejection: {
                    reason: random.pick([
                      'not_eligible',
                      'motivation',
                      'no_show',
                      'assessment_failed',
                      'unreachable',
                    ] as const),
                    isSharedWithCandidate: true,
                  },
                }
              : {}),
            ...(stage === 'withdrawn'
              ? {
                  withdrawalReason: random.pick([
                    'found_job',
                    'found_training',
                    'personal',
                    'not_interested',
                  ] as const),
                }
              : {}),
          })
          .returning({ id: candidacies.id });
        if (!candidacy) throw new Error('no candidacy');
        await tx.insert(candidacyEvents).values([
          {
            candidacyId: candidacy.id,
            occurredAt: submittedAt,
            actorType: 'anonymous',
            type: 'submitted',
            toStage: 'submitted',
          },
          ...(stage === 'submitted'
            ? []
            : [
                {
                  candidacyId: candidacy.id,
                  actorType: 'system' as const,
                  type: 'stage_changed',
                  // A refusal or a withdrawal happens somewhere along the selection: the funnel shows how far.
                  fromStage:
                    stage === 'rejected' || stage === 'withdrawn'
                      ? (REACHED_BEFORE_LEAVING[index % REACHED_BEFORE_LEAVING.length] as CandidacyStage)
                      : 'submitted',
                  toStage: stage,
                  details: { demo: true },
                },
              ]),
        ]);
      }
    }
  }
  return { stages: CANDIDACY_STAGES.length };
}
