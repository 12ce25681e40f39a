import { createDefaultRules } from '@passerelle/domain/eligibility/eligibility-policy';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, candidacies, candidates } from '../../src/db/schema/index.ts';
import { evaluateForSession } from '../../src/plugins/app/candidacies/eligibility-evaluator.ts';
import { createFabrique, createUser, signIn } from '../factories/index.ts';
import { applicationBody } from '../factories/intake.ts';
import { createPartner } from '../factories/outcomes.ts';
import { createCandidate, createSession } from '../factories/recruitment.ts';
import { buildTestApp, type TestApp } from '../helper.ts';

let t: TestApp;
let fabriqueId: string;
let otherFabriqueId: string;
let coordinator: Awaited<ReturnType<typeof signIn>>;
let viewer: Awaited<ReturnType<typeof signIn>>;
let admin: Awaited<ReturnType<typeof signIn>>;

beforeAll(async () => {
  t = await buildTestApp();
  const db = t.database.db;
  fabriqueId = (await createFabrique(db)).id;
  otherFabriqueId = (await createFabrique(db)).id;
  coordinator = await signIn(
    t.app,
    (await createUser(db, { role: 'coordinator', fabriqueIds: [fabriqueId] })).email,
  );
  viewer = await signIn(t.app, (await createUser(db, { role: 'viewer' })).email);
  admin = await signIn(t.app, (await createUser(db, { role: 'admin' })).email);
});
afterAll(async () => t.close());

function intake(headers: Record<string, string>, payload: Record<string, unknown>) {
  return t.app.inject({ method: 'POST', url: '/api/v1/candidacies', headers, payload });
}

describe('POST /candidacies', () => {
  it('records a candidacy with its source, referrer and evaluation; 201 with Location', async () => {
    const session = await createSession(t.database.db, fabriqueId);
    const partnerId = (await createPartner(t.database.db, [fabriqueId], { kind: 'employment_service' })).id;
    const response = await intake(
      coordinator.headers,
      applicationBody({
        sessionId: session.id,
        source: { kind: 'france_travail' },
        prescriberPartnerId: partnerId,
      }),
    );
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(response.headers.location).toBe(`/api/v1/candidacies/${body.candidacyId}`);
    expect(body).toMatchObject({
      possibleDuplicates: [],
      eligibility: { status: 'eligible', policyVersion: 1 },
    });
    const [row] = await t.database.db.select().from(candidacies).where(eq(candidacies.id, body.candidacyId));
    expect(row).toMatchObject({
      candidateId: body.candidateId,
      source: 'france_travail',
      referrerPartnerId: partnerId,
      stage: 'submitted',
    });
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, body.candidacyId), eq(auditLog.action, 'candidacy.submitted')));
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actorType).toBe('user');
  });

  it('refuses a referrer that does not work with the session’s fabrique (422)', async () => {
    const session = await createSession(t.database.db, fabriqueId);
    const foreign = await createPartner(t.database.db, [otherFabriqueId]);
    const response = await intake(
      coordinator.headers,
      applicationBody({
        sessionId: session.id,
        source: { kind: 'france_travail' },
        prescriberPartnerId: foreign.id,
      }),
    );
    expect(response.statusCode).toBe(422);
  });

  it('validates the body and names the fields', async () => {
    const response = await intake(
      coordinator.headers,
      applicationBody({ sessionId: 'nope', email: 'x', consent: undefined, source: undefined }),
    );
    expect(response.statusCode).toBe(400);
    const paths = response.json().errors.map((error: { path: string }) => error.path);
    expect(paths).toEqual(
      expect.arrayContaining(['body.sessionId', 'body.email', 'body.consent', 'body.source']),
    );
  });

  it('answers 404 for a session of another fabrique, 403 to a viewer', async () => {
    const session = await createSession(t.database.db, otherFabriqueId);
    expect((await intake(coordinator.headers, applicationBody({ sessionId: session.id }))).statusCode).toBe(
      404,
    );
    expect((await intake(viewer.headers, applicationBody({ sessionId: session.id }))).statusCode).toBe(403);
    expect((await intake(admin.headers, applicationBody({ sessionId: session.id }))).statusCode).toBe(201);
  });

  it('refuses a finished session (409)', async () => {
    const session = await createSession(t.database.db, fabriqueId, { status: 'cancelled' });
    expect((await intake(coordinator.headers, applicationBody({ sessionId: session.id }))).statusCode).toBe(
      409,
    );
  });

  it('refuses a second open candidacy of the same person for the session (409)', async () => {
    const session = await createSession(t.database.db, fabriqueId);
    const payload = applicationBody({ sessionId: session.id });
    expect((await intake(coordinator.headers, payload)).statusCode).toBe(201);
    expect((await intake(coordinator.headers, payload)).statusCode).toBe(409);
  });

  it('merges by e-mail and by phone, and reports the same names and birth date as a possible duplicate', async () => {
    const session = await createSession(t.database.db, fabriqueId);
    const other = await createSession(t.database.db, fabriqueId);
    const byEmail = await createCandidate(t.database.db, { email: 'karim.benali@example.test' });
    const first = await intake(
      coordinator.headers,
      applicationBody({ sessionId: session.id, email: 'Karim.Benali@Example.test' }),
    );
    expect(first.json().candidateId).toBe(byEmail.id);

    const byPhone = await createCandidate(t.database.db, { email: null, phone: '+33698765432' });
    const second = await intake(
      coordinator.headers,
      applicationBody({ sessionId: session.id, email: 'nouveau@example.test', phone: '06 98 76 54 32' }),
    );
    expect(second.json().candidateId).toBe(byPhone.id);
    const [merged] = await t.database.db.select().from(candidates).where(eq(candidates.id, byPhone.id));
    expect(merged?.email).toBe('nouveau@example.test');

    const namesake = applicationBody({
      sessionId: other.id,
      firstName: 'Yasmine',
      lastName: 'Haddad',
      birthDate: '1999-07-14',
    });
    const one = (await intake(coordinator.headers, namesake)).json();
    const two = (
      await intake(coordinator.headers, {
        ...namesake,
        email: 'autre.yasmine@example.test',
        firstName: 'HADDAD',
        lastName: 'yasmine',
      })
    ).json();
    expect(two.candidateId).not.toBe(one.candidateId);
    expect(two.possibleDuplicates).toEqual([one.candidateId]);
  });

  it('stores an incomplete evaluation when facts are missing', async () => {
    const session = await createSession(t.database.db, fabriqueId);
    const response = await intake(
      coordinator.headers,
      applicationBody({
        sessionId: session.id,
        birthDate: '1985-01-01',
        gender: 'male',
        diploma: undefined,
        jobSeeker: undefined,
        employmentSituation: undefined,
      }),
    );
    expect(response.statusCode).toBe(201);
    expect(response.json().eligibility.status).toBe('incomplete');
    expect(response.json().eligibility.missingFacts).toEqual(expect.arrayContaining(['diploma']));
  });
});

describe('evaluateForSession', () => {
  it('maps an evaluation to the candidacy columns, on the policy’s reference date', () => {
    const facts = { birthDate: { value: '2004-03-01', origin: 'declared' as const } };
    const policy = {
      policyId: '019ac1f2-7b3e-7c41-9a55-2f1e8d0c4b7a',
      version: 3,
      rules: createDefaultRules(),
    };
    const columns = evaluateForSession({
      policy,
      session: { startDate: '2026-09-07' },
      facts,
      applicationDate: '2026-06-01',
    });
    expect(columns.eligibility).toMatchObject({
      policyId: policy.policyId,
      policyVersion: 3,
      referenceDate: '2026-09-07',
    });
    expect(columns.eligibilityStatus).toBe('eligible');
    expect(columns.criteriaMet).toEqual(['young']);
    expect(columns.eligibilityInputs).toBe(facts);
    const byApplication = evaluateForSession({
      policy: { ...policy, rules: { ...policy.rules, referenceDate: 'application_date' } },
      session: { startDate: '2026-09-07' },
      facts,
      applicationDate: '2026-06-01',
    });
    expect(byApplication.eligibility.referenceDate).toBe('2026-06-01');
  });
});
