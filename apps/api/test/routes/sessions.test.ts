import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionTrainers } from '../../src/db/schema/index.ts';
import { createFabrique, createUser, signIn } from '../factories/index.ts';
import { createCandidacy, createPolicy, createProgram, createSession } from '../factories/recruitment.ts';
import { buildTestApp, type TestApp } from '../helper.ts';

type Caller = Awaited<ReturnType<typeof signIn>>;

let t: TestApp;
let admin: Caller;
let coordinator: Caller;
let otherCoordinator: Caller;
let teacher: Caller;
let otherTrainer: Caller;
let viewer: Caller;
let teacherId: string;
let otherTrainerId: string;
let montreuilTrainerId: string;
let roubaix: { id: string };
let montreuil: { id: string };

beforeAll(async () => {
  t = await buildTestApp();
  const db = t.database.db;
  roubaix = await createFabrique(db);
  montreuil = await createFabrique(db);
  admin = await signIn(t.app, (await createUser(db, { role: 'admin' })).email);
  coordinator = await signIn(
    t.app,
    (await createUser(db, { role: 'coordinator', fabriqueIds: [roubaix.id] })).email,
  );
  otherCoordinator = await signIn(
    t.app,
    (await createUser(db, { role: 'coordinator', fabriqueIds: [montreuil.id] })).email,
  );
  const teacherUser = await createUser(db, { role: 'trainer', fabriqueIds: [roubaix.id] });
  teacherId = teacherUser.id;
  teacher = await signIn(t.app, teacherUser.email);
  const otherTrainerUser = await createUser(db, { role: 'trainer', fabriqueIds: [roubaix.id] });
  otherTrainerId = otherTrainerUser.id;
  otherTrainer = await signIn(t.app, otherTrainerUser.email);
  montreuilTrainerId = (await createUser(db, { role: 'trainer', fabriqueIds: [montreuil.id] })).id;
  viewer = await signIn(t.app, (await createUser(db, { role: 'viewer' })).email);
});
afterAll(async () => t.close());

async function validBody(overrides: Record<string, unknown> = {}) {
  const program = await createProgram(t.database.db);
  const policy = await createPolicy(t.database.db);
  return {
    fabriqueId: roubaix.id,
    programId: program.id,
    eligibilityPolicyId: policy.id,
    name: 'Roubaix — promotion 2027',
    applicationOpensOn: '2027-01-04',
    applicationClosesOn: '2027-02-15',
    startDate: '2027-03-01',
    endDate: '2027-09-30',
    capacity: 18,
    trainerIds: [teacherId],
    targets: [{ criterion: 'woman', minShare: 0.3 }],
    ...overrides,
  };
}

async function createThroughApi(caller: Caller = coordinator, overrides: Record<string, unknown> = {}) {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/v1/sessions',
    headers: caller.headers,
    payload: await validBody(overrides),
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

describe('sessions: create and read', () => {
  it('lets a coordinator create a draft session of their fabrique, with trainers and targets', async () => {
    const session = await createThroughApi();
    expect(session).toMatchObject({
      status: 'draft',
      fabriqueId: roubaix.id,
      capacity: 18,
      trainerIds: [teacherId],
      targets: [{ criterion: 'woman', minShare: 0.3 }],
      autoCloseAfterDays: 30,
      version: 1,
    });
    const read = await t.app.inject({
      method: 'GET',
      url: `/api/v1/sessions/${session.id}`,
      headers: teacher.headers,
    });
    expect(read.statusCode).toBe(200);
    expect(read.headers.etag).toBe('"v1"');
    const audit = await t.app.inject({
      method: 'GET',
      url: '/api/v1/audit-log',
      headers: admin.headers,
      query: { entityId: session.id },
    });
    expect(audit.json().data.map((entry: { action: string }) => entry.action)).toContain('session.created');
  });

  it('lists every invalid field (400)', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/sessions',
      headers: coordinator.headers,
      payload: await validBody({
        capacity: 0,
        startDate: '2027-10-01',
        targets: [{ criterion: 'x', minShare: 2 }],
      }),
    });
    expect(response.statusCode).toBe(400);
    const paths = response.json().errors.map((error: { path: string }) => error.path);
    expect(paths).toEqual(expect.arrayContaining(['body.capacity', 'body.targets.0.minShare']));

    const dates = await t.app.inject({
      method: 'POST',
      url: '/api/v1/sessions',
      headers: coordinator.headers,
      payload: await validBody({ startDate: '2027-10-01' }),
    });
    expect(dates.statusCode).toBe(400);
    expect(dates.json().errors.map((error: { path: string }) => error.path)).toEqual(['body.endDate']);
  });

  it('answers 422 for an unknown program or policy and for trainers outside the fabrique', async () => {
    const unknown = '019ac1f2-7b3e-7c41-9a55-2f1e8d0c4b7a';
    const montreuilProgram = await createProgram(t.database.db, { fabriqueId: montreuil.id });
    for (const overrides of [
      { programId: unknown },
      { programId: montreuilProgram.id },
      { eligibilityPolicyId: unknown },
      { trainerIds: [montreuilTrainerId] },
      { trainerIds: [teacherId, unknown] },
    ]) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/sessions',
        headers: coordinator.headers,
        payload: await validBody(overrides),
      });
      expect(response.statusCode, JSON.stringify(overrides)).toBe(422);
    }
  });

  it('forbids creating a session in another fabrique, or as a trainer or a viewer', async () => {
    const other = await t.app.inject({
      method: 'POST',
      url: '/api/v1/sessions',
      headers: otherCoordinator.headers,
      payload: await validBody(),
    });
    expect(other.statusCode).toBe(403);
    for (const caller of [teacher, viewer]) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/sessions',
        headers: caller.headers,
        payload: await validBody(),
      });
      expect(response.statusCode).toBe(403);
    }
  });

  it('hides a session from another fabrique’s coordinator and from trainers who do not teach it', async () => {
    const session = await createThroughApi();
    for (const caller of [otherCoordinator, otherTrainer, viewer]) {
      const response = await t.app.inject({
        method: 'GET',
        url: `/api/v1/sessions/${session.id}`,
        headers: caller.headers,
      });
      expect(response.statusCode).toBe(404);
    }
    const admins = await t.app.inject({
      method: 'GET',
      url: `/api/v1/sessions/${session.id}`,
      headers: admin.headers,
    });
    expect(admins.statusCode).toBe(200);
  });
});

describe('sessions: list', () => {
  it('filters by program, status and start dates, sorted by start date, page by page', async () => {
    const db = t.database.db;
    const program = await createProgram(db);
    const dates = ['2028-01-10', '2028-03-10', '2028-02-10', '2028-04-10'];
    const created = [];
    for (const startDate of dates) {
      created.push(
        await createSession(db, roubaix.id, {
          programId: program.id,
          startDate,
          endDate: '2028-12-31',
          applicationOpensOn: '2027-12-01',
          applicationClosesOn: '2028-01-05',
          status: startDate === '2028-04-10' ? 'draft' : 'recruiting',
        }),
      );
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await t.app.inject({
        method: 'GET',
        url: '/api/v1/sessions',
        headers: coordinator.headers,
        query: { programId: program.id, limit: '2', ...(cursor ? { cursor } : {}) },
      });
      expect(page.statusCode).toBe(200);
      seen.push(...page.json().data.map((session: { startDate: string }) => session.startDate));
      cursor = page.json().nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(['2028-01-10', '2028-02-10', '2028-03-10', '2028-04-10']);

    const filtered = await t.app.inject({
      method: 'GET',
      url: '/api/v1/sessions',
      headers: admin.headers,
      query: { programId: program.id, status: 'recruiting', from: '2028-02-01', to: '2028-03-31' },
    });
    expect(filtered.json().data.map((session: { startDate: string }) => session.startDate)).toEqual([
      '2028-02-10',
      '2028-03-10',
    ]);

    const otherFabrique = await t.app.inject({
      method: 'GET',
      url: '/api/v1/sessions',
      headers: otherCoordinator.headers,
      query: { programId: program.id },
    });
    expect(otherFabrique.json().data).toEqual([]);
  });

  it('shows trainers only the sessions they teach, and refuses viewers', async () => {
    const db = t.database.db;
    const taught = await createSession(db, roubaix.id);
    const notTaught = await createSession(db, roubaix.id);
    await db.insert(sessionTrainers).values({ sessionId: taught.id, userId: otherTrainerId });
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/v1/sessions',
      headers: otherTrainer.headers,
      query: { limit: '200' },
    });
    const ids = list.json().data.map((session: { id: string }) => session.id);
    expect(ids).toContain(taught.id);
    expect(ids).not.toContain(notTaught.id);
    expect(list.json().data.find((session: { id: string }) => session.id === taught.id).trainerIds).toEqual([
      otherTrainerId,
    ]);

    const viewers = await t.app.inject({ method: 'GET', url: '/api/v1/sessions', headers: viewer.headers });
    expect(viewers.statusCode).toBe(403);
  });

  it('refuses an invalid filter or cursor', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v1/sessions',
      headers: admin.headers,
      query: { status: 'open', from: '2028-13-01', cursor: 'nonsense' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors.map((error: { path: string }) => error.path)).toEqual(
      expect.arrayContaining(['query.status', 'query.from']),
    );
    const cursor = await t.app.inject({
      method: 'GET',
      url: '/api/v1/sessions',
      headers: admin.headers,
      query: { cursor: 'nonsense' },
    });
    expect(cursor.statusCode).toBe(400);
  });
});

describe('sessions: update', () => {
  it('updates part of a session, replacing trainers, with versions', async () => {
    const session = await createThroughApi();
    const patched = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/sessions/${session.id}`,
      headers: coordinator.headers,
      payload: { capacity: 22, trainerIds: [otherTrainerId], version: 1 },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ capacity: 22, trainerIds: [otherTrainerId], version: 2 });
    expect(patched.headers.etag).toBe('"v2"');

    const stale = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/sessions/${session.id}`,
      headers: coordinator.headers,
      payload: { capacity: 25, version: 1 },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('stale_version');
    const staleIfMatch = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/sessions/${session.id}`,
      headers: { ...coordinator.headers, 'if-match': '"v1"' },
      payload: { capacity: 25 },
    });
    expect(staleIfMatch.statusCode).toBe(412);
  });

  it('checks changed dates against the stored ones (422) and capacity against places taken', async () => {
    const session = await createThroughApi();
    const endBeforeStart = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/sessions/${session.id}`,
      headers: { ...coordinator.headers, 'accept-language': 'fr' },
      payload: { endDate: '2027-02-01' },
    });
    expect(endBeforeStart.statusCode).toBe(422);
    expect(endBeforeStart.json().detail).toBe('la date de fin précède la date de début');

    const db = t.database.db;
    const full = await createSession(db, roubaix.id, { capacity: 3 });
    for (const stage of ['admitted', 'enrolled'] as const) await createCandidacy(db, full, { stage });
    const tooSmall = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/sessions/${full.id}`,
      headers: coordinator.headers,
      payload: { capacity: 1 },
    });
    expect(tooSmall.statusCode).toBe(422);

    const badTrainer = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/sessions/${session.id}`,
      headers: coordinator.headers,
      payload: { trainerIds: [montreuilTrainerId] },
    });
    expect(badTrainer.statusCode).toBe(422);
  });

  it('answers 404 to another fabrique’s coordinator and 403 to trainers', async () => {
    const session = await createThroughApi();
    const other = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/sessions/${session.id}`,
      headers: otherCoordinator.headers,
      payload: { capacity: 5 },
    });
    expect(other.statusCode).toBe(404);
    const trainer = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/sessions/${session.id}`,
      headers: teacher.headers,
      payload: { capacity: 5 },
    });
    expect(trainer.statusCode).toBe(403);
  });
});

describe('sessions: status transitions', () => {
  it('moves a session through its statuses, audited, and refuses illegal or stale moves', async () => {
    const session = await createThroughApi();
    const move = (to: string, version: number, headers: Record<string, string> = coordinator.headers) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/sessions/${session.id}/transitions`,
        headers,
        payload: { to, version },
      });

    const recruiting = await move('recruiting', 1);
    expect(recruiting.statusCode, recruiting.body).toBe(200);
    expect(recruiting.json()).toMatchObject({ status: 'recruiting', version: 2 });

    const illegal = await move('completed', 2);
    expect(illegal.statusCode).toBe(409);
    expect(illegal.json().code).toBe('conflict');
    expect(illegal.json().detail).toContain('not possible from the session’s current status');

    const same = await move('recruiting', 2);
    expect(same.statusCode).toBe(409);

    const stale = await move('selection', 1);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('stale_version');

    const staleIfMatch = await move('selection', 2, { ...coordinator.headers, 'if-match': '"v1"' });
    expect(staleIfMatch.statusCode).toBe(412);

    const trainer = await move('selection', 2, teacher.headers);
    expect(trainer.statusCode).toBe(403);
    const other = await move('selection', 2, otherCoordinator.headers);
    expect(other.statusCode).toBe(404);

    const cancelled = await move('cancelled', 2);
    expect(cancelled.json().status).toBe('cancelled');
    const final = await move('recruiting', 3);
    expect(final.statusCode).toBe(409);
    expect(final.json().detail).toContain('archived or cancelled');

    const audit = await t.app.inject({
      method: 'GET',
      url: '/api/v1/audit-log',
      headers: admin.headers,
      query: { entityId: session.id, action: 'session.status_changed' },
    });
    expect(audit.json().data).toHaveLength(2);
  });

  it('refuses an unknown status (400)', async () => {
    const session = await createThroughApi();
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/v1/sessions/${session.id}/transitions`,
      headers: coordinator.headers,
      payload: { to: 'open' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors.map((error: { path: string }) => error.path)).toEqual(
      expect.arrayContaining(['body.to', 'body.version']),
    );
  });
});

/** An evaluation as the composition reads it: one status per enabled criterion. */
function evaluation(statuses: Record<string, 'met' | 'not_met' | 'unknown'>) {
  return {
    status: 'eligible',
    criteria: Object.entries(statuses).map(([code, status]) => ({ code, status })),
  };
}

const ENABLED = [
  'young',
  'low_qualification',
  'qpv_resident',
  'rural_resident',
  'job_seeker',
  'woman',
  'senior',
];
function allNotMet(overrides: Record<string, 'met' | 'not_met' | 'unknown'>) {
  return { ...Object.fromEntries(ENABLED.map((code) => [code, 'not_met' as const])), ...overrides };
}

describe('sessions: composition', () => {
  it('counts the cohort and the projection against the targets', async () => {
    const db = t.database.db;
    const session = await createSession(db, roubaix.id, {
      targets: [
        { criterion: 'woman', minShare: 0.5 },
        { criterion: 'qpv_resident', minShare: 0.3 },
        { criterion: 'any_priority', minShare: 0.8 },
        { criterion: 'young', minShare: 0.5 },
      ],
    });
    await db.insert(sessionTrainers).values({ sessionId: session.id, userId: teacherId });
    const cohort = [
      {
        stage: 'admitted',
        criteriaMet: ['woman', 'young'],
        statuses: allNotMet({ woman: 'met', young: 'met' }),
      },
      { stage: 'enrolled', criteriaMet: ['qpv_resident'], statuses: allNotMet({ qpv_resident: 'met' }) },
      { stage: 'admitted', criteriaMet: [], statuses: allNotMet({ woman: 'unknown' }) },
      { stage: 'interview', criteriaMet: ['woman'], statuses: allNotMet({ woman: 'met' }) },
      {
        stage: 'waitlisted',
        criteriaMet: ['woman', 'qpv_resident'],
        statuses: allNotMet({ woman: 'met', qpv_resident: 'met' }),
      },
      { stage: 'submitted', criteriaMet: ['woman'], statuses: allNotMet({ woman: 'met' }) },
      { stage: 'rejected', criteriaMet: ['young'], statuses: allNotMet({ young: 'met' }) },
    ] as const;
    for (const member of cohort) {
      await createCandidacy(db, session, {
        stage: member.stage,
        criteriaMet: [...member.criteriaMet],
        eligibility: evaluation(member.statuses),
        eligibilityStatus: 'eligible',
      });
    }

    const response = await t.app.inject({
      method: 'GET',
      url: `/api/v1/sessions/${session.id}/composition`,
      headers: teacher.headers,
    });
    expect(response.statusCode, response.body).toBe(200);
    const composition = response.json();
    expect(composition).toMatchObject({
      sessionId: session.id,
      capacity: 20,
      cohortSize: 3,
      projectedSize: 5,
    });
    const byCriterion = Object.fromEntries(
      composition.criteria.map((entry: { criterion: string }) => [entry.criterion, entry]),
    );
    expect(byCriterion.woman.current).toEqual({ count: 1, unknown: 1, size: 3, share: 1 / 3 });
    expect(byCriterion.woman.projected).toEqual({ count: 3, unknown: 1, size: 5, share: 0.6 });
    expect(byCriterion.any_priority.current).toEqual({ count: 2, unknown: 1, size: 3, share: 2 / 3 });
    expect(byCriterion.any_priority.projected).toMatchObject({ count: 4, share: 0.8 });
    expect(byCriterion.long_term_job_seeker).toBeUndefined();
    expect(
      Object.fromEntries(
        composition.targets.map((target: { criterion: string; status: string }) => [
          target.criterion,
          target.status,
        ]),
      ),
    ).toEqual({ woman: 'at_risk', qpv_resident: 'met', any_priority: 'at_risk', young: 'missed' });
  });

  it('answers for an empty session, and hides another fabrique’s session', async () => {
    const db = t.database.db;
    const session = await createSession(db, roubaix.id, { targets: [{ criterion: 'woman', minShare: 0.3 }] });
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/v1/sessions/${session.id}/composition`,
      headers: coordinator.headers,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().targets[0]).toMatchObject({
      status: 'at_risk',
      current: { size: 0, share: null },
    });
    for (const caller of [otherCoordinator, otherTrainer, viewer]) {
      const hidden = await t.app.inject({
        method: 'GET',
        url: `/api/v1/sessions/${session.id}/composition`,
        headers: caller.headers,
      });
      expect(hidden.statusCode).toBe(404);
    }
  });
});
