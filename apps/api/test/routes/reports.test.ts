import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFabrique, createUser, signIn } from '../factories/index.ts';
import { createCandidacy, createCandidate, createProgram, createSession } from '../factories/recruitment.ts';
import { createFollowUp, createPartner, recordStageMove } from '../factories/reports.ts';
import { buildTestApp, type TestApp } from '../helper.ts';

type Caller = Awaited<ReturnType<typeof signIn>>;

let t: TestApp;
let admin: Caller;
let coordinator: Caller;
let otherCoordinator: Caller;
let trainer: Caller;
let viewer: Caller;
let fabriqueA: { id: string };
let fabriqueB: { id: string };
let programId: string;
let s1: { id: string; fabriqueId: string };
let s2: { id: string; fabriqueId: string };
let s3: { id: string; fabriqueId: string };
/** Everything that identifies a person: none of it may appear in a report. */
const personalValues: string[] = [];

const S1_END = '2025-06-30';
const S2_END = '2026-10-31';

/**
 * The hand-built cohort of session 1 (program P, default mapping), 12 candidacies:
 *  c1–c2  submitted, ineligible (website)
 *  c3     rejected after an interview, eligible (website)
 *  c4     waitlisted, eligible (website)
 *  c5–c10 completed, eligible (France Travail); c5–c7 women
 *  c11–c12 dropped out, eligible (France Travail)
 * Exit follow-ups: c5 cdi (durable), c6 internship with hiring promise (transition), c7 job seeking,
 * c8 recorded as not reached (unknown), c9 nothing recorded, c10 qualifying further training
 * (positive other), c11 cdd of 3 months (transition), c12 nothing recorded.
 * By hand, at exit: leavers 8; positive c5 c6 c10 c11 = 4 → 4/8 = 0.5; unknown c8 c9 c12 = 3, of
 * which 2 with nothing recorded; durable 1, transition 2, positive other 1, not positive 1.
 * Session 2 (same program, ended 2026-10-31): one completer, cdi at exit, +3 months not due yet.
 * Session 3 in fabrique B: one application.
 */
beforeAll(async () => {
  t = await buildTestApp();
  const db = t.database.db;
  fabriqueA = await createFabrique(db, { name: 'Fabrique A' });
  fabriqueB = await createFabrique(db, { name: 'Fabrique B' });
  admin = await signIn(t.app, (await createUser(db, { role: 'admin' })).email);
  coordinator = await signIn(
    t.app,
    (await createUser(db, { role: 'coordinator', fabriqueIds: [fabriqueA.id] })).email,
  );
  otherCoordinator = await signIn(
    t.app,
    (await createUser(db, { role: 'coordinator', fabriqueIds: [fabriqueB.id] })).email,
  );
  trainer = await signIn(
    t.app,
    (await createUser(db, { role: 'trainer', fabriqueIds: [fabriqueA.id] })).email,
  );
  viewer = await signIn(t.app, (await createUser(db, { role: 'viewer' })).email);
  const franceTravail = await createPartner(db);
  programId = (await createProgram(db, { title: 'Développeur·se web' })).id;
  s1 = await createSession(db, fabriqueA.id, {
    programId,
    name: 'Promo 1',
    status: 'completed',
    applicationOpensOn: '2024-11-01',
    applicationClosesOn: '2025-02-01',
    startDate: '2025-03-01',
    endDate: S1_END,
    capacity: 10,
    targets: [{ criterion: 'woman', minShare: 0.4 }],
  });
  s2 = await createSession(db, fabriqueA.id, {
    programId,
    name: 'Promo 2',
    status: 'completed',
    applicationOpensOn: '2026-01-01',
    applicationClosesOn: '2026-03-15',
    startDate: '2026-04-01',
    endDate: S2_END,
    capacity: 5,
  });
  s3 = await createSession(db, fabriqueB.id, { name: 'Promo B' });

  const add = async (
    session: { id: string; fabriqueId: string },
    values: Parameters<typeof createCandidacy>[2],
  ) => {
    const candidate = await createCandidate(db);
    personalValues.push(candidate.id, candidate.lastName, candidate.email ?? '');
    const candidacy = await createCandidacy(db, session, {
      candidateId: candidate.id,
      applicationDate: '2025-01-15',
      ...values,
    });
    personalValues.push(candidacy.id);
    return candidacy;
  };
  const website = { source: 'website' };
  const referred = { source: 'referral', referrerPartnerId: franceTravail.id };
  const eligible = { eligibilityStatus: 'eligible' as const };
  await add(s1, { ...website, stage: 'submitted', eligibilityStatus: 'ineligible' });
  await add(s1, { ...website, stage: 'submitted', eligibilityStatus: 'ineligible' });
  const c3 = await add(s1, { ...website, ...eligible, stage: 'rejected' });
  await recordStageMove(db, c3.id, 'submitted', 'interview');
  await recordStageMove(db, c3.id, 'interview', 'rejected');
  await add(s1, { ...website, ...eligible, stage: 'waitlisted' });
  const completers: Array<Awaited<ReturnType<typeof createCandidacy>>> = [];
  for (let index = 0; index < 6; index += 1) {
    completers.push(
      await add(s1, {
        ...referred,
        ...eligible,
        stage: 'completed',
        criteriaMet: index < 3 ? ['woman'] : [],
      }),
    );
  }
  const leavers = [
    await add(s1, { ...referred, ...eligible, stage: 'dropped_out' }),
    await add(s1, { ...referred, ...eligible, stage: 'dropped_out' }),
  ];
  const nth = (list: typeof completers, index: number) => {
    const candidacy = list[index];
    if (!candidacy) throw new Error('no such candidacy');
    return candidacy;
  };
  const c5 = nth(completers, 0);
  const c6 = nth(completers, 1);
  const c7 = nth(completers, 2);
  const c8 = nth(completers, 3);
  const c9 = nth(completers, 4);
  const c10 = nth(completers, 5);
  const c11 = nth(leavers, 0);
  const exit = { sessionEndDate: S1_END, milestone: 'exit' as const };
  await createFollowUp(db, c5, { ...exit, situation: { kind: 'cdi' } });
  await createFollowUp(db, c6, {
    ...exit,
    situation: { kind: 'internship', hasHiringPromise: true },
  });
  await createFollowUp(db, c7, { ...exit, situation: { kind: 'job_seeking' } });
  await createFollowUp(db, c8, { ...exit, situation: { kind: 'unknown' } });
  await createFollowUp(db, c9, { ...exit, situation: null });
  await createFollowUp(db, c10, {
    ...exit,
    situation: { kind: 'further_training', isQualifyingTraining: true },
  });
  await createFollowUp(db, c11, {
    ...exit,
    situation: { kind: 'cdd', durationMonths: 3 },
  });
  // c12 has no follow-up row at all.

  const c13 = await add(s2, { ...website, ...eligible, stage: 'completed', applicationDate: '2026-03-01' });
  await createFollowUp(db, c13, { sessionEndDate: S2_END, milestone: 'exit', situation: { kind: 'cdi' } });
  await createFollowUp(db, c13, { sessionEndDate: S2_END, milestone: 'month_3', situation: null });
  await add(s3, { ...website, stage: 'submitted', applicationDate: '2025-01-20' });
});

afterAll(async () => {
  await t.close();
});

async function get(caller: Caller | null, url: string, accept = 'application/json') {
  return t.app.inject({ method: 'GET', url, headers: { ...(caller?.headers ?? {}), accept } });
}

type Body = Record<string, never> & {
  steps: Array<{
    step: string;
    count: number;
    rateFromPrevious: number | null;
    rateFromApplications: number | null;
  }>;
  segments: Array<{
    source: string | null;
    referrerName: string | null;
    steps: Array<{ step: string; count: number }>;
  }>;
  milestones: Array<{
    milestone: string;
    denominator: number;
    notYetDue: number;
    positive: number;
    rate: number | null;
    notRecorded: number;
    unknownShare: number | null;
    counts: Record<string, number>;
    situations: Array<{ situation: string; count: number }>;
  }>;
  stages: Array<{
    stage: string;
    size: number;
    criteria: Array<{ criterion: string; count: number; share: number | null }>;
  }>;
  targets: Array<{ sessionName: string; criterion: string; current: { share: number }; status: string }>;
  rows: Array<Record<string, number | string | null>>;
  totals: Record<string, number | null>;
  learners: number;
};

const body = (response: { json: () => unknown }) => response.json() as Body;
const countsOf = (steps: ReadonlyArray<{ step: string; count: number }>) =>
  Object.fromEntries(steps.map((step) => [step.step, step.count]));

describe('GET /reports/outcomes', () => {
  it('matches the hand computation on session 1, unknowns shown apart', async () => {
    const response = await get(coordinator, `/api/v1/reports/outcomes?sessionId=${s1.id}`);
    expect(response.statusCode).toBe(200);
    const report = body(response);
    expect(report.learners).toBe(8);
    const exit = report.milestones.find((milestone) => milestone.milestone === 'exit');
    expect(exit).toMatchObject({
      denominator: 8,
      positive: 4,
      rate: 4 / 8,
      notRecorded: 2,
      unknownShare: 3 / 8,
      notYetDue: 0,
      counts: { durable_employment: 1, transition: 2, positive_other: 1, not_positive: 1, unknown: 3 },
    });
    expect(exit?.situations).toContainEqual({ situation: 'not_recorded', count: 2 });
    expect(exit?.situations).toContainEqual({ situation: 'unknown', count: 1 });
    // +12 months is long due and nothing was recorded: all eight unknown, none dropped.
    const year = report.milestones.find((milestone) => milestone.milestone === 'month_12');
    expect(year).toMatchObject({ denominator: 8, positive: 0, rate: 0, notRecorded: 8, unknownShare: 1 });
  });

  it('keeps a milestone not due yet out of the denominator, counted apart', async () => {
    const report = body(await get(coordinator, `/api/v1/reports/outcomes?sessionId=${s2.id}`));
    const [exit, month3] = report.milestones;
    expect(exit).toMatchObject({ milestone: 'exit', denominator: 1, positive: 1, rate: 1 });
    expect(month3).toMatchObject({ milestone: 'month_3', denominator: 0, notYetDue: 1, rate: null });
  });

  it('filters the period on the session’s end date', async () => {
    const both = body(await get(coordinator, '/api/v1/reports/outcomes'));
    expect(both.learners).toBe(9);
    const first = body(await get(coordinator, '/api/v1/reports/outcomes?from=2025-01-01&to=2025-12-31'));
    expect(first.learners).toBe(8);
  });

  it('applies the program’s own mapping, completers only', async () => {
    const program = await get(admin, `/api/v1/programs/${programId}`);
    const patch = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/programs/${programId}`,
      headers: admin.headers,
      payload: {
        outcomeMapping: {
          rules: [{ situation: 'cdi', category: 'durable_employment' }],
          denominator: 'completers',
        },
        version: program.json().version,
      },
    });
    expect(patch.statusCode).toBe(200);
    expect(patch.json().outcomeMapping).toMatchObject({
      fallback: 'not_positive',
      denominator: 'completers',
    });
    const report = body(await get(coordinator, `/api/v1/reports/outcomes?sessionId=${s1.id}`));
    // Completers c5–c10: only c5's cdi is positive now; c8 and c9 unknown.
    expect(report.milestones[0]).toMatchObject({ denominator: 6, positive: 1, rate: 1 / 6, notRecorded: 1 });
    const bad = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/programs/${programId}`,
      headers: admin.headers,
      payload: { outcomeMapping: { rules: [{ situation: 'nope', category: 'durable_employment' }] } },
    });
    expect(bad.statusCode).toBe(400);
    const reset = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/programs/${programId}`,
      headers: admin.headers,
      payload: { outcomeMapping: null },
    });
    expect(reset.statusCode).toBe(200);
    expect(reset.json().outcomeMapping).toBeNull();
  });
});

describe('GET /reports/funnel', () => {
  it('counts each stage reached, with conversion rates and the positive exits', async () => {
    const report = body(await get(coordinator, `/api/v1/reports/funnel?sessionId=${s1.id}`));
    expect(countsOf(report.steps)).toEqual({
      applications: 12,
      eligible: 10,
      screening: 10,
      info_session: 10,
      assessment: 10,
      interview: 10,
      admitted: 8,
      enrolled: 8,
      completed: 6,
      positive_exit: 4,
    });
    const admitted = report.steps.find((step) => step.step === 'admitted');
    expect(admitted).toMatchObject({ rateFromPrevious: 8 / 10, rateFromApplications: 8 / 12 });
    expect(report.steps.at(-1)).toMatchObject({ rateFromPrevious: 4 / 6 });
  });

  it('splits by source and referrer', async () => {
    const report = body(await get(coordinator, `/api/v1/reports/funnel?sessionId=${s1.id}`));
    const referred = report.segments.find((segment) => segment.referrerName === 'France Travail Roubaix');
    const website = report.segments.find((segment) => segment.source === 'website');
    expect(countsOf(referred?.steps ?? [])).toMatchObject({ applications: 8, admitted: 8, positive_exit: 4 });
    expect(countsOf(website?.steps ?? [])).toMatchObject({
      applications: 4,
      eligible: 2,
      interview: 2,
      admitted: 0,
    });
  });

  it('filters by submission date, fabrique and program', async () => {
    expect(countsOf(body(await get(coordinator, '/api/v1/reports/funnel')).steps).applications).toBe(13);
    const period = body(await get(coordinator, '/api/v1/reports/funnel?from=2026-01-01'));
    expect(countsOf(period.steps).applications).toBe(1);
    const all = body(await get(admin, '/api/v1/reports/funnel'));
    expect(countsOf(all.steps).applications).toBe(14);
    const b = body(await get(admin, `/api/v1/reports/funnel?fabriqueId=${fabriqueB.id}`));
    expect(countsOf(b.steps).applications).toBe(1);
    const program = body(await get(admin, `/api/v1/reports/funnel?programId=${programId}`));
    expect(countsOf(program.steps).applications).toBe(13);
  });
});

describe('GET /reports/composition', () => {
  it('shares each criterion at each stage and checks the session’s targets', async () => {
    const report = body(await get(coordinator, `/api/v1/reports/composition?sessionId=${s1.id}`));
    const woman = (stage: string) =>
      report.stages
        .find((entry) => entry.stage === stage)
        ?.criteria.find((entry) => entry.criterion === 'woman');
    expect(report.stages.map((stage) => [stage.stage, stage.size])).toEqual([
      ['applications', 12],
      ['eligible', 10],
      ['shortlisted', 10],
      ['admitted', 8],
      ['enrolled', 8],
      ['completed', 6],
    ]);
    expect(woman('applications')).toMatchObject({ count: 3, share: 3 / 12 });
    expect(woman('admitted')).toMatchObject({ count: 3, share: 3 / 8 });
    expect(woman('completed')).toMatchObject({ count: 3, share: 0.5 });
    // Cohort 3/8 and projection (with the waitlisted) 3/9 both under 40 %.
    expect(report.targets).toEqual([
      expect.objectContaining({
        sessionName: 'Promo 1',
        criterion: 'woman',
        status: 'missed',
        current: expect.objectContaining({ share: 3 / 8 }),
      }),
    ]);
  });
});

describe('GET /reports/capacity', () => {
  it('puts demand against places per fabrique and program', async () => {
    const report = body(await get(coordinator, '/api/v1/reports/capacity'));
    expect(report.rows).toEqual([
      expect.objectContaining({
        fabriqueName: 'Fabrique A',
        programTitle: 'Développeur·se web',
        sessions: 2,
        places: 15,
        placesTaken: 9,
        applications: 13,
        eligibleApplications: 11,
        eligibleWaitlisted: 1,
        eligiblePerPlace: 11 / 15,
      }),
    ]);
    expect(report.totals).toMatchObject({ places: 15, applications: 13 });
    expect(
      (report as unknown as { sessions: Array<{ name: string }> }).sessions.map((session) => session.name),
    ).toEqual(['Promo 2', 'Promo 1']);
  });

  it('takes the sessions whose application window meets the period', async () => {
    const report = body(await get(coordinator, '/api/v1/reports/capacity?from=2025-01-01&to=2025-12-31'));
    expect(report.rows).toEqual([expect.objectContaining({ sessions: 1, places: 10, applications: 12 })]);
  });
});

describe('CSV', () => {
  it('answers a French-friendly CSV file when asked', async () => {
    const response = await get(coordinator, `/api/v1/reports/outcomes?sessionId=${s1.id}`, 'text/csv');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="passerelle-sorties-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    expect(response.body.startsWith('\uFEFF')).toBe(true);
    const rows = parse(response.body, { bom: true, columns: true, delimiter: ';' }) as Array<
      Record<string, string>
    >;
    expect(rows.map((row) => row.milestone)).toEqual(['exit', 'month_3', 'month_6', 'month_12']);
    expect(rows[0]).toMatchObject({
      denominator: '8',
      positive: '4',
      rate: '0,5',
      unknown: '3',
      of_which_not_recorded: '2',
      unknown_share: '0,375',
    });
  });

  it('exports every report', async () => {
    for (const [name, file] of [
      ['funnel', 'entonnoir'],
      ['composition', 'composition'],
      ['capacity', 'capacite'],
    ] as const) {
      const response = await get(coordinator, `/api/v1/reports/${name}?sessionId=${s1.id}`, 'text/csv');
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-disposition']).toContain(`passerelle-${file}-`);
      const rows = parse(response.body, { bom: true, columns: true, delimiter: ';' }) as Array<
        Record<string, string>
      >;
      expect(rows.length).toBeGreaterThan(0);
      if (name === 'funnel') {
        expect(rows.find((row) => row.segment === 'all' && row.step === 'admitted')).toMatchObject({
          count: '8',
          rate_from_previous: '0,8',
        });
      }
      if (name === 'capacity')
        expect(rows.at(-1)).toMatchObject({ fabrique: 'total', places: '10', applications: '12' });
    }
  });
});

describe('access', () => {
  const reports = ['funnel', 'composition', 'outcomes', 'capacity'];

  it('answers 404 to a coordinator filtering outside their fabriques', async () => {
    for (const report of reports) {
      expect(
        (await get(coordinator, `/api/v1/reports/${report}?fabriqueId=${fabriqueB.id}`)).statusCode,
      ).toBe(404);
      expect((await get(coordinator, `/api/v1/reports/${report}?sessionId=${s3.id}`)).statusCode).toBe(404);
      expect((await get(otherCoordinator, `/api/v1/reports/${report}?sessionId=${s1.id}`)).statusCode).toBe(
        404,
      );
    }
    expect(
      (await get(admin, '/api/v1/reports/funnel?sessionId=0190a1f2-7b3e-7c41-9a55-2f1e8d0c4b7a')).statusCode,
    ).toBe(404);
  });

  it('shows a coordinator only their fabriques without a filter', async () => {
    const report = body(await get(otherCoordinator, '/api/v1/reports/funnel'));
    expect(countsOf(report.steps).applications).toBe(1);
  });

  it('refuses trainers and anonymous callers', async () => {
    for (const report of reports) {
      expect((await get(trainer, `/api/v1/reports/${report}`)).statusCode).toBe(403);
      expect((await get(null, `/api/v1/reports/${report}`)).statusCode).toBe(401);
    }
  });

  it('gives viewers aggregates over every fabrique, with nothing that identifies a person', async () => {
    for (const report of reports) {
      for (const accept of ['application/json', 'text/csv']) {
        const response = await get(viewer, `/api/v1/reports/${report}`, accept);
        expect(response.statusCode).toBe(200);
        for (const value of personalValues.filter(Boolean)) expect(response.body).not.toContain(value);
      }
    }
    const funnel = body(await get(viewer, '/api/v1/reports/funnel'));
    expect(countsOf(funnel.steps).applications).toBe(14);
  });
});

describe('validation', () => {
  it('answers 400 to bad dates, a reversed period and a bad id', async () => {
    for (const query of [
      'from=2025-13-01',
      'to=yesterday',
      'from=2025-06-01&to=2025-01-01',
      'fabriqueId=42',
    ]) {
      const response = await get(coordinator, `/api/v1/reports/outcomes?${query}`);
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toMatch(/problem\+json/);
    }
    const reversed = await t.app.inject({
      method: 'GET',
      url: '/api/v1/reports/funnel?from=2025-06-01&to=2025-01-01',
      headers: { ...coordinator.headers, 'accept-language': 'fr' },
    });
    expect(reversed.json().errors[0]).toMatchObject({
      path: 'query.to',
      message: 'la fin de la période précède son début',
    });
  });
});
