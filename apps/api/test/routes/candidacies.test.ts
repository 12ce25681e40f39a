import { CANDIDACY_MOVES } from '@passerelle/domain/candidacy/candidacy';
import { CANDIDACY_STAGES, type CandidacyStage } from '@passerelle/domain/candidacy/candidacy.schema';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, candidacies } from '../../src/db/schema/index.ts';
import { assignTrainer } from '../factories/candidacies.ts';
import { createFabrique, createUser, signIn } from '../factories/index.ts';
import { createCandidacy, createCandidate, createSession } from '../factories/recruitment.ts';
import { buildTestApp, type TestApp } from '../helper.ts';

type Caller = Awaited<ReturnType<typeof signIn>>;
type Json = Record<string, unknown>;

let t: TestApp;
let fabriqueA: string;
let fabriqueB: string;
let admin: Caller;
let coordinatorA: Caller;
let coordinatorB: Caller;
let trainerA: Caller;
let trainerAId: string;
let viewer: Caller;

beforeAll(async () => {
  t = await buildTestApp();
  const db = t.database.db;
  fabriqueA = (await createFabrique(db, { name: 'Roubaix' })).id;
  fabriqueB = (await createFabrique(db, { name: 'Montreuil' })).id;
  const as = async (role: 'admin' | 'coordinator' | 'trainer' | 'viewer', fabriqueIds: string[] = []) => {
    const user = await createUser(db, { role, fabriqueIds });
    return { user, caller: await signIn(t.app, user.email) };
  };
  admin = (await as('admin')).caller;
  coordinatorA = (await as('coordinator', [fabriqueA])).caller;
  coordinatorB = (await as('coordinator', [fabriqueB])).caller;
  const trainer = await as('trainer', [fabriqueA]);
  trainerA = trainer.caller;
  trainerAId = trainer.user.id;
  viewer = (await as('viewer')).caller;
});
afterAll(async () => t.close());

const db = () => t.database.db;

function get(url: string, caller: Caller = coordinatorA) {
  return t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: caller.headers });
}

function send(
  method: 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  url: string,
  payload: unknown,
  caller: Caller = coordinatorA,
  headers: Record<string, string> = {},
) {
  return t.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: { ...caller.headers, ...headers },
    ...(payload === undefined ? {} : { payload: payload as Json }),
  });
}

const idsOf = (body: { data: { id: string }[] }) => body.data.map((row) => row.id);

function movePayload(from: CandidacyStage, to: CandidacyStage): Json {
  const payload: Json = { to };
  if (to === 'rejected') payload.rejection = { reason: 'motivation' };
  if (to === 'withdrawn') payload.withdrawalReason = 'found_job';
  if (from === 'rejected' || from === 'withdrawn') payload.comment = 'Sa situation a changé';
  return payload;
}

describe('GET /candidacies', () => {
  it('narrows by each filter', async () => {
    const session = await createSession(db(), fabriqueA);
    const c1 = await createCandidacy(db(), session, {
      stage: 'interview',
      source: 'public_form',
      eligibilityStatus: 'eligible',
      criteriaMet: ['qpv_resident', 'young'],
      submittedAt: new Date('2026-01-10T10:00:00Z'),
    });
    const c2 = await createCandidacy(db(), session, {
      stage: 'submitted',
      source: 'import',
      eligibilityStatus: 'ineligible',
      criteriaMet: ['woman'],
      submittedAt: new Date('2026-02-10T23:30:00Z'),
    });
    const c3 = await createCandidacy(db(), session, {
      stage: 'admitted',
      source: 'public_form',
      eligibilityStatus: 'incomplete',
      eligibilityDecision: {
        status: 'eligible',
        reason: 'Dérogation accordée',
        decidedBy: trainerAId,
        decidedAt: new Date().toISOString(),
      },
      submittedAt: new Date('2026-03-10T08:00:00Z'),
    });
    const list = async (query: string, caller: Caller = coordinatorA) => {
      const response = await get(`/candidacies?sessionId=${session.id}${query}`, caller);
      expect(response.statusCode, response.body).toBe(200);
      return idsOf(response.json());
    };

    expect(await list('')).toEqual([c3.id, c2.id, c1.id]);
    expect(await list('&sort=submittedAt')).toEqual([c1.id, c2.id, c3.id]);
    expect(await list('&stage=interview')).toEqual([c1.id]);
    expect(await list('&stage=interview,admitted')).toEqual([c3.id, c1.id]);
    expect(await list('&stage=interview&stage=submitted')).toEqual([c2.id, c1.id]);
    expect(await list('&eligible=eligible')).toEqual([c3.id, c1.id]);
    expect(await list('&eligible=ineligible')).toEqual([c2.id]);
    expect(await list('&eligible=incomplete')).toEqual([]);
    expect(await list('&criterion=qpv_resident')).toEqual([c1.id]);
    expect(await list('&criterion=woman')).toEqual([c2.id]);
    expect(await list('&source=import')).toEqual([c2.id]);
    expect(await list(`&fabriqueId=${fabriqueA}`)).toEqual([c3.id, c2.id, c1.id]);
    expect(await list(`&fabriqueId=${fabriqueB}`, admin)).toEqual([]);
    expect(await list('&submittedFrom=2026-02-01')).toEqual([c3.id, c2.id]);
    // A date is a day in Europe/Paris: 23:30 UTC on 10 February is already the 11th there.
    expect(await list('&submittedTo=2026-02-10')).toEqual([c1.id]);
    expect(await list('&submittedTo=2026-02-11')).toEqual([c2.id, c1.id]);
    expect(await list('&submittedFrom=2026-01-10T10:00:00Z&submittedTo=2026-03-01T00:00:00Z')).toEqual([
      c2.id,
      c1.id,
    ]);

    const response = await get(`/candidacies?sessionId=${session.id}&stage=admitted`);
    const [row] = response.json().data;
    expect(row).toMatchObject({
      id: c3.id,
      stage: 'admitted',
      eligibilityStatus: 'incomplete',
      eligibilityDecisionStatus: 'eligible',
      session: { id: session.id, name: session.name },
      candidate: { id: c3.candidateId, firstName: 'Inès' },
      submittedAt: '2026-03-10T08:00:00.000Z',
    });
    expect(Object.keys(row.candidate).sort()).toEqual(['email', 'firstName', 'id', 'lastName', 'phone']);
  });

  it('searches by name (case and accents ignored), e-mail and phone', async () => {
    const session = await createSession(db(), fabriqueA);
    const anna = await createCandidate(db(), {
      firstName: 'Éloïse',
      lastName: 'Zéphyrin',
      email: 'eloise.zephyrin@exemple.fr',
      phone: '+33612345678',
    });
    const other = await createCandidate(db(), { firstName: 'Karim', lastName: 'Benali' });
    const hers = await createCandidacy(db(), session, { candidateId: anna.id });
    await createCandidacy(db(), session, { candidateId: other.id });
    for (const q of [
      'zephyrin',
      'ÉLOÏSE zéph',
      'eloise.zephyrin@',
      '06 12 34 56 78',
      '+33612345678',
      '0612345',
    ]) {
      const response = await get(`/candidacies?sessionId=${session.id}&q=${encodeURIComponent(q)}`);
      expect(response.statusCode, q).toBe(200);
      expect(idsOf(response.json()), q).toEqual([hers.id]);
    }
    const none = await get(`/candidacies?sessionId=${session.id}&q=${encodeURIComponent('100%')}`);
    expect(idsOf(none.json())).toEqual([]);
  });

  it('pages with a cursor without losing or repeating rows, whatever the sort', async () => {
    const session = await createSession(db(), fabriqueA);
    const sameInstant = new Date('2026-04-01T09:00:00.123Z');
    const created: string[] = [];
    for (let index = 0; index < 23; index++) {
      const candidate = await createCandidate(db(), { lastName: `Durand ${index % 4}` });
      const candidacy = await createCandidacy(db(), session, {
        candidateId: candidate.id,
        // Ties on the sort key, and instants with microseconds a JS Date would round.
        ...(index % 3 === 0 ? { submittedAt: sameInstant } : {}),
      });
      created.push(candidacy.id);
    }
    for (const sort of ['-submittedAt', 'submittedAt', 'lastName', '-lastName', '-stageChangedAt']) {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const url = `/candidacies?sessionId=${session.id}&limit=5&sort=${sort}${cursor ? `&cursor=${cursor}` : ''}`;
        const response = await get(url);
        expect(response.statusCode, response.body).toBe(200);
        const body = response.json();
        seen.push(...idsOf(body));
        cursor = body.nextCursor;
        pages++;
      } while (cursor && pages < 10);
      expect(pages, sort).toBe(5);
      expect(new Set(seen).size, sort).toBe(23);
      expect([...seen].sort(), sort).toEqual([...created].sort());
    }
  });

  it('rejects invalid filters, listing each, and a foreign cursor', async () => {
    const response = await get('/candidacies?limit=500&stage=nope&eligible=maybe&criterion=rich&sort=age');
    expect(response.statusCode).toBe(400);
    const paths = response.json().errors.map((error: { path: string }) => error.path);
    expect(paths).toEqual(
      expect.arrayContaining(['query.limit', 'query.eligible', 'query.criterion', 'query.sort']),
    );
    expect(paths.some((path: string) => path.startsWith('query.stage'))).toBe(true);

    const bad = await get('/candidacies?cursor=bm90LWEtY3Vyc29y');
    expect(bad.statusCode).toBe(400);
    const session = await createSession(db(), fabriqueA);
    await createCandidacy(db(), session);
    await createCandidacy(db(), session);
    const first = (await get(`/candidacies?sessionId=${session.id}&limit=1`)).json();
    const mixed = await get(
      `/candidacies?sessionId=${session.id}&limit=1&sort=lastName&cursor=${first.nextCursor}`,
    );
    expect(mixed.statusCode).toBe(400);
  });

  it('is scoped: other fabrique sees nothing, trainers their learners only, viewers 403', async () => {
    const session = await createSession(db(), fabriqueA);
    const taught = await createSession(db(), fabriqueA);
    await assignTrainer(db(), taught.id, trainerAId);
    const applicant = await createCandidacy(db(), taught, { stage: 'interview' });
    const learner = await createCandidacy(db(), taught, { stage: 'enrolled' });
    const elsewhere = await createCandidacy(db(), session, { stage: 'enrolled' });

    const fromB = await get(`/candidacies?sessionId=${taught.id}`, coordinatorB);
    expect(fromB.statusCode).toBe(200);
    expect(fromB.json().data).toEqual([]);
    expect((await get(`/candidacies/${learner.id}`, coordinatorB)).statusCode).toBe(404);

    const trainerList = await get('/candidacies', trainerA);
    expect(idsOf(trainerList.json())).toEqual([learner.id]);
    expect((await get(`/candidacies/${learner.id}`, trainerA)).statusCode).toBe(200);
    expect((await get(`/candidacies/${applicant.id}`, trainerA)).statusCode).toBe(404);
    expect((await get(`/candidacies/${elsewhere.id}`, trainerA)).statusCode).toBe(404);

    expect((await get('/candidacies', viewer)).statusCode).toBe(403);
    expect((await get(`/candidacies/${learner.id}`, viewer)).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/candidacies' })).statusCode).toBe(401);
  });
});

describe('GET /candidacies/{id}', () => {
  it('returns the candidacy with its candidate, scorecards, events and the candidate’s other candidacies in scope', async () => {
    const session = await createSession(db(), fabriqueA);
    const otherSession = await createSession(db(), fabriqueA);
    const sessionB = await createSession(db(), fabriqueB);
    const candidacy = await createCandidacy(db(), session, { stage: 'interview' });
    const sibling = await createCandidacy(db(), otherSession, { candidateId: candidacy.candidateId });
    await createCandidacy(db(), sessionB, { candidateId: candidacy.candidateId });
    await send('POST', `/candidacies/${candidacy.id}/evaluations`, {
      step: 'interview',
      scores: [{ item: 'motivation', score: 4, maxScore: 5 }],
      recommendation: 'admit',
    });

    const response = await get(`/candidacies/${candidacy.id}`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers.etag).toBe('"v1"');
    const body = response.json();
    expect(body).toMatchObject({
      id: candidacy.id,
      stage: 'interview',
      candidate: { id: candidacy.candidateId, firstName: 'Inès' },
      session: { id: session.id, capacity: 20 },
      scorecards: [{ total: 4, maxTotal: 5 }],
      latestEvents: [{ type: 'scorecard_recorded' }],
      eligibilityDecision: null,
      isEligibilityFrozen: false,
    });
    expect(body.duplicates.map((entry: { id: string }) => entry.id)).toEqual([sibling.id]);
    const asAdmin = (await get(`/candidacies/${candidacy.id}`, admin)).json();
    expect(asAdmin.duplicates).toHaveLength(2);
  });

  it('answers 404 for an unknown id and 400 for a malformed one', async () => {
    expect((await get('/candidacies/019ac1f2-7b3e-7c41-9a55-2f1e8d0c4b7a')).statusCode).toBe(404);
    const malformed = await get('/candidacies/42');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().errors[0].path).toBe('params.id');
  });
});

describe('PATCH /candidacies/{id}', () => {
  it('updates the answers and facts, re-evaluates the eligibility and bumps the version', async () => {
    const session = await createSession(db(), fabriqueA);
    const candidacy = await createCandidacy(db(), session, { stage: 'screening' });
    const response = await send('PATCH', `/candidacies/${candidacy.id}`, {
      version: 1,
      answers: [{ questionId: 'motivation', answer: 'Apprendre à coder' }],
      facts: { gender: { value: 'female', origin: 'declared' } },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers.etag).toBe('"v2"');
    const body = response.json();
    expect(body.answers).toEqual([{ questionId: 'motivation', answer: 'Apprendre à coder' }]);
    expect(body.candidate.facts.gender).toEqual({ value: 'female', origin: 'declared' });
    expect(body.candidate.facts.birthDate).toBeDefined();
    expect(body.criteriaMet).toContain('woman');
    expect(body.eligibilityStatus).toBe('eligible');
    expect(body.eligibility.policyVersion).toBe(1);
    expect(body.eligibilityInputs.gender.value).toBe('female');
    const types = body.latestEvents.map((event: { type: string }) => event.type);
    expect(types).toEqual(expect.arrayContaining(['updated', 'eligibility_evaluated']));
  });

  it('leaves a frozen evaluation as it was', async () => {
    const session = await createSession(db(), fabriqueA);
    const candidacy = await createCandidacy(db(), session, {
      stage: 'admitted',
      eligibilityStatus: 'incomplete',
    });
    const response = await send('PATCH', `/candidacies/${candidacy.id}`, {
      facts: { gender: { value: 'female', origin: 'declared' } },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      eligibilityStatus: 'incomplete',
      criteriaMet: [],
      eligibility: null,
    });
  });

  it('refuses a stale version (409), a stale If-Match (412), invalid fields (400), a trainer (403), another fabrique (404)', async () => {
    const session = await createSession(db(), fabriqueA);
    const candidacy = await createCandidacy(db(), session);
    const url = `/candidacies/${candidacy.id}`;
    expect((await send('PATCH', url, { answers: [], version: 1 })).statusCode).toBe(200);
    const stale = await send('PATCH', url, { answers: [], version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('stale_version');
    expect((await send('PATCH', url, { answers: [] }, coordinatorA, { 'if-match': '"v1"' })).statusCode).toBe(
      412,
    );
    const invalid = await send('PATCH', url, {
      facts: { gender: { value: 'robot', origin: 'declared' } },
      version: 0,
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().errors.map((error: { path: string }) => error.path)).toEqual(
      expect.arrayContaining(['body.version', 'body.facts.gender.value']),
    );
    expect((await send('PATCH', url, { answers: [] }, trainerA)).statusCode).toBe(403);
    expect((await send('PATCH', url, { answers: [] }, coordinatorB)).statusCode).toBe(404);
  });
});

describe('POST /candidacies/{id}/transitions', () => {
  it('allows every move of the stage machine, recording an event and an audit entry', async () => {
    const session = await createSession(db(), fabriqueA, { capacity: 100 });
    for (const from of CANDIDACY_STAGES) {
      for (const to of CANDIDACY_MOVES[from]) {
        const candidacy = await createCandidacy(db(), session, { stage: from });
        const response = await send('POST', `/candidacies/${candidacy.id}/transitions`, {
          ...movePayload(from, to),
          version: 1,
        });
        expect(response.statusCode, `${from} → ${to}: ${response.body}`).toBe(200);
        const body = response.json();
        expect(body.stage).toBe(to);
        expect(body.version).toBe(2);
        expect(body.latestEvents[0]).toMatchObject({ type: 'stage_changed', fromStage: from, toStage: to });
        expect(response.headers.etag).toBe('"v2"');
      }
    }
  });

  it('records who, why and the eligibility at the time, and sets stageChangedAt', async () => {
    const session = await createSession(db(), fabriqueA);
    const candidacy = await createCandidacy(db(), session, {
      stage: 'interview',
      eligibilityStatus: 'eligible',
      criteriaMet: ['young'],
      stageChangedAt: new Date('2026-01-01T00:00:00Z'),
    });
    const response = await send('POST', `/candidacies/${candidacy.id}/transitions`, {
      to: 'rejected',
      reason: 'other',
      comment: 'Projet pas assez mûr',
      shareReasonWithCandidate: true,
    });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.rejection).toEqual({
      reason: 'other',
      comment: 'Projet pas assez mûr',
      isSharedWithCandidate: true,
    });
    expect(body.stageChangedAt).not.toBe('2026-01-01T00:00:00.000Z');
    expect(body.isEligibilityFrozen).toBe(true);
    expect(body.latestEvents[0].details.eligibility).toMatchObject({
      status: 'eligible',
      criteriaMet: ['young'],
    });
    expect(body.latestEvents[0].actorType).toBe('user');
    const entries = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, candidacy.id), eq(auditLog.action, 'candidacy.stage_changed')));
    expect(entries).toHaveLength(1);
    expect(entries[0]?.details).toMatchObject({ from: 'interview', to: 'rejected' });
  });

  it('refuses an illegal move with 409 and the reason', async () => {
    const session = await createSession(db(), fabriqueA);
    const backwards = await createCandidacy(db(), session, { stage: 'interview' });
    const response = await send('POST', `/candidacies/${backwards.id}/transitions`, { to: 'submitted' });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ code: 'conflict', detail: 'this stage change is not allowed' });
    const done = await createCandidacy(db(), session, { stage: 'completed' });
    const final = await send('POST', `/candidacies/${done.id}/transitions`, { to: 'enrolled' });
    expect(final.statusCode).toBe(409);
    expect(final.json().detail).toBe('the candidacy is at a final stage');
    const french = await send(
      'POST',
      `/candidacies/${backwards.id}/transitions`,
      { to: 'interview' },
      coordinatorA,
      {
        'accept-language': 'fr-FR',
      },
    );
    expect(french.json().detail).toBe('la candidature est déjà à cette étape');
  });

  it('needs a reason to reject or withdraw, a comment for reason other and to reopen', async () => {
    const session = await createSession(db(), fabriqueA);
    const candidacy = await createCandidacy(db(), session, { stage: 'screening' });
    const url = `/candidacies/${candidacy.id}/transitions`;
    const noReason = await send('POST', url, { to: 'rejected' });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.json().detail).toBe('a rejection reason is required');
    expect((await send('POST', url, { to: 'rejected', reason: 'other' })).statusCode).toBe(422);
    const wrongReason = await send('POST', url, { to: 'rejected', reason: 'found_job' });
    expect(wrongReason.statusCode).toBe(400);
    expect((await send('POST', url, { to: 'withdrawn' })).statusCode).toBe(422);
    expect((await send('POST', url, { to: 'rejected', reason: 'no_show' })).statusCode).toBe(200);

    const reopenBare = await send('POST', url, { to: 'screening' });
    expect(reopenBare.statusCode).toBe(422);
    expect(reopenBare.json().detail).toBe('reopening a candidacy needs a comment');
    const reopened = await send('POST', url, { to: 'waitlisted', comment: 'Erreur de saisie' });
    expect(reopened.statusCode).toBe(200);
    expect(reopened.json()).toMatchObject({ stage: 'waitlisted', rejection: null });
  });

  it('refuses a stale version, invalid bodies, trainers and other fabriques', async () => {
    const session = await createSession(db(), fabriqueA);
    const candidacy = await createCandidacy(db(), session, { stage: 'screening' });
    const url = `/candidacies/${candidacy.id}/transitions`;
    const stale = await send('POST', url, { to: 'interview', version: 3 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('stale_version');
    expect(
      (await send('POST', url, { to: 'interview' }, coordinatorA, { 'if-match': '"v7"' })).statusCode,
    ).toBe(412);
    const invalid = await send('POST', url, { to: 'hired', rejection: { reason: 'because' } });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().errors.map((error: { path: string }) => error.path)).toEqual(
      expect.arrayContaining(['body.to', 'body.rejection.reason']),
    );
    expect((await send('POST', url, { to: 'interview' }, trainerA)).statusCode).toBe(403);
    expect((await send('POST', url, { to: 'interview' }, viewer)).statusCode).toBe(403);
    expect((await send('POST', url, { to: 'interview' }, coordinatorB)).statusCode).toBe(404);
  });

  it('refuses to admit past capacity with 409', async () => {
    const session = await createSession(db(), fabriqueA, { capacity: 2 });
    await createCandidacy(db(), session, { stage: 'admitted' });
    await createCandidacy(db(), session, { stage: 'enrolled' });
    const candidacy = await createCandidacy(db(), session, { stage: 'waitlisted' });
    const response = await send('POST', `/candidacies/${candidacy.id}/transitions`, { to: 'admitted' });
    expect(response.statusCode).toBe(409);
    expect(response.json().detail).toBe('the session is full: no place left to admit');
  });

  it('flags the candidate’s other open candidacies when they enrol', async () => {
    const here = await createSession(db(), fabriqueA);
    const there = await createSession(db(), fabriqueB);
    const closed = await createSession(db(), fabriqueA);
    const candidacy = await createCandidacy(db(), here, { stage: 'admitted' });
    const open = await createCandidacy(db(), there, {
      stage: 'interview',
      candidateId: candidacy.candidateId,
    });
    const rejected = await createCandidacy(db(), closed, {
      stage: 'rejected',
      candidateId: candidacy.candidateId,
    });
    const response = await send('POST', `/candidacies/${candidacy.id}/transitions`, { to: 'enrolled' });
    expect(response.statusCode, response.body).toBe(200);
    const [flagged] = await db().select().from(candidacies).where(eq(candidacies.id, open.id));
    expect(flagged?.isFlaggedEnrolledElsewhere).toBe(true);
    expect(flagged?.version).toBe(2);
    const [untouched] = await db().select().from(candidacies).where(eq(candidacies.id, rejected.id));
    expect(untouched?.isFlaggedEnrolledElsewhere).toBe(false);
    const events = (await get(`/candidacies/${open.id}/events`, coordinatorB)).json();
    expect(events.data[0]).toMatchObject({
      type: 'flagged_enrolled_elsewhere',
      details: { enrolledCandidacyId: candidacy.id },
    });
  });
});

describe('POST /candidacies/bulk-transitions', () => {
  it('moves each id in its own transaction and reports per id', async () => {
    const session = await createSession(db(), fabriqueA);
    const sessionB = await createSession(db(), fabriqueB);
    const first = await createCandidacy(db(), session, { stage: 'screening' });
    const second = await createCandidacy(db(), session, { stage: 'submitted' });
    const finished = await createCandidacy(db(), session, { stage: 'completed' });
    const foreign = await createCandidacy(db(), sessionB, { stage: 'screening' });
    const unknown = '019ac1f2-7b3e-7c41-9a55-2f1e8d0c4b7a';
    const response = await send('POST', '/candidacies/bulk-transitions', {
      ids: [first.id, finished.id, foreign.id, second.id, unknown],
      to: 'rejected',
      reason: 'session_full',
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().results).toEqual([
      { id: first.id, status: 'moved', version: 2 },
      {
        id: finished.id,
        status: 'refused',
        problem: { code: 'conflict', detail: 'the candidacy is at a final stage' },
      },
      { id: foreign.id, status: 'refused', problem: { code: 'not_found', detail: 'no such candidacy' } },
      { id: second.id, status: 'moved', version: 2 },
      { id: unknown, status: 'refused', problem: { code: 'not_found', detail: 'no such candidacy' } },
    ]);
    const [moved] = await db().select().from(candidacies).where(eq(candidacies.id, second.id));
    expect(moved?.stage).toBe('rejected');
    expect(moved?.rejection).toMatchObject({ reason: 'session_full' });
    const [untouched] = await db().select().from(candidacies).where(eq(candidacies.id, foreign.id));
    expect(untouched?.stage).toBe('screening');
  });

  it('validates the body and the role', async () => {
    const ids = Array.from({ length: 201 }, () => '019ac1f2-7b3e-7c41-9a55-2f1e8d0c4b7a');
    const tooMany = await send('POST', '/candidacies/bulk-transitions', { ids, to: 'screening' });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().errors.map((error: { path: string }) => error.path)).toContain('body.ids');
    const duplicated = await send('POST', '/candidacies/bulk-transitions', {
      ids: ids.slice(0, 2),
      to: 'screening',
    });
    expect(duplicated.statusCode).toBe(400);
    const empty = await send('POST', '/candidacies/bulk-transitions', { ids: [], to: 'screening' });
    expect(empty.statusCode).toBe(400);
    const trainer = await send(
      'POST',
      '/candidacies/bulk-transitions',
      { ids: ids.slice(0, 1), to: 'screening' },
      trainerA,
    );
    expect(trainer.statusCode).toBe(403);
  });
});

describe('evaluations', () => {
  it('records a scorecard with its totals and lists them', async () => {
    const session = await createSession(db(), fabriqueA);
    const candidacy = await createCandidacy(db(), session, { stage: 'assessment' });
    const url = `/candidacies/${candidacy.id}/evaluations`;
    const response = await send('POST', url, {
      step: 'assessment',
      scores: [
        { item: 'logique', score: 7, maxScore: 10 },
        { item: 'motivation', score: 4.5, maxScore: 5, comment: 'Très motivée' },
      ],
      recommendation: 'admit',
      comment: 'Bon profil',
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({
      candidacyId: candidacy.id,
      step: 'assessment',
      total: 11.5,
      maxTotal: 15,
      recommendation: 'admit',
      version: 1,
    });
    const list = await get(url);
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({ data: [{ id: response.json().id, total: 11.5 }], nextCursor: null });
  });

  it('validates scores, lets trainers evaluate their learners only, and closes to viewers', async () => {
    const session = await createSession(db(), fabriqueA);
    await assignTrainer(db(), session.id, trainerAId);
    const applicant = await createCandidacy(db(), session, { stage: 'interview' });
    const learner = await createCandidacy(db(), session, { stage: 'enrolled' });
    const invalid = await send('POST', `/candidacies/${applicant.id}/evaluations`, {
      step: 'exam',
      scores: [{ item: 'logique', score: 12, maxScore: 10 }],
      recommendation: 'admit',
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().errors.map((error: { path: string }) => error.path)).toEqual(
      expect.arrayContaining(['body.step', 'body.scores.0.score']),
    );
    const scorecard = {
      step: 'interview',
      scores: [{ item: 'oral', score: 3, maxScore: 5 }],
      recommendation: 'undecided',
    };
    expect(
      (await send('POST', `/candidacies/${learner.id}/evaluations`, scorecard, trainerA)).statusCode,
    ).toBe(201);
    expect(
      (await send('POST', `/candidacies/${applicant.id}/evaluations`, scorecard, trainerA)).statusCode,
    ).toBe(404);
    expect(
      (await send('POST', `/candidacies/${applicant.id}/evaluations`, scorecard, coordinatorB)).statusCode,
    ).toBe(404);
    expect(
      (await send('POST', `/candidacies/${applicant.id}/evaluations`, scorecard, viewer)).statusCode,
    ).toBe(403);
  });
});

describe('GET /candidacies/{id}/events', () => {
  it('lists the timeline newest first, page by page', async () => {
    const session = await createSession(db(), fabriqueA, { capacity: 5 });
    const candidacy = await createCandidacy(db(), session);
    const url = `/candidacies/${candidacy.id}/transitions`;
    for (const to of ['screening', 'info_session', 'assessment', 'interview', 'admitted'] as const) {
      expect((await send('POST', url, { to })).statusCode).toBe(200);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const response = await get(
        `/candidacies/${candidacy.id}/events?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(response.statusCode).toBe(200);
      const body = response.json();
      seen.push(...body.data.map((event: { toStage: string }) => event.toStage));
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['admitted', 'interview', 'assessment', 'info_session', 'screening']);
    expect((await get(`/candidacies/${candidacy.id}/events`, coordinatorB)).statusCode).toBe(404);
  });
});

describe('notes', () => {
  it('adds notes and lists them newest first', async () => {
    const session = await createSession(db(), fabriqueA);
    const candidacy = await createCandidacy(db(), session);
    const url = `/candidacies/${candidacy.id}/notes`;
    expect((await send('POST', url, { body: 'Appel : absente' })).statusCode).toBe(201);
    const second = await send('POST', url, { body: 'Rappel : disponible jeudi' });
    expect(second.statusCode).toBe(201);
    expect(second.json()).toMatchObject({ candidacyId: candidacy.id, body: 'Rappel : disponible jeudi' });
    const list = (await get(url)).json();
    expect(list.data.map((note: { body: string }) => note.body)).toEqual([
      'Rappel : disponible jeudi',
      'Appel : absente',
    ]);
    const empty = await send('POST', url, { body: '   ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors[0].path).toBe('body.body');
    expect((await get(url, coordinatorB)).statusCode).toBe(404);
  });
});

describe('PUT /candidacies/{id}/eligibility-decision', () => {
  it('records a derogation apart from the evaluation, and withdraws it', async () => {
    const session = await createSession(db(), fabriqueA);
    const candidacy = await createCandidacy(db(), session, {
      stage: 'screening',
      eligibilityStatus: 'ineligible',
    });
    const url = `/candidacies/${candidacy.id}/eligibility-decision`;
    const response = await send('PUT', url, {
      status: 'eligible',
      reason: 'Parcours de reconversion validé',
    });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.eligibilityStatus).toBe('ineligible');
    expect(body.eligibilityDecision).toMatchObject({
      status: 'eligible',
      reason: 'Parcours de reconversion validé',
    });
    expect(body.latestEvents[0]).toMatchObject({ type: 'eligibility_decision_recorded' });
    const listed = await get(`/candidacies?sessionId=${session.id}&eligible=eligible`);
    expect(idsOf(listed.json())).toEqual([candidacy.id]);

    const withdrawn = await send('DELETE', url, undefined);
    expect(withdrawn.statusCode).toBe(200);
    expect(withdrawn.json().eligibilityDecision).toBeNull();
  });

  it('validates, refuses once frozen, and keeps to coordinators of the fabrique', async () => {
    const session = await createSession(db(), fabriqueA);
    const candidacy = await createCandidacy(db(), session, { stage: 'admitted' });
    const url = `/candidacies/${candidacy.id}/eligibility-decision`;
    const invalid = await send('PUT', url, { status: 'incomplete', reason: 'x' });
    expect(invalid.statusCode).toBe(400);
    expect(
      invalid
        .json()
        .errors.map((error: { path: string }) => error.path)
        .sort(),
    ).toEqual(['body.reason', 'body.status']);
    const frozen = await send('PUT', url, { status: 'eligible', reason: 'Trop tard' });
    expect(frozen.statusCode).toBe(422);
    expect(
      (await send('PUT', url, { status: 'eligible', reason: 'Dérogation' }, coordinatorB)).statusCode,
    ).toBe(404);
    expect((await send('PUT', url, { status: 'eligible', reason: 'Dérogation' }, viewer)).statusCode).toBe(
      403,
    );
  });
});

describe('POST /candidacies/{id}/facts/{fact}/verification', () => {
  it('marks the fact verified with its proof and re-evaluates', async () => {
    const session = await createSession(db(), fabriqueA);
    const candidacy = await createCandidacy(db(), session, { stage: 'screening' });
    const response = await send('POST', `/candidacies/${candidacy.id}/facts/birthDate/verification`, {
      proofType: 'identity_document',
      documentDate: '2024-01-15',
    });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.candidate.facts.birthDate).toMatchObject({
      value: '2004-05-12',
      origin: 'verified',
      proof: { type: 'identity_document', documentDate: '2024-01-15' },
    });
    expect(body.candidate.facts.birthDate.proof.verifiedBy).toEqual(expect.any(String));
    expect(body.eligibility).not.toBeNull();
    expect(body.eligibilityInputs.birthDate.origin).toBe('verified');
    const types = body.latestEvents.map((event: { type: string }) => event.type);
    expect(types).toEqual(expect.arrayContaining(['fact_verified', 'eligibility_evaluated']));
  });

  it('refuses an unknown fact (422), an invalid fact name or date (400), other fabriques (404)', async () => {
    const session = await createSession(db(), fabriqueA);
    const candidacy = await createCandidacy(db(), session);
    const proof = { proofType: 'proof_of_address', documentDate: '2025-12-01' };
    const missing = await send('POST', `/candidacies/${candidacy.id}/facts/qpv/verification`, proof);
    expect(missing.statusCode).toBe(422);
    const badName = await send('POST', `/candidacies/${candidacy.id}/facts/shoeSize/verification`, proof);
    expect(badName.statusCode).toBe(400);
    expect(badName.json().errors[0].path).toBe('params.fact');
    const future = await send('POST', `/candidacies/${candidacy.id}/facts/birthDate/verification`, {
      proofType: 'identity_document',
      documentDate: '2999-01-01',
    });
    expect(future.statusCode).toBe(400);
    const foreign = await send(
      'POST',
      `/candidacies/${candidacy.id}/facts/birthDate/verification`,
      proof,
      coordinatorB,
    );
    expect(foreign.statusCode).toBe(404);
  });
});
