import { addDays } from '@passerelle/domain/calendar/calendar';
import { calendarDateInParis } from '@passerelle/domain/calendar/paris-date';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { followUps } from '../../src/db/schema/index.ts';
import { assignTrainer } from '../factories/candidacies.ts';
import { createFabrique, createUser, signIn } from '../factories/index.ts';
import { createCandidacy, createSession } from '../factories/recruitment.ts';
import { buildTestApp, type TestApp } from '../helper.ts';

type Caller = Awaited<ReturnType<typeof signIn>>;

let t: TestApp;
let coordinator: Caller;
let otherCoordinator: Caller;
let teacher: Caller;
let otherTrainer: Caller;
let viewer: Caller;
let teacherId: string;
let roubaix: { id: string };
const db = () => t.database.db;

beforeAll(async () => {
  t = await buildTestApp();
  roubaix = await createFabrique(db());
  const montreuil = await createFabrique(db());
  coordinator = await signIn(
    t.app,
    (await createUser(db(), { role: 'coordinator', fabriqueIds: [roubaix.id] })).email,
  );
  otherCoordinator = await signIn(
    t.app,
    (await createUser(db(), { role: 'coordinator', fabriqueIds: [montreuil.id] })).email,
  );
  const teacherUser = await createUser(db(), { role: 'trainer', fabriqueIds: [roubaix.id] });
  teacherId = teacherUser.id;
  teacher = await signIn(t.app, teacherUser.email);
  otherTrainer = await signIn(
    t.app,
    (await createUser(db(), { role: 'trainer', fabriqueIds: [roubaix.id] })).email,
  );
  viewer = await signIn(t.app, (await createUser(db(), { role: 'viewer' })).email);
});
afterAll(async () => t.close());

function send(
  caller: Caller,
  method: 'GET' | 'POST' | 'PATCH',
  url: string,
  payload?: unknown,
  headers = {},
) {
  return t.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: { ...caller.headers, ...headers },
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });
}

/** A learner enrolled through the API (admitted → enrolled), as a coordinator does it. */
async function enrol(session: { id: string; fabriqueId: string }) {
  const candidacy = await createCandidacy(db(), session, { stage: 'admitted' });
  const response = await send(coordinator, 'POST', `/candidacies/${candidacy.id}/transitions`, {
    to: 'enrolled',
    version: 1,
  });
  expect(response.statusCode, response.body).toBe(200);
  return candidacy;
}

async function followUpsOf(candidacyId: string) {
  const response = await send(coordinator, 'GET', `/placements/follow-ups?candidacyId=${candidacyId}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().data as Array<{
    id: string;
    milestone: string;
    dueOn: string;
    status: string;
    version: number;
  }>;
}

describe('follow-ups scheduled on enrolment', () => {
  it('creates exit, +3, +6, +12 months from the session end, in the transition', async () => {
    const session = await createSession(db(), roubaix.id, { endDate: '2028-02-29', startDate: '2027-09-01' });
    const candidacy = await enrol(session);
    const list = await followUpsOf(candidacy.id);
    expect(list.map((item) => [item.milestone, item.dueOn])).toEqual([
      ['exit', '2028-02-29'],
      ['month_3', '2028-05-29'],
      ['month_6', '2028-08-29'],
      ['month_12', '2029-03-01'],
    ]);
    expect(list.every((item) => item.status === 'upcoming')).toBe(true);
  });

  it('rolls month ends over as the domain schedule does', async () => {
    const session = await createSession(db(), roubaix.id, { endDate: '2027-08-31', startDate: '2027-03-01' });
    const candidacy = await enrol(session);
    expect((await followUpsOf(candidacy.id)).map((item) => item.dueOn)).toEqual([
      '2027-08-31',
      '2027-12-01',
      '2028-03-01',
      '2028-08-31',
    ]);
  });

  it('re-dates the unrecorded follow-ups when the session’s end moves, keeping recorded ones', async () => {
    const session = await createSession(db(), roubaix.id, { endDate: '2027-06-30', startDate: '2027-01-04' });
    const candidacy = await enrol(session);
    const [exit] = await followUpsOf(candidacy.id);
    const recorded = await send(coordinator, 'PATCH', `/placements/follow-ups/${exit?.id}`, {
      situationKind: 'job_seeking',
    });
    expect(recorded.statusCode, recorded.body).toBe(200);
    const moved = await send(coordinator, 'PATCH', `/sessions/${session.id}`, { endDate: '2027-07-15' });
    expect(moved.statusCode, moved.body).toBe(200);
    expect((await followUpsOf(candidacy.id)).map((item) => item.dueOn)).toEqual([
      '2027-06-30',
      '2027-10-15',
      '2028-01-15',
      '2028-07-15',
    ]);
  });

  it('schedules nothing for other moves', async () => {
    const session = await createSession(db(), roubaix.id);
    const candidacy = await createCandidacy(db(), session, { stage: 'interview' });
    await send(coordinator, 'POST', `/candidacies/${candidacy.id}/transitions`, {
      to: 'waitlisted',
      version: 1,
    });
    expect(await db().select().from(followUps).where(eq(followUps.candidacyId, candidacy.id))).toEqual([]);
  });
});

describe('GET /placements/follow-ups (the to-do) and recording', () => {
  let session: { id: string; fabriqueId: string };
  let learner: { id: string };
  beforeAll(async () => {
    const today = calendarDateInParis(new Date());
    // Ended 100 days ago: exit overdue, +3 months due, +6 and +12 upcoming.
    session = await createSession(db(), roubaix.id, {
      startDate: addDays(today, -300),
      endDate: addDays(today, -100),
      status: 'completed',
    });
    await assignTrainer(db(), session.id, teacherId);
    learner = await enrol(session);
  });

  it('filters by status, with learner and session', async () => {
    const todo = await send(coordinator, 'GET', `/placements/follow-ups?sessionId=${session.id}&status=todo`);
    expect(todo.statusCode).toBe(200);
    const items = todo.json().data;
    expect(items.map((item: { milestone: string; status: string }) => [item.milestone, item.status])).toEqual(
      [
        ['exit', 'overdue'],
        ['month_3', 'due'],
      ],
    );
    expect(items[0]).toMatchObject({
      candidacyId: learner.id,
      learner: { firstName: 'Inès' },
      session: { id: session.id },
      situation: null,
      recordedAt: null,
    });
    const overdue = await send(
      coordinator,
      'GET',
      `/placements/follow-ups?sessionId=${session.id}&status=overdue`,
    );
    expect(overdue.json().data).toHaveLength(1);
    const upcoming = await send(
      coordinator,
      'GET',
      `/placements/follow-ups?sessionId=${session.id}&status=upcoming&milestone=month_6`,
    );
    expect(upcoming.json().data.map((item: { milestone: string }) => item.milestone)).toEqual(['month_6']);
  });

  it('pages with a cursor', async () => {
    const first = await send(coordinator, 'GET', `/placements/follow-ups?sessionId=${session.id}&limit=3`);
    expect(first.json().data).toHaveLength(3);
    const cursor = first.json().nextCursor;
    expect(cursor).toEqual(expect.any(String));
    const second = await send(
      coordinator,
      'GET',
      `/placements/follow-ups?sessionId=${session.id}&limit=3&cursor=${cursor}`,
    );
    expect(second.json()).toMatchObject({ nextCursor: null });
    expect(second.json().data.map((item: { milestone: string }) => item.milestone)).toEqual(['month_12']);
    const bad = await send(coordinator, 'GET', '/placements/follow-ups?cursor=nonsense');
    expect(bad.statusCode).toBe(400);
  });

  it('records the placement held then, copying its kind into the situation; trainers of the session may', async () => {
    const placement = await send(teacher, 'POST', '/placements', {
      candidacyId: learner.id,
      kind: 'internship',
      employerName: 'Octo',
      startDate: addDays(calendarDateInParis(new Date()), -90),
      durationMonths: 6,
      hasHiringPromise: true,
    });
    expect(placement.statusCode, placement.body).toBe(201);
    const [, month3] = (
      await send(coordinator, 'GET', `/placements/follow-ups?candidacyId=${learner.id}`)
    ).json().data;
    const response = await send(teacher, 'PATCH', `/placements/follow-ups/${month3.id}`, {
      placementId: placement.json().id,
      comment: 'Joint par téléphone',
      version: month3.version,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      status: 'recorded',
      situation: { kind: 'internship', durationMonths: 6, hasHiringPromise: true },
      placementId: placement.json().id,
      comment: 'Joint par téléphone',
      recordedBy: teacherId,
      version: month3.version + 1,
    });
    expect(response.headers.etag).toBe(`"v${month3.version + 1}"`);
    const [row] = await db().select().from(followUps).where(eq(followUps.id, month3.id));
    expect(row?.situationKind).toBe('internship');

    const stale = await send(coordinator, 'PATCH', `/placements/follow-ups/${month3.id}`, {
      situationKind: 'unknown',
      version: month3.version,
    });
    expect(stale.statusCode).toBe(409);
    const staleIfMatch = await send(
      coordinator,
      'PATCH',
      `/placements/follow-ups/${month3.id}`,
      { situationKind: 'unknown' },
      { 'if-match': `"v${month3.version}"` },
    );
    expect(staleIfMatch.statusCode).toBe(412);
  });

  it('refuses a body with both or neither, an unknown situation, another learner’s placement', async () => {
    const [exit] = (await send(coordinator, 'GET', `/placements/follow-ups?candidacyId=${learner.id}`)).json()
      .data;
    const neither = await send(coordinator, 'PATCH', `/placements/follow-ups/${exit.id}`, {});
    expect(neither.statusCode).toBe(400);
    expect(neither.json().errors.map((error: { path: string }) => error.path)).toContain(
      'body.situationKind',
    );
    const wrongKind = await send(coordinator, 'PATCH', `/placements/follow-ups/${exit.id}`, {
      situationKind: 'cdi',
    });
    expect(wrongKind.statusCode).toBe(400);
    const other = await enrol(session);
    const otherPlacement = await send(coordinator, 'POST', '/placements', {
      candidacyId: other.id,
      kind: 'cdi',
      employerName: 'Leroy Merlin',
      startDate: '2026-01-05',
    });
    expect(otherPlacement.statusCode, otherPlacement.body).toBe(201);
    const foreign = await send(coordinator, 'PATCH', `/placements/follow-ups/${exit.id}`, {
      placementId: otherPlacement.json().id,
    });
    expect(foreign.statusCode).toBe(422);
  });

  it('hides follow-ups from other fabriques, other trainers and viewers', async () => {
    const [exit] = (await send(coordinator, 'GET', `/placements/follow-ups?candidacyId=${learner.id}`)).json()
      .data;
    expect((await send(otherCoordinator, 'GET', `/placements/follow-ups/${exit.id}`)).statusCode).toBe(404);
    expect(
      (
        await send(otherCoordinator, 'PATCH', `/placements/follow-ups/${exit.id}`, {
          situationKind: 'inactive',
        })
      ).statusCode,
    ).toBe(404);
    expect((await send(otherTrainer, 'GET', `/placements/follow-ups/${exit.id}`)).statusCode).toBe(404);
    expect(
      (await send(otherTrainer, 'GET', `/placements/follow-ups?candidacyId=${learner.id}`)).json().data,
    ).toEqual([]);
    expect(
      (await send(otherCoordinator, 'GET', `/placements/follow-ups?candidacyId=${learner.id}`)).json().data,
    ).toEqual([]);
    expect((await send(viewer, 'GET', '/placements/follow-ups')).statusCode).toBe(403);
    expect((await send(teacher, 'GET', `/placements/follow-ups/${exit.id}`)).statusCode).toBe(200);
  });
});
