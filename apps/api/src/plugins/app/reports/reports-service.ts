import type { Actor } from '@passerelle/domain/auth/access';
import { calendarDateInParis } from '@passerelle/domain/calendar/paris-date';
import type { CandidacyStage } from '@passerelle/domain/candidacy/candidacy.schema';
import {
  type CompositionMember,
  computeComposition,
  countCriterion,
} from '@passerelle/domain/composition/composition';
import {
  CRITERION_CODES,
  type CriterionCode,
  type CriterionStatus,
} from '@passerelle/domain/eligibility/eligibility.schema';
import {
  MILESTONES,
  type Milestone,
  type Situation,
  SituationSchema,
} from '@passerelle/domain/follow-up/follow-up.schema';
import {
  categoriseSituation,
  computePositiveExitRate,
  DEFAULT_OUTCOME_MAPPING,
  isPositiveCategory,
  type LearnerOutcome,
} from '@passerelle/domain/outcome/outcome';
import {
  OUTCOME_CATEGORIES,
  type OutcomeMapping,
  OutcomeMappingSchema,
} from '@passerelle/domain/outcome/outcome.schema';
import { computeFunnel, type FunnelGroup, STAGE_RANKS } from '@passerelle/domain/report/report';
import {
  type CapacityReport,
  type CapacityRow,
  COMPOSITION_STAGES,
  type CompositionReport,
  type CompositionStage,
  type FunnelReport,
  type MilestoneOutcome,
  type OutcomesReport,
  type ReportQuery,
} from '@passerelle/domain/report/report.schema';
import { SessionTargetSchema, type TargetCriterion } from '@passerelle/domain/session/session.schema';
import { DomainError } from '@passerelle/domain/shared/errors';
import type { Database } from '../../../db/client.ts';
import type { FabriqueRepository } from '../fabriques/fabrique-repository.ts';
import type { ProgramRepository } from '../programs/program-repository.ts';
import type { SessionRepository } from '../sessions/session-repository.ts';
import type { CompositionRow, ReportScope, ReportsRepository } from './reports-repository.ts';

const REPORT_CRITERIA: readonly TargetCriterion[] = [...CRITERION_CODES, 'any_priority'];

/** The lowest rank (STAGE_RANKS) a candidacy needs to count at each composition stage. */
const COMPOSITION_STAGE_RANKS: Readonly<
  Record<Exclude<CompositionStage, 'applications' | 'eligible'>, number>
> = {
  shortlisted: STAGE_RANKS.interview,
  admitted: STAGE_RANKS.admitted,
  enrolled: STAGE_RANKS.enrolled,
  completed: STAGE_RANKS.completed,
};

const CRITERION_STATUS_VALUES: readonly string[] = ['met', 'not_met', 'unknown'];

function toMember(row: CompositionRow): CompositionMember {
  const criteria: Partial<Record<CriterionCode, CriterionStatus>> = {};
  for (const entry of row.criterionStatuses) {
    const [code, status] = entry.split(':');
    if (
      code &&
      status &&
      (CRITERION_CODES as readonly string[]).includes(code) &&
      CRITERION_STATUS_VALUES.includes(status)
    ) {
      criteria[code as CriterionCode] = status as CriterionStatus;
    }
  }
  for (const code of row.criteriaMet) {
    if ((CRITERION_CODES as readonly string[]).includes(code)) criteria[code as CriterionCode] = 'met';
  }
  return { stage: row.stage as CandidacyStage, criteria };
}

function parseSituation(value: unknown): Situation | null {
  if (value === null || value === undefined) return null;
  const parsed = SituationSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

function parseMapping(value: unknown): OutcomeMapping {
  if (value === null || value === undefined) return DEFAULT_OUTCOME_MAPPING;
  return OutcomeMappingSchema.catch(DEFAULT_OUTCOME_MAPPING).parse(value);
}

function filtersOf(query: ReportQuery) {
  return {
    fabriqueId: query.fabriqueId ?? null,
    programId: query.programId ?? null,
    sessionId: query.sessionId ?? null,
    from: query.from ?? null,
    to: query.to ?? null,
  };
}

/**
 * Reports: admins and viewers read every fabrique (viewers only ever get aggregates, which is all a
 * report holds), coordinators their fabriques; trainers get 403 (they follow their learners one by
 * one, not the fabrique's figures). A filter naming a record outside the caller's reach answers 404.
 */
export function createReportsService(deps: {
  db: Database;
  reports: ReportsRepository;
  fabriques: FabriqueRepository;
  programs: ProgramRepository;
  sessions: SessionRepository;
}) {
  const { db, reports, fabriques, programs, sessions } = deps;

  async function resolveScope(actor: Actor, query: ReportQuery): Promise<ReportScope> {
    if (actor.role === 'trainer') {
      throw new DomainError('forbidden', 'reports are for coordinators, admins and viewers');
    }
    const fabriqueIds = actor.role === 'coordinator' ? actor.fabriqueIds : 'all';
    const isVisible = (fabriqueId: string) => fabriqueIds === 'all' || fabriqueIds.includes(fabriqueId);
    if (query.fabriqueId) {
      const fabrique = await fabriques.findById(db, query.fabriqueId);
      if (!fabrique || !isVisible(fabrique.id)) throw new DomainError('not_found', 'no such fabrique');
    }
    if (query.programId) {
      const program = await programs.findById(db, query.programId);
      if (!program || (program.fabriqueId !== null && !isVisible(program.fabriqueId))) {
        throw new DomainError('not_found', 'no such program');
      }
    }
    if (query.sessionId) {
      const session = await sessions.findById(db, query.sessionId);
      if (!session || !isVisible(session.fabriqueId)) throw new DomainError('not_found', 'no such session');
    }
    return { fabriqueIds, ...query };
  }

  /** Each program's mapping (the default where it has none), and how many have their own. */
  async function mappingsOf(programIds: Iterable<string>) {
    const rows = await reports.programMappings(db, [...new Set(programIds)]);
    const mappings = new Map(rows.map((row) => [row.id, parseMapping(row.outcomeMapping)]));
    const customCount = rows.filter(
      (row) => row.outcomeMapping !== null && row.outcomeMapping !== undefined,
    ).length;
    return { get: (programId: string) => mappings.get(programId), customCount };
  }

  return {
    async getFunnel(actor: Actor, query: ReportQuery, now = new Date()): Promise<FunnelReport> {
      const scope = await resolveScope(actor, query);
      const rows = await reports.funnelGroups(db, scope);
      const mappings = await mappingsOf(rows.map((row) => row.programId));
      const groups = rows.map((row) => {
        const mapping = mappings.get(row.programId) ?? DEFAULT_OUTCOME_MAPPING;
        const leftStages =
          mapping.denominator === 'completers' ? ['completed'] : ['completed', 'dropped_out'];
        const situation = parseSituation(row.situation);
        const isPositiveExit =
          leftStages.includes(row.stage) &&
          situation !== null &&
          isPositiveCategory(categoriseSituation(situation, mapping));
        const group: FunnelGroup = {
          furthestRank: Number(row.furthestRank),
          isEligible: row.isEligible,
          isPositiveExit,
          count: Number(row.count),
        };
        return { row, group };
      });
      const segments = new Map<
        string,
        {
          source: string | null;
          referrerPartnerId: string | null;
          referrerName: string | null;
          groups: FunnelGroup[];
        }
      >();
      for (const { row, group } of groups) {
        const key = `${row.source ?? ''}~${row.referrerPartnerId ?? ''}`;
        const segment = segments.get(key) ?? {
          source: row.source,
          referrerPartnerId: row.referrerPartnerId,
          referrerName: row.referrerName,
          groups: [],
        };
        segment.groups.push(group);
        segments.set(key, segment);
      }
      return {
        filters: filtersOf(query),
        generatedAt: now.toISOString(),
        steps: computeFunnel(groups.map(({ group }) => group)),
        segments: [...segments.values()]
          .map(({ groups: segmentGroups, ...segment }) => ({
            ...segment,
            steps: computeFunnel(segmentGroups),
          }))
          .sort(
            (a, b) =>
              (b.steps[0]?.count ?? 0) - (a.steps[0]?.count ?? 0) ||
              `${a.source}${a.referrerName}`.localeCompare(`${b.source}${b.referrerName}`),
          ),
      };
    },

    async getComposition(actor: Actor, query: ReportQuery, now = new Date()): Promise<CompositionReport> {
      const scope = await resolveScope(actor, query);
      const rows = await reports.compositionGroups(db, scope);
      const members = rows.map(toMember);
      const stages = COMPOSITION_STAGES.map((stage) => {
        const included: CompositionMember[] = [];
        rows.forEach((row, index) => {
          const isIn =
            stage === 'applications' ||
            (stage === 'eligible'
              ? row.isEligible
              : Number(row.furthestRank) >=
                COMPOSITION_STAGE_RANKS[stage as keyof typeof COMPOSITION_STAGE_RANKS]);
          if (!isIn) return;
          const member = members[index] as CompositionMember;
          for (let n = 0; n < Number(row.count); n += 1) included.push(member);
        });
        return {
          stage,
          size: included.length,
          criteria: REPORT_CRITERIA.map((criterion) => ({
            criterion,
            ...countCriterion(included, criterion),
          })),
        };
      });
      const sessionRows = await reports.listSessions(db, [...new Set(rows.map((row) => row.sessionId))]);
      const targets = sessionRows.flatMap((session) => {
        const sessionTargets = SessionTargetSchema.array().catch([]).parse(session.targets);
        if (sessionTargets.length === 0) return [];
        const sessionMembers: CompositionMember[] = [];
        rows.forEach((row, index) => {
          if (row.sessionId !== session.id) return;
          for (let n = 0; n < Number(row.count); n += 1)
            sessionMembers.push(members[index] as CompositionMember);
        });
        const composition = computeComposition(sessionMembers, sessionTargets, []);
        return composition.targets.map((progress) => ({
          sessionId: session.id,
          sessionName: session.name,
          criterion: progress.target.criterion,
          minShare: progress.target.minShare,
          current: progress.current,
          status: progress.status,
        }));
      });
      return { filters: filtersOf(query), generatedAt: now.toISOString(), stages, targets };
    },

    async getOutcomes(actor: Actor, query: ReportQuery, now = new Date()): Promise<OutcomesReport> {
      const scope = await resolveScope(actor, query);
      const rows = await reports.outcomeGroups(db, scope, calendarDateInParis(now));
      const mappings = await mappingsOf(rows.map((row) => row.programId));
      const milestones = MILESTONES.map((milestone): MilestoneOutcome => {
        const ofMilestone = rows.filter((row) => row.milestone === milestone);
        const byProgram = new Map<string, typeof ofMilestone>();
        for (const row of ofMilestone)
          byProgram.set(row.programId, [...(byProgram.get(row.programId) ?? []), row]);
        const counts = Object.fromEntries(
          OUTCOME_CATEGORIES.map((category) => [category, 0]),
        ) as MilestoneOutcome['counts'];
        let denominator = 0;
        let positive = 0;
        let notRecorded = 0;
        let notYetDue = 0;
        const situations = new Map<string, number>();
        for (const [programId, programRows] of byProgram) {
          const mapping = mappings.get(programId) ?? DEFAULT_OUTCOME_MAPPING;
          const leftStages =
            mapping.denominator === 'completers' ? ['completed'] : ['completed', 'dropped_out'];
          const learners: LearnerOutcome[] = [];
          for (const row of programRows) {
            const situation = parseSituation(row.situation);
            const count = Number(row.count);
            // Nobody can have a +12 months situation six months after the session: not due is not unknown.
            if (!row.isDue && situation === null) {
              if (leftStages.includes(row.stage)) notYetDue += count;
              continue;
            }
            learners.push({ stage: row.stage as CandidacyStage, situation, count });
            if (leftStages.includes(row.stage)) {
              const key = situation?.kind ?? 'not_recorded';
              situations.set(key, (situations.get(key) ?? 0) + count);
            }
          }
          const rate = computePositiveExitRate(learners, milestone as Milestone, mapping);
          denominator += rate.denominator;
          positive += rate.positive;
          notRecorded += rate.notRecorded;
          for (const category of OUTCOME_CATEGORIES) counts[category] += rate.counts[category] ?? 0;
        }
        return {
          milestone,
          denominator,
          notYetDue,
          counts,
          notRecorded,
          positive,
          rate: denominator === 0 ? null : positive / denominator,
          unknownShare: denominator === 0 ? null : (counts.unknown ?? 0) / denominator,
          situations: [...situations.entries()]
            .map(([situation, count]) => ({
              situation: situation as MilestoneOutcome['situations'][number]['situation'],
              count,
            }))
            .sort((a, b) => b.count - a.count || a.situation.localeCompare(b.situation)),
        };
      });
      const learners = rows
        .filter((row) => row.milestone === 'exit')
        .reduce((sum, row) => sum + Number(row.count), 0);
      return {
        filters: filtersOf(query),
        generatedAt: now.toISOString(),
        learners,
        customMappingPrograms: mappings.customCount,
        milestones,
      };
    },

    async getCapacity(actor: Actor, query: ReportQuery, now = new Date()): Promise<CapacityReport> {
      const scope = await resolveScope(actor, query);
      const supply = await reports.capacitySupply(db, scope);
      const demand = await reports.capacityDemand(db, scope);
      const sessionRows = await reports.capacitySessions(db, scope);
      const rowsByKey = new Map<string, CapacityRow>();
      const rowOf = (source: {
        fabriqueId: string;
        fabriqueName: string;
        programId: string;
        programTitle: string;
      }) => {
        const key = `${source.fabriqueId}~${source.programId}`;
        const row = rowsByKey.get(key) ?? {
          fabriqueId: source.fabriqueId,
          fabriqueName: source.fabriqueName,
          programId: source.programId,
          programTitle: source.programTitle,
          sessions: 0,
          places: 0,
          placesTaken: 0,
          applications: 0,
          eligibleApplications: 0,
          eligibleWaitlisted: 0,
          eligiblePerPlace: null,
        };
        rowsByKey.set(key, row);
        return row;
      };
      for (const entry of supply) {
        const row = rowOf(entry);
        row.sessions = Number(entry.sessions);
        row.places = Number(entry.places);
      }
      for (const entry of demand) {
        const row = rowOf(entry);
        row.applications = Number(entry.applications);
        row.eligibleApplications = Number(entry.eligibleApplications);
        row.eligibleWaitlisted = Number(entry.eligibleWaitlisted);
        row.placesTaken = Number(entry.placesTaken);
      }
      const rows = [...rowsByKey.values()]
        .map((row) => ({
          ...row,
          eligiblePerPlace: row.places === 0 ? null : row.eligibleApplications / row.places,
        }))
        .sort(
          (a, b) =>
            a.fabriqueName.localeCompare(b.fabriqueName, 'fr') ||
            a.programTitle.localeCompare(b.programTitle, 'fr'),
        );
      const sum = (pick: (row: CapacityRow) => number) => rows.reduce((total, row) => total + pick(row), 0);
      const places = sum((row) => row.places);
      const eligibleApplications = sum((row) => row.eligibleApplications);
      return {
        filters: filtersOf(query),
        generatedAt: now.toISOString(),
        rows,
        sessions: sessionRows.map((session) => ({ ...session, capacity: Number(session.capacity) })),
        totals: {
          sessions: sum((row) => row.sessions),
          places,
          placesTaken: sum((row) => row.placesTaken),
          applications: sum((row) => row.applications),
          eligibleApplications,
          eligibleWaitlisted: sum((row) => row.eligibleWaitlisted),
          eligiblePerPlace: places === 0 ? null : eligibleApplications / places,
        },
      };
    },
  };
}

export type ReportsService = ReturnType<typeof createReportsService>;
