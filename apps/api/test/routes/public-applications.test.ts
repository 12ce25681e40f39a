import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { candidacies, candidacyEvents, candidates } from '../../src/db/schema/index.ts';
import { createFabrique } from '../factories/index.ts';
import { applicationBody, countIntakeRows, nextIp } from '../factories/intake.ts';
import { createCandidacy, createSession } from '../factories/recruitment.ts';
import { buildTestApp, type TestApp } from '../helper.ts';

let t: TestApp;
let fabriqueId: string;

beforeAll(async () => {
  t = await buildTestApp();
  fabriqueId = (await createFabrique(t.database.db)).id;
});
afterAll(async () => t.close());

function apply(sessionId: string, payload: Record<string, unknown>, headers: Record<string, string> = {}) {
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/public/sessions/${sessionId}/applications`,
    payload,
    headers,
    remoteAddress: nextIp(),
  });
}

describe('POST /public/sessions/{id}/applications', () => {
  it('stores the candidate, the candidacy with its evaluation, an event and an audit entry', async () => {
    const session = await createSession(t.database.db, fabriqueId);
    const payload = applicationBody({ phone: '06 12 34 56 78' });
    const response = await apply(session.id, payload);
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(Object.keys(body).sort()).toEqual(['candidacyId', 'eligibility']);
    expect(body.eligibility).toMatchObject({
      status: 'eligible',
      policyId: session.eligibilityPolicyId,
      policyVersion: 1,
      referenceDate: session.startDate,
    });

    const [candidacy] = await t.database.db
      .select()
      .from(candidacies)
      .where(eq(candidacies.id, body.candidacyId));
    expect(candidacy).toMatchObject({
      stage: 'submitted',
      sessionId: session.id,
      fabriqueId,
      source: 'mission_locale',
      eligibilityStatus: 'eligible',
    });
    expect(candidacy?.criteriaMet).toEqual(expect.arrayContaining(['young', 'low_qualification', 'woman']));
    expect(candidacy?.eligibilityInputs).toMatchObject({
      birthDate: { value: '2004-03-01', origin: 'declared' },
      gender: { value: 'female', origin: 'declared' },
    });
    expect(candidacy?.eligibility).toMatchObject({ policyVersion: 1 });

    const [candidate] = await t.database.db
      .select()
      .from(candidates)
      .where(eq(candidates.id, candidacy?.candidateId ?? ''));
    expect(candidate).toMatchObject({
      firstName: 'Élodie',
      email: String(payload.email).toLowerCase(),
      phone: '+33612345678',
    });
    expect(candidate?.searchText).toContain('elodie');
    expect(candidate?.searchText).toContain('0612345678');
    expect(candidate?.consent).toMatchObject({ privacyNoticeVersion: '2026-11', futureContact: true });

    const events = await t.database.db
      .select()
      .from(candidacyEvents)
      .where(eq(candidacyEvents.candidacyId, body.candidacyId));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'submitted', toStage: 'submitted', actorType: 'anonymous' });
  });

  it('requires consent and lists every invalid field', async () => {
    const session = await createSession(t.database.db, fabriqueId);
    const { consent: _consent, ...withoutConsent } = applicationBody();
    const response = await apply(session.id, { ...withoutConsent, email: 'not-an-email', phone: '123' });
    expect(response.statusCode).toBe(400);
    const paths = response.json().errors.map((error: { path: string }) => error.path);
    expect(paths).toEqual(expect.arrayContaining(['body.consent', 'body.email', 'body.phone']));
  });

  it('requires an e-mail or a phone', async () => {
    const session = await createSession(t.database.db, fabriqueId);
    const response = await apply(session.id, applicationBody({ email: undefined }));
    expect(response.statusCode).toBe(400);
    expect(response.json().errors.map((error: { path: string }) => error.path)).toContain('body.email');
  });

  it('refuses a filled honeypot with a bare 400 and stores nothing', async () => {
    const session = await createSession(t.database.db, fabriqueId);
    const before = await countIntakeRows(t.database.db);
    const response = await apply(session.id, applicationBody({ website: 'http://spam.example' }));
    expect(response.statusCode).toBe(400);
    expect(await countIntakeRows(t.database.db)).toEqual(before);
  });

  it('answers 404 for an unknown or draft session, 409 outside the window or status', async () => {
    const draft = await createSession(t.database.db, fabriqueId, { status: 'draft' });
    expect((await apply(draft.id, applicationBody())).statusCode).toBe(404);
    expect((await apply('019ac1f2-7b3e-7c41-9a55-2f1e8d0c4b7a', applicationBody())).statusCode).toBe(404);

    const selection = await createSession(t.database.db, fabriqueId, { status: 'selection' });
    expect((await apply(selection.id, applicationBody())).statusCode).toBe(409);
    const closed = await createSession(t.database.db, fabriqueId, {
      applicationOpensOn: '2020-01-01',
      applicationClosesOn: '2020-02-01',
    });
    expect((await apply(closed.id, applicationBody())).statusCode).toBe(409);
    const notYet = await createSession(t.database.db, fabriqueId, {
      applicationOpensOn: '2099-01-01',
      applicationClosesOn: '2099-02-01',
      startDate: '2099-03-01',
      endDate: '2099-09-01',
    });
    expect((await apply(notYet.id, applicationBody())).statusCode).toBe(409);
  });

  it('refuses a second open application of the same person to the same session (409)', async () => {
    const session = await createSession(t.database.db, fabriqueId);
    const payload = applicationBody();
    expect((await apply(session.id, payload)).statusCode).toBe(201);
    const second = await apply(session.id, { ...payload, firstName: 'Elodie' });
    expect(second.statusCode).toBe(409);
    expect(second.json().type).toMatch(/duplicate/);
  });

  it('accepts a new application once the previous one was withdrawn', async () => {
    const session = await createSession(t.database.db, fabriqueId);
    const payload = applicationBody();
    const first = (await apply(session.id, payload)).json();
    await t.database.db
      .update(candidacies)
      .set({ stage: 'withdrawn' })
      .where(eq(candidacies.id, first.candidacyId));
    expect((await apply(session.id, payload)).statusCode).toBe(201);
  });

  it('finds the same person by e-mail, then by phone, across sessions', async () => {
    const first = await createSession(t.database.db, fabriqueId);
    const second = await createSession(t.database.db, fabriqueId);
    const third = await createSession(t.database.db, fabriqueId);
    const payload = applicationBody({ phone: '+33 7 11 22 33 44' });
    const a = (await apply(first.id, payload)).json();
    const b = (await apply(second.id, { ...payload, email: String(payload.email).toUpperCase() })).json();
    const c = (await apply(third.id, { ...payload, email: undefined, phone: '07.11.22.33.44' })).json();
    const ids = await Promise.all(
      [a, b, c].map(async (body) => {
        const [row] = await t.database.db
          .select({ candidateId: candidacies.candidateId })
          .from(candidacies)
          .where(eq(candidacies.id, body.candidacyId));
        return row?.candidateId;
      }),
    );
    expect(new Set(ids).size).toBe(1);
  });

  it('stores an under-18 without guardian consent as incomplete, never refused', async () => {
    const session = await createSession(t.database.db, fabriqueId);
    const response = await apply(session.id, applicationBody({ birthDate: '2012-01-01' }));
    expect(response.statusCode).toBe(201);
    expect(response.json().eligibility.status).toMatch(/incomplete|ineligible/);
  });

  it('creates exactly one candidacy when the same Idempotency-Key is replayed 50 times at once', async () => {
    const session = await createSession(t.database.db, fabriqueId);
    const payload = applicationBody();
    const headers = { 'idempotency-key': `apply-${session.id}` };
    const responses = await Promise.all(
      Array.from({ length: 50 }, () => apply(session.id, payload, headers)),
    );
    const statuses = responses.map((response) => response.statusCode);
    expect(statuses.every((status) => status === 201)).toBe(true);
    expect(new Set(responses.map((response) => response.json().candidacyId)).size).toBe(1);
    const rows = await t.database.db.select().from(candidacies).where(eq(candidacies.sessionId, session.id));
    expect(rows).toHaveLength(1);
  });

  it('is rate-limited per IP', async () => {
    const session = await createSession(t.database.db, fabriqueId);
    const remoteAddress = nextIp();
    const statuses: number[] = [];
    for (let index = 0; index < 11; index++) {
      const response = await t.app.inject({
        method: 'POST',
        url: `/api/v1/public/sessions/${session.id}/applications`,
        payload: {},
        remoteAddress,
      });
      statuses.push(response.statusCode);
    }
    expect(statuses.slice(0, 10).every((status) => status === 400)).toBe(true);
    expect(statuses[10]).toBe(429);
  });

  it('never rewrites a known person’s profile, but evaluates this candidacy on what they declared', async () => {
    const first = await createSession(t.database.db, fabriqueId);
    const second = await createSession(t.database.db, fabriqueId);
    const payload = applicationBody();
    expect((await apply(first.id, payload)).statusCode).toBe(201);
    const [before] = await t.database.db
      .select()
      .from(candidates)
      .where(eq(candidates.email, String(payload.email).toLowerCase()));

    const response = await apply(second.id, { ...payload, diploma: { highestLevel: '7' }, gender: 'male' });
    expect(response.statusCode).toBe(201);
    const [after] = await t.database.db
      .select()
      .from(candidates)
      .where(eq(candidates.id, before?.id ?? ''));
    expect(after?.facts).toEqual(before?.facts);
    expect(after?.version).toBe(before?.version);

    const [candidacy] = await t.database.db
      .select()
      .from(candidacies)
      .where(eq(candidacies.id, response.json().candidacyId));
    expect(candidacy?.eligibilityInputs).toMatchObject({ diploma: { value: { highestLevel: '7' } } });
    const [event] = await t.database.db
      .select()
      .from(candidacyEvents)
      .where(eq(candidacyEvents.candidacyId, response.json().candidacyId));
    expect(event?.details).toMatchObject({ isProfileUpdatePending: true });
  });

  it('leaves an existing candidacy of another candidate alone', async () => {
    const session = await createSession(t.database.db, fabriqueId);
    await createCandidacy(t.database.db, session);
    expect((await apply(session.id, applicationBody())).statusCode).toBe(201);
  });
});
