import { MILESTONE_MONTHS } from '@passerelle/domain/follow-up/follow-up';
import { MILESTONES } from '@passerelle/domain/follow-up/follow-up.schema';
import { STAGE_RANKS } from '@passerelle/domain/report/report';
import { type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';

/** What a report may read: the caller's fabriques and the filters, already checked by the service. */
export interface ReportScope {
  fabriqueIds: readonly string[] | 'all';
  fabriqueId?: string | undefined;
  programId?: string | undefined;
  sessionId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/** Which date the period applies to. */
type PeriodBasis = 'submission' | 'session_end' | 'application_window';

/** A stage's rank (STAGE_RANKS) as SQL; the ranks are constants of the domain, never input. */
function rankOf(column: SQL): SQL {
  const branches = Object.entries(STAGE_RANKS).map(([stage, rank]) => `when '${stage}' then ${rank}`);
  return sql`(case ${column} ${sql.raw(branches.join(' '))} else 0 end)`;
}

const MILESTONE_RANK = sql.raw(
  `(case f.milestone ${MILESTONES.map((milestone, index) => `when '${milestone}' then ${index}`).join(' ')} end)`,
);

const MILESTONE_VALUES = sql.raw(
  `(values ${MILESTONES.map((milestone) => `('${milestone}', ${MILESTONE_MONTHS[milestone]})`).join(', ')})`,
);

/** The furthest rank a candidacy reached: its history (moves from and to) or its current stage. */
const FURTHEST_RANK = sql`greatest(${rankOf(sql`c.stage`)}, coalesce((
  select max(greatest(${rankOf(sql`e.from_stage`)}, ${rankOf(sql`e.to_stage`)}))
  from candidacy_events e where e.candidacy_id = c.id
), 0))`;

/** Conditions on `s` (sessions) and `c` (candidacies, for the submission period). */
function scopeConditions(scope: ReportScope, basis: PeriodBasis): SQL {
  const conditions: SQL[] = [sql`true`];
  if (scope.fabriqueIds !== 'all') {
    if (scope.fabriqueIds.length === 0) return sql`false`;
    conditions.push(
      sql`s.fabrique_id in (${sql.join(
        scope.fabriqueIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`,
    );
  }
  if (scope.fabriqueId) conditions.push(sql`s.fabrique_id = ${scope.fabriqueId}::uuid`);
  if (scope.programId) conditions.push(sql`s.program_id = ${scope.programId}::uuid`);
  if (scope.sessionId) conditions.push(sql`s.id = ${scope.sessionId}::uuid`);
  const column =
    basis === 'submission' ? sql`c.application_date` : basis === 'session_end' ? sql`s.end_date` : null;
  if (column) {
    if (scope.from) conditions.push(sql`${column} >= ${scope.from}::date`);
    if (scope.to) conditions.push(sql`${column} <= ${scope.to}::date`);
  } else {
    if (scope.from) conditions.push(sql`s.application_closes_on >= ${scope.from}::date`);
    if (scope.to) conditions.push(sql`s.application_opens_on <= ${scope.to}::date`);
  }
  return sql.join(conditions, sql` and `);
}

async function rowsOf<T>(executor: Executor, query: SQL): Promise<T[]> {
  const result = (await executor.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

export interface FunnelRow {
  source: string | null;
  referrerPartnerId: string | null;
  referrerName: string | null;
  isEligible: boolean;
  furthestRank: number;
  stage: string;
  programId: string;
  /** The latest recorded follow-up's situation (jsonb), if any. */
  situation: unknown;
  count: number;
}

export interface CompositionRow {
  sessionId: string;
  stage: string;
  isEligible: boolean;
  furthestRank: number;
  criteriaMet: string[];
  /** "code:status" of each criterion of the latest evaluation. */
  criterionStatuses: string[];
  count: number;
}

export interface OutcomeRow {
  programId: string;
  stage: string;
  milestone: string;
  /** The recorded situation (jsonb); null when nothing is recorded. */
  situation: unknown;
  isDue: boolean;
  count: number;
}

export interface CapacitySupplyRow {
  fabriqueId: string;
  fabriqueName: string;
  programId: string;
  programTitle: string;
  sessions: number;
  places: number;
}

export interface CapacitySessionRow {
  id: string;
  name: string;
  fabriqueId: string;
  programId: string;
  status: 'draft' | 'recruiting' | 'selection' | 'in_progress' | 'completed' | 'archived' | 'cancelled';
  startDate: string;
  endDate: string;
  capacity: number;
}

export interface CapacityDemandRow {
  fabriqueId: string;
  fabriqueName: string;
  programId: string;
  programTitle: string;
  applications: number;
  eligibleApplications: number;
  eligibleWaitlisted: number;
  placesTaken: number;
}

export interface ScopedSessionRow {
  id: string;
  name: string;
  targets: unknown;
}

const IS_ELIGIBLE = sql`coalesce(c.eligibility_status = 'eligible', false)`;

/** Report queries: every figure is a `group by` in SQL; only the groups come back. */
export function createReportsRepository() {
  return {
    async funnelGroups(executor: Executor, scope: ReportScope): Promise<FunnelRow[]> {
      return rowsOf<FunnelRow>(
        executor,
        sql`select x.source as "source", x.referrer_partner_id as "referrerPartnerId",
            x.referrer_name as "referrerName", x.is_eligible as "isEligible",
            x.furthest_rank as "furthestRank", x.stage as "stage", x.program_id as "programId",
            x.situation as "situation", count(*)::int as "count"
          from (
            select c.source, c.referrer_partner_id::text as referrer_partner_id, p.name as referrer_name,
              ${IS_ELIGIBLE} as is_eligible, ${FURTHEST_RANK} as furthest_rank, c.stage,
              s.program_id::text as program_id,
              (select f.situation from follow_ups f
                where f.candidacy_id = c.id and f.recorded_at is not null and f.situation is not null
                order by ${MILESTONE_RANK} desc limit 1) as situation
            from candidacies c
            join sessions s on s.id = c.session_id
            left join partners p on p.id = c.referrer_partner_id
            where ${scopeConditions(scope, 'submission')}
          ) x
          group by 1, 2, 3, 4, 5, 6, 7, 8`,
      );
    },

    async compositionGroups(executor: Executor, scope: ReportScope): Promise<CompositionRow[]> {
      return rowsOf<CompositionRow>(
        executor,
        sql`select x.session_id as "sessionId", x.stage as "stage", x.is_eligible as "isEligible",
            x.furthest_rank as "furthestRank", x.criteria_met as "criteriaMet",
            x.criterion_statuses as "criterionStatuses", count(*)::int as "count"
          from (
            select s.id::text as session_id, c.stage, ${IS_ELIGIBLE} as is_eligible,
              ${FURTHEST_RANK} as furthest_rank, c.criteria_met,
              array(
                select (item->>'code') || ':' || (item->>'status')
                from jsonb_array_elements(
                  case when jsonb_typeof(c.eligibility->'criteria') = 'array'
                    then c.eligibility->'criteria' else '[]'::jsonb end
                ) as item
                order by 1
              ) as criterion_statuses
            from candidacies c
            join sessions s on s.id = c.session_id
            where ${scopeConditions(scope, 'submission')}
          ) x
          group by 1, 2, 3, 4, 5, 6`,
      );
    },

    /** Sessions of the scope with their targets (names of cohorts, not of people). */
    async listSessions(executor: Executor, sessionIds: readonly string[]): Promise<ScopedSessionRow[]> {
      if (sessionIds.length === 0) return [];
      return rowsOf<ScopedSessionRow>(
        executor,
        sql`select s.id::text as "id", s.name as "name", s.targets as "targets" from sessions s
          where s.id in (${sql.join(
            sessionIds.map((id) => sql`${id}::uuid`),
            sql`, `,
          )}) order by s.start_date, s.id`,
      );
    },

    /**
     * Learners who left (completed or dropped out) × milestones, grouped by the situation recorded
     * then; a milestone is due from its follow-up's due date (or the session's end plus its months).
     */
    async outcomeGroups(executor: Executor, scope: ReportScope, today: string): Promise<OutcomeRow[]> {
      return rowsOf<OutcomeRow>(
        executor,
        sql`select s.program_id::text as "programId", c.stage as "stage", m.milestone as "milestone",
            case when f.recorded_at is not null then f.situation end as "situation",
            (coalesce(f.due_on, (s.end_date + make_interval(months => m.months))::date) <= ${today}::date)
              as "isDue",
            count(*)::int as "count"
          from candidacies c
          join sessions s on s.id = c.session_id
          cross join ${MILESTONE_VALUES} as m(milestone, months)
          left join follow_ups f on f.candidacy_id = c.id and f.milestone = m.milestone
          where c.stage in ('completed', 'dropped_out') and ${scopeConditions(scope, 'session_end')}
          group by 1, 2, 3, 4, 5`,
      );
    },

    async programMappings(
      executor: Executor,
      programIds: readonly string[],
    ): Promise<Array<{ id: string; outcomeMapping: unknown }>> {
      if (programIds.length === 0) return [];
      return rowsOf(
        executor,
        sql`select p.id::text as "id", p.outcome_mapping as "outcomeMapping" from programs p
          where p.id in (${sql.join(
            programIds.map((id) => sql`${id}::uuid`),
            sql`, `,
          )})`,
      );
    },

    /** Places: sessions (not cancelled) whose application window meets the period. */
    async capacitySupply(executor: Executor, scope: ReportScope): Promise<CapacitySupplyRow[]> {
      return rowsOf<CapacitySupplyRow>(
        executor,
        sql`select s.fabrique_id::text as "fabriqueId", fa.name as "fabriqueName",
            s.program_id::text as "programId", p.title as "programTitle",
            count(*)::int as "sessions", coalesce(sum(s.capacity), 0)::int as "places"
          from sessions s
          join fabriques fa on fa.id = s.fabrique_id
          join programs p on p.id = s.program_id
          where s.status <> 'cancelled' and ${scopeConditions(scope, 'application_window')}
          group by 1, 2, 3, 4`,
      );
    },

    async capacitySessions(executor: Executor, scope: ReportScope): Promise<CapacitySessionRow[]> {
      return rowsOf<CapacitySessionRow>(
        executor,
        sql`select s.id::text as "id", s.name as "name", s.fabrique_id::text as "fabriqueId",
            s.program_id::text as "programId", s.status as "status", s.start_date::text as "startDate",
            s.end_date::text as "endDate", s.capacity as "capacity"
          from sessions s
          where s.status <> 'cancelled' and ${scopeConditions(scope, 'application_window')}
          order by s.start_date desc, s.id`,
      );
    },

    /** Demand: applications submitted in the period. */
    async capacityDemand(executor: Executor, scope: ReportScope): Promise<CapacityDemandRow[]> {
      return rowsOf<CapacityDemandRow>(
        executor,
        sql`select s.fabrique_id::text as "fabriqueId", fa.name as "fabriqueName",
            s.program_id::text as "programId", p.title as "programTitle",
            count(*)::int as "applications",
            (count(*) filter (where ${IS_ELIGIBLE}))::int as "eligibleApplications",
            (count(*) filter (where ${IS_ELIGIBLE} and c.stage = 'waitlisted'))::int as "eligibleWaitlisted",
            (count(*) filter (where c.stage in ('admitted', 'enrolled', 'completed', 'dropped_out')))::int
              as "placesTaken"
          from candidacies c
          join sessions s on s.id = c.session_id
          join fabriques fa on fa.id = s.fabrique_id
          join programs p on p.id = s.program_id
          where ${scopeConditions(scope, 'submission')}
          group by 1, 2, 3, 4`,
      );
    },
  };
}

export type ReportsRepository = ReturnType<typeof createReportsRepository>;
