import { addMonths } from '@passerelle/domain/calendar/calendar';
import { computeFollowUpSchedule } from '@passerelle/domain/follow-up/follow-up';
import {
  type Milestone,
  type SituationInput,
  SituationSchema,
} from '@passerelle/domain/follow-up/follow-up.schema';
import type { PartnerKind } from '@passerelle/domain/partner/partner.schema';
import type { PlacementKind } from '@passerelle/domain/placement/placement.schema';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Transaction } from '../db/client.ts';
import {
  candidacies,
  followUps,
  offerProposals,
  offers,
  partnerFabriques,
  partners,
  placements,
  sessionFundings,
  sessionHosts,
  sessions,
} from '../db/schema/index.ts';

interface DemoPartner {
  key: string;
  name: string;
  kind: PartnerKind;
  fabriques: readonly string[];
  contacts?: Array<{ name: string; role: string; email: string }>;
}

/** Fictional organisations, except the public bodies and the incubator the source document names. */
const PARTNERS: readonly DemoPartner[] = [
  {
    key: 'city-roubaix',
    name: 'Ville de Roubaix',
    kind: 'local_authority',
    fabriques: ['roubaix'],
    contacts: [
      {
        name: 'Service emploi et insertion',
        role: 'Chargée de mission',
        email: 'emploi@ville-roubaix.example',
      },
    ],
  },
  {
    key: 'region',
    name: 'Région Hauts-de-France',
    kind: 'funder',
    fabriques: ['roubaix'],
  },
  {
    key: 'ft-roubaix',
    name: 'France Travail Roubaix',
    kind: 'employment_service',
    fabriques: ['roubaix'],
    contacts: [
      { name: 'Agence de Roubaix', role: 'Conseiller entreprises', email: 'roubaix@francetravail.example' },
    ],
  },
  { key: 'euratech', name: 'EuraTechnologies', kind: 'incubator', fabriques: ['roubaix'] },
  { key: 'nordsoft', name: 'Nordsoft', kind: 'company', fabriques: ['roubaix'] },
  { key: 'pixel', name: 'Atelier Pixel', kind: 'company', fabriques: ['roubaix'] },
  { key: 'filature', name: 'La Filature numérique', kind: 'company', fabriques: ['roubaix'] },
  { key: 'kiosque', name: 'Kiosque Digital', kind: 'company', fabriques: ['roubaix', 'montreuil'] },
  { key: 'lainiere', name: 'Lainière Tech (start-up)', kind: 'company', fabriques: ['roubaix'] },
  { key: 'city-montreuil', name: 'Ville de Montreuil', kind: 'local_authority', fabriques: ['montreuil'] },
  {
    key: 'ft-montreuil',
    name: 'France Travail Montreuil',
    kind: 'employment_service',
    fabriques: ['montreuil'],
  },
];

interface Step {
  kind: PlacementKind | 'job_seeking' | 'inactive' | 'unknown';
  partner?: string;
  jobTitle?: string;
  durationMonths?: number;
  hasHiringPromise?: boolean;
  isQualifyingTraining?: boolean;
}

/**
 * A learner's story: the situation at exit, +3 and +6 months (`null`: nothing recorded yet, so the
 * follow-up is in the to-do). +12 months is not due for the demo's completed sessions.
 */
type Story = [Step | null, Step | null, Step | null];

const INTERNSHIP_COMPANIES = ['nordsoft', 'pixel', 'filature', 'kiosque', 'lainiere'];

/**
 * The first Roubaix cohort of the source document (27 learners): 13 six-month internships with a
 * hiring promise, 1 CDI as CTO, 6 incubated at EuraTechnologies, 2 freelancers; then 2 job seekers,
 * 1 not reached, and of the 2 who dropped out, one left for a qualifying training and one was never
 * followed up. Most internships turned into a CDI at +6 months.
 */
function roubaixStories(): Story[] {
  const stories: Story[] = [];
  for (let index = 0; index < 13; index += 1) {
    const partner = INTERNSHIP_COMPANIES[index % INTERNSHIP_COMPANIES.length] as string;
    const internship: Step = {
      kind: 'internship',
      partner,
      jobTitle: 'Développeur·se web (stage)',
      durationMonths: 6,
      hasHiringPromise: true,
    };
    const sixMonths: Step | null =
      index === 7 || index === 8
        ? null
        : index < 10
          ? { kind: 'cdi', partner, jobTitle: 'Développeur·se web' }
          : index < 12
            ? { kind: 'cdd', partner, jobTitle: 'Développeur·se web', durationMonths: 12 }
            : { kind: 'job_seeking' };
    stories.push([internship, internship, sixMonths]);
  }
  const cto: Step = { kind: 'cdi', partner: 'lainiere', jobTitle: 'Directeur technique (CTO)' };
  stories.push([cto, cto, cto]);
  for (let index = 0; index < 6; index += 1) {
    const incubation: Step = { kind: 'incubation', partner: 'euratech', jobTitle: 'Porteur·se de projet' };
    stories.push([
      incubation,
      incubation,
      index === 5 ? { kind: 'business_creation', jobTitle: 'Fondateur·rice' } : incubation,
    ]);
  }
  const freelance: Step = { kind: 'freelance', jobTitle: 'Développeur·se web indépendant·e' };
  stories.push([freelance, freelance, freelance], [freelance, freelance, null]);
  stories.push(
    [
      { kind: 'job_seeking' },
      { kind: 'interim', durationMonths: 2, jobTitle: 'Intégrateur·rice web' },
      { kind: 'cdd', durationMonths: 6, partner: 'kiosque', jobTitle: 'Développeur·se web' },
    ],
    [{ kind: 'job_seeking' }, { kind: 'job_seeking' }, { kind: 'job_seeking' }],
    [{ kind: 'unknown' }, { kind: 'unknown' }, { kind: 'unknown' }],
  );
  // The two who dropped out (the cohort's last two learners).
  const training: Step = { kind: 'further_training', isQualifyingTraining: true, jobTitle: 'BTS SIO' };
  stories.push([training, training, training], [null, null, null]);
  return stories;
}

/** A plainer story for the other fabriques' completed sessions, with follow-ups still to do. */
function plainStory(index: number): Story {
  const exits: Step[] = [
    { kind: 'cdi', partner: 'kiosque', jobTitle: 'Développeur·se web' },
    { kind: 'cdd', durationMonths: 3, jobTitle: 'Développeur·se web' },
    { kind: 'internship', hasHiringPromise: false, durationMonths: 2, jobTitle: 'Stage développement' },
    { kind: 'job_seeking' },
    { kind: 'apprenticeship', jobTitle: 'Alternance concepteur·rice d’applications' },
    { kind: 'further_training', isQualifyingTraining: true, jobTitle: 'Titre CDA' },
  ];
  const exit = exits[index % exits.length] as Step;
  return [exit, index % 3 === 0 ? null : exit, null];
}

function toSituation(step: Step) {
  const input: SituationInput = {
    kind: step.kind,
    durationMonths:
      step.kind === 'cdd' || step.kind === 'interim' || step.kind === 'internship'
        ? (step.durationMonths ?? null)
        : null,
    hasHiringPromise: step.hasHiringPromise ?? false,
    isQualifyingTraining: step.kind === 'further_training' ? (step.isQualifyingTraining ?? null) : null,
  };
  return SituationSchema.parse(input);
}

const PLACEMENT_MILESTONES: readonly Milestone[] = ['exit', 'month_3', 'month_6'];

/**
 * Partners, fundings, hosts, offers, placements and follow-ups for the demo: the completed sessions'
 * cohorts followed up at exit, +3 and +6 months (some +6 months still to do), and a follow-up row
 * for every learner of every session at each milestone.
 */
export async function seedDemoOutcomes(
  tx: Transaction,
  options: {
    fabriques: readonly { id: string; slug: string }[];
    recorderIdBySlug: ReadonlyMap<string, string>;
    today: Date;
  },
) {
  const fabriqueIdBySlug = new Map(options.fabriques.map((fabrique) => [fabrique.slug, fabrique.id]));
  const todayIso = options.today.toISOString().slice(0, 10);
  const partnerIdByKey = new Map<string, string>();
  for (const partner of PARTNERS) {
    const [row] = await tx
      .insert(partners)
      .values({ name: partner.name, kind: partner.kind, contacts: partner.contacts ?? [] })
      .returning({ id: partners.id });
    if (!row) throw new Error('no partner');
    partnerIdByKey.set(partner.key, row.id);
    for (const slug of partner.fabriques) {
      const fabriqueId = fabriqueIdBySlug.get(slug);
      if (fabriqueId) await tx.insert(partnerFabriques).values({ partnerId: row.id, fabriqueId });
    }
  }
  const partnerId = (key: string | undefined) => (key ? (partnerIdByKey.get(key) ?? null) : null);

  for (const fabrique of options.fabriques) {
    const isRoubaix = fabrique.slug === 'roubaix';
    const recordedBy = options.recorderIdBySlug.get(fabrique.slug) ?? null;
    // Candidacies that came through France Travail name the agency as their referrer.
    await tx
      .update(candidacies)
      .set({ referrerPartnerId: partnerId(isRoubaix ? 'ft-roubaix' : 'ft-montreuil') })
      .where(and(eq(candidacies.fabriqueId, fabrique.id), eq(candidacies.source, 'france_travail')));

    const fabriqueSessions = await tx
      .select()
      .from(sessions)
      .where(eq(sessions.fabriqueId, fabrique.id))
      .orderBy(asc(sessions.startDate));
    for (const session of fabriqueSessions) {
      if (session.status === 'draft') continue;
      const city = partnerId(isRoubaix ? 'city-roubaix' : 'city-montreuil');
      if (city) {
        await tx.insert(sessionFundings).values({
          sessionId: session.id,
          partnerId: city,
          amountCents: (isRoubaix ? 120_000 : 95_000) * 100,
          scheme: 'Subvention politique de la ville',
        });
      }
      if (isRoubaix) {
        await tx.insert(sessionFundings).values({
          sessionId: session.id,
          partnerId: partnerId('region') as string,
          amountCents: 85_000 * 100,
          scheme: 'Programme régional de formation (PRF)',
        });
        await tx.insert(sessionHosts).values({
          sessionId: session.id,
          partnerId: partnerId('euratech') as string,
          role: 'Incubation des projets',
        });
      }

      const learners = await tx
        .select({ id: candidacies.id, stage: candidacies.stage })
        .from(candidacies)
        .where(
          and(
            eq(candidacies.sessionId, session.id),
            inArray(candidacies.stage, ['enrolled', 'completed', 'dropped_out']),
          ),
        )
        .orderBy(asc(candidacies.submittedAt), asc(candidacies.id));
      const schedule = computeFollowUpSchedule(session.endDate);
      const stories = session.status === 'completed' ? (isRoubaix ? roubaixStories() : null) : undefined;
      // The cohort's completers first, then those who dropped out: the stories are in that order.
      const ordered = [
        ...learners.filter((learner) => learner.stage !== 'dropped_out'),
        ...learners.filter((learner) => learner.stage === 'dropped_out'),
      ];
      for (const [index, learner] of ordered.entries()) {
        const story: Story | undefined =
          stories === undefined ? undefined : stories === null ? plainStory(index) : stories[index];
        let previous = null as { id: string; key: string } | null;
        const placementByMilestone = new Map<Milestone, string | null>();
        if (story) {
          for (const [position, step] of story.entries()) {
            const milestone = PLACEMENT_MILESTONES[position] as Milestone;
            if (!step || ['job_seeking', 'inactive', 'unknown'].includes(step.kind)) {
              placementByMilestone.set(milestone, null);
              continue;
            }
            const key = `${step.kind}~${step.partner ?? ''}~${step.jobTitle ?? ''}`;
            if (previous && previous.key === key) {
              placementByMilestone.set(milestone, previous.id);
              continue;
            }
            const startDate = addMonths(session.endDate, position === 0 ? 0 : position === 1 ? 1 : 6);
            const [placement]: Array<{ id: string }> = await tx
              .insert(placements)
              .values({
                candidacyId: learner.id,
                fabriqueId: fabrique.id,
                kind: step.kind as PlacementKind,
                partnerId: partnerId(step.partner),
                employerName: step.partner ? null : step.kind === 'freelance' ? 'Clients multiples' : null,
                jobTitle: step.jobTitle ?? null,
                startDate,
                endDate:
                  step.durationMonths && step.kind !== 'cdd'
                    ? addMonths(startDate, step.durationMonths)
                    : null,
                durationMonths: step.durationMonths ?? null,
                hasHiringPromise: step.hasHiringPromise ?? false,
                isQualifyingTraining:
                  step.kind === 'further_training' ? (step.isQualifyingTraining ?? null) : null,
                previousPlacementId: previous?.id ?? null,
              })
              .returning({ id: placements.id });
            if (!placement) throw new Error('no placement');
            previous = { id: placement.id, key };
            placementByMilestone.set(milestone, placement.id);
          }
        }
        for (const due of schedule) {
          const position = PLACEMENT_MILESTONES.indexOf(due.milestone);
          const step = story && position >= 0 ? story[position] : null;
          const isRecordable = step && due.dueOn <= todayIso;
          const situation = isRecordable ? toSituation(step) : null;
          await tx.insert(followUps).values({
            candidacyId: learner.id,
            fabriqueId: fabrique.id,
            milestone: due.milestone,
            dueOn: due.dueOn,
            situation,
            situationKind: situation?.kind ?? null,
            placementId: situation ? (placementByMilestone.get(due.milestone) ?? null) : null,
            recordedBy: situation ? recordedBy : null,
            recordedAt: situation ? new Date(`${due.dueOn}T09:30:00Z`) : null,
          });
        }
      }
    }
  }

  // Offers of the Roubaix partner companies: the closed internship offers that placed the first
  // cohort, and open ones for the running session.
  const roubaixId = fabriqueIdBySlug.get('roubaix');
  if (roubaixId) {
    for (const [index, key] of ['nordsoft', 'pixel', 'filature'].entries()) {
      await tx.insert(offers).values({
        partnerId: partnerId(key) as string,
        fabriqueId: roubaixId,
        title: ['Stage développeur·se React', 'Stage intégration web', 'Stage développeur·se PHP / Symfony'][
          index
        ] as string,
        kind: 'internship',
        positions: 2 + index,
        skills:
          [
            ['React', 'TypeScript'],
            ['HTML', 'CSS', 'Accessibilité'],
            ['PHP', 'Symfony', 'SQL'],
          ][index] ?? [],
        startDate: addMonths(todayIso, 2),
        description: 'Stage de 6 mois avec promesse d’embauche en CDI à l’issue.',
      });
    }
    const [cdiOffer] = await tx
      .insert(offers)
      .values({
        partnerId: partnerId('kiosque') as string,
        fabriqueId: roubaixId,
        title: 'Développeur·se full-stack junior (CDI)',
        kind: 'cdi',
        positions: 1,
        skills: ['Node.js', 'React', 'PostgreSQL'],
        startDate: addMonths(todayIso, 1),
      })
      .returning({ id: offers.id });
    const running = await tx
      .select({ id: candidacies.id })
      .from(candidacies)
      .innerJoin(sessions, eq(sessions.id, candidacies.sessionId))
      .where(
        and(
          eq(candidacies.fabriqueId, roubaixId),
          eq(sessions.status, 'in_progress'),
          eq(candidacies.stage, 'enrolled'),
        ),
      )
      .orderBy(asc(candidacies.submittedAt), asc(candidacies.id))
      .limit(3);
    for (const [index, learner] of running.entries()) {
      if (!cdiOffer) break;
      await tx.insert(offerProposals).values({
        offerId: cdiOffer.id,
        candidacyId: learner.id,
        status: index === 0 ? 'interviewing' : 'proposed',
        proposedAt: new Date(`${todayIso}T08:00:00Z`),
      });
    }
  }
}
