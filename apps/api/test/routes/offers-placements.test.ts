import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webhookEvents } from '../../src/db/schema/index.ts';
import { assignTrainer } from '../factories/candidacies.ts';
import { createFabrique, createUser, signIn } from '../factories/index.ts';
import { createPartner } from '../factories/outcomes.ts';
import { createCandidacy, createSession } from '../factories/recruitment.ts';
import { buildTestApp, type TestApp } from '../helper.ts';

type Caller = Awaited<ReturnType<typeof signIn>>;

let t: TestApp;
let coordinator: Caller;
let otherCoordinator: Caller;
let teacher: Caller;
let otherTrainer: Caller;
let viewer: Caller;
let roubaix: { id: string };
let montreuil: { id: string };
let session: { id: string; fabriqueId: string };
let company: { id: string };
const db = () => t.database.db;

beforeAll(async () => {
  t = await buildTestApp();
  roubaix = await createFabrique(db());
  montreuil = await createFabrique(db());
  coordinator = await signIn(
    t.app,
    (await createUser(db(), { role: 'coordinator', fabriqueIds: [roubaix.id] })).email,
  );
  otherCoordinator = await signIn(
    t.app,
    (await createUser(db(), { role: 'coordinator', fabriqueIds: [montreuil.id] })).email,
  );
  const teacherUser = await createUser(db(), { role: 'trainer', fabriqueIds: [roubaix.id] });
  teacher = await signIn(t.app, teacherUser.email);
  otherTrainer = await signIn(
    t.app,
    (await createUser(db(), { role: 'trainer', fabriqueIds: [roubaix.id] })).email,
  );
  viewer = await signIn(t.app, (await createUser(db(), { role: 'viewer' })).email);
  session = await createSession(db(), roubaix.id, {
    status: 'completed',
    startDate: '2026-01-05',
    endDate: '2026-06-30',
  });
  await assignTrainer(db(), session.id, teacherUser.id);
  company = await createPartner(db(), [roubaix.id], { name: 'Décathlon Digital' });
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

const offerBody = {
  title: 'Stage développeur·se front',
  kind: 'internship',
  positions: 2,
  skills: ['React', 'TypeScript'],
  startDate: '2026-09-01',
  endDate: '2027-02-28',
};

async function createOffer(body: Record<string, unknown> = offerBody) {
  const response = await send(coordinator, 'POST', `/partners/${company.id}/offers`, body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

describe('offers and proposals', () => {
  it('records an offer for the only fabrique shared, lists and updates it', async () => {
    const offer = await createOffer();
    expect(offer).toMatchObject({
      partnerId: company.id,
      partnerName: 'Décathlon Digital',
      fabriqueId: roubaix.id,
      isOpen: true,
      proposalCounts: { proposed: 0, accepted: 0 },
    });
    const list = await send(coordinator, 'GET', `/partners/${company.id}/offers?isOpen=true`);
    expect(list.json().data.map((item: { id: string }) => item.id)).toContain(offer.id);
    const closed = await send(coordinator, 'PATCH', `/offers/${offer.id}`, { isOpen: false, version: 1 });
    expect(closed.json()).toMatchObject({ isOpen: false, version: 2 });
    expect(
      (await send(coordinator, 'PATCH', `/offers/${offer.id}`, { isOpen: true, version: 1 })).statusCode,
    ).toBe(409);
    expect(
      (await send(coordinator, 'PATCH', `/offers/${offer.id}`, { endDate: '2026-01-01' })).statusCode,
    ).toBe(422);
    expect((await send(otherCoordinator, 'GET', `/offers/${offer.id}`)).statusCode).toBe(404);
    expect((await send(teacher, 'GET', `/offers/${offer.id}`)).statusCode).toBe(403);
    expect((await send(viewer, 'GET', `/offers/${offer.id}`)).statusCode).toBe(403);
    const invalid = await send(coordinator, 'POST', `/partners/${company.id}/offers`, {
      ...offerBody,
      kind: 'volunteer',
      positions: 0,
      endDate: '2026-01-01',
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().errors.map((error: { path: string }) => error.path)).toEqual(
      expect.arrayContaining(['body.kind', 'body.positions']),
    );
    expect(
      (await send(otherCoordinator, 'POST', `/partners/${company.id}/offers`, offerBody)).statusCode,
    ).toBe(404);
  });

  it('proposes enrolled or completed learners once, moves proposals, and accepting creates the placement', async () => {
    const offer = await createOffer();
    const first = await createCandidacy(db(), session, { stage: 'completed' });
    const second = await createCandidacy(db(), session, { stage: 'enrolled' });
    const applicant = await createCandidacy(db(), session, { stage: 'interview' });
    const elsewhere = await createCandidacy(db(), await createSession(db(), montreuil.id), {
      stage: 'enrolled',
    });
    const propose = (candidacyId: string) =>
      send(coordinator, 'POST', `/offers/${offer.id}/proposals`, { candidacyId });
    const proposal = await propose(first.id);
    expect(proposal.statusCode, proposal.body).toBe(201);
    expect(proposal.json()).toMatchObject({
      status: 'proposed',
      placementId: null,
      learner: { firstName: 'Inès' },
    });
    expect((await propose(second.id)).statusCode).toBe(201);
    expect((await propose(first.id)).statusCode).toBe(409);
    expect((await propose(applicant.id)).statusCode).toBe(422);
    expect((await propose(elsewhere.id)).statusCode).toBe(422);

    const url = `/offers/${offer.id}/proposals/${proposal.json().id}`;
    const interviewing = await send(coordinator, 'PATCH', url, { status: 'interviewing', version: 1 });
    expect(interviewing.statusCode, interviewing.body).toBe(200);
    expect((await send(coordinator, 'PATCH', url, { status: 'proposed' })).statusCode).toBe(409);
    expect((await send(coordinator, 'PATCH', url, { status: 'accepted', version: 1 })).statusCode).toBe(409);
    const accepted = await send(coordinator, 'PATCH', url, {
      status: 'accepted',
      version: 2,
      placement: { hasHiringPromise: true },
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ status: 'accepted', decidedAt: expect.any(String) });
    const placementId = accepted.json().placementId;
    const placement = await send(coordinator, 'GET', `/placements/${placementId}`);
    expect(placement.json()).toMatchObject({
      candidacyId: first.id,
      kind: 'internship',
      partnerId: company.id,
      partnerName: 'Décathlon Digital',
      jobTitle: 'Stage développeur·se front',
      startDate: '2026-09-01',
      endDate: '2027-02-28',
      durationMonths: 6,
      hasHiringPromise: true,
    });
    expect((await send(coordinator, 'PATCH', url, { status: 'declined' })).statusCode).toBe(409);
    const history = await send(teacher, 'GET', `/placements?candidacyId=${first.id}`);
    expect(history.json().data.map((item: { id: string }) => item.id)).toEqual([placementId]);
    const counts = await send(coordinator, 'GET', `/offers/${offer.id}`);
    expect(counts.json().proposalCounts).toMatchObject({ accepted: 1, proposed: 1 });
    const proposals = await send(coordinator, 'GET', `/offers/${offer.id}/proposals`);
    expect(proposals.json().data).toHaveLength(2);
  });

  it('refuses to accept when the placement would break its rules, leaving the proposal as it was', async () => {
    const offer = await createOffer({ title: 'CDD support', kind: 'cdd' });
    const learner = await createCandidacy(db(), session, { stage: 'completed' });
    const proposal = (
      await send(coordinator, 'POST', `/offers/${offer.id}/proposals`, { candidacyId: learner.id })
    ).json();
    const url = `/offers/${offer.id}/proposals/${proposal.id}`;
    const refused = await send(coordinator, 'PATCH', url, { status: 'accepted' });
    expect(refused.statusCode).toBe(422);
    expect((await send(coordinator, 'GET', `/placements?candidacyId=${learner.id}`)).json().data).toEqual([]);
    const accepted = await send(coordinator, 'PATCH', url, {
      status: 'accepted',
      placement: { durationMonths: 4 },
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const placement = (await send(coordinator, 'GET', `/placements/${accepted.json().placementId}`)).json();
    expect(placement).toMatchObject({ kind: 'cdd', durationMonths: 4 });
  });
});

describe('placements', () => {
  it('records each kind with its own fields, refusing what domain.md refuses', async () => {
    const learner = await createCandidacy(db(), session, { stage: 'completed' });
    const incubator = await createPartner(db(), [roubaix.id], {
      kind: 'incubator',
      name: 'Euratechnologies',
    });
    const post = (body: Record<string, unknown>, caller = coordinator) =>
      send(caller, 'POST', '/placements', { candidacyId: learner.id, startDate: '2026-07-01', ...body });
    const cases: Array<[Record<string, unknown>, number]> = [
      [{ kind: 'cdi', employerName: 'Leroy Merlin', jobTitle: 'CTO' }, 201],
      [{ kind: 'cdd', employerName: 'Kiabi', durationMonths: 8 }, 201],
      [{ kind: 'interim', employerName: 'Adecco', durationMonths: 2 }, 201],
      [{ kind: 'apprenticeship', partnerId: company.id }, 201],
      [{ kind: 'freelance' }, 201],
      [{ kind: 'business_creation' }, 201],
      [{ kind: 'incubation', partnerId: incubator.id }, 201],
      [{ kind: 'further_training', isQualifyingTraining: true }, 201],
      [{ kind: 'civic_service' }, 201],
      [{ kind: 'other' }, 201],
      [{ kind: 'cdd', employerName: 'Kiabi' }, 400],
      [{ kind: 'internship', employerName: 'Kiabi' }, 400],
      [{ kind: 'cdi' }, 400],
      [{ kind: 'incubation', employerName: 'Somewhere' }, 400],
      [{ kind: 'further_training' }, 400],
      [{ kind: 'cdi', employerName: 'X', hasHiringPromise: true }, 400],
      [{ kind: 'cdi', employerName: 'X', endDate: '2026-01-01' }, 400],
      [{ kind: 'incubation', partnerId: company.id }, 422],
    ];
    for (const [body, status] of cases) {
      const response = await post(body);
      expect(response.statusCode, `${JSON.stringify(body)}: ${response.body}`).toBe(status);
    }
    const invalid = await post({ kind: 'cdd' });
    expect(invalid.json().errors.map((error: { path: string }) => error.path)).toEqual(
      expect.arrayContaining(['body.durationMonths', 'body.partnerId']),
    );
    const applicant = await createCandidacy(db(), session, { stage: 'admitted' });
    const notLearner = await send(coordinator, 'POST', '/placements', {
      candidacyId: applicant.id,
      kind: 'freelance',
      startDate: '2026-07-01',
    });
    expect(notLearner.statusCode).toBe(422);
    expect((await post({ kind: 'freelance' }, otherCoordinator)).statusCode).toBe(404);
    expect((await post({ kind: 'freelance' }, otherTrainer)).statusCode).toBe(404);
    expect((await post({ kind: 'freelance' }, viewer)).statusCode).toBe(403);
    expect((await post({ kind: 'freelance' }, teacher)).statusCode).toBe(201);
  });

  it('links an internship turned into a CDI, only to the same learner’s placement', async () => {
    const learner = await createCandidacy(db(), session, { stage: 'completed' });
    const other = await createCandidacy(db(), session, { stage: 'completed' });
    const internship = (
      await send(coordinator, 'POST', '/placements', {
        candidacyId: learner.id,
        kind: 'internship',
        partnerId: company.id,
        startDate: '2026-07-01',
        durationMonths: 6,
        hasHiringPromise: true,
      })
    ).json();
    const cdi = await send(coordinator, 'POST', '/placements', {
      candidacyId: learner.id,
      kind: 'cdi',
      partnerId: company.id,
      startDate: '2027-01-01',
      previousPlacementId: internship.id,
    });
    expect(cdi.statusCode, cdi.body).toBe(201);
    expect(cdi.json().previousPlacementId).toBe(internship.id);
    const foreign = await send(coordinator, 'POST', '/placements', {
      candidacyId: other.id,
      kind: 'cdi',
      employerName: 'X',
      startDate: '2027-01-01',
      previousPlacementId: internship.id,
    });
    expect(foreign.statusCode).toBe(422);
  });

  it('updates with a version, re-checking the merged placement', async () => {
    const learner = await createCandidacy(db(), session, { stage: 'enrolled' });
    const created = (
      await send(coordinator, 'POST', '/placements', {
        candidacyId: learner.id,
        kind: 'cdi',
        employerName: 'Octo',
        startDate: '2026-07-01',
      })
    ).json();
    const url = `/placements/${created.id}`;
    expect((await send(coordinator, 'PATCH', url, { kind: 'cdd', version: 1 })).statusCode).toBe(422);
    const updated = await send(coordinator, 'PATCH', url, { kind: 'cdd', durationMonths: 12, version: 1 });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json()).toMatchObject({ kind: 'cdd', durationMonths: 12, version: 2 });
    expect(updated.headers.etag).toBe('"v2"');
    expect((await send(coordinator, 'PATCH', url, { jobTitle: 'Dev', version: 1 })).statusCode).toBe(409);
    expect(
      (await send(coordinator, 'PATCH', url, { jobTitle: 'Dev' }, { 'if-match': '"v1"' })).statusCode,
    ).toBe(412);
    expect((await send(otherCoordinator, 'PATCH', url, { jobTitle: 'Dev' })).statusCode).toBe(404);
    expect((await send(otherTrainer, 'GET', url)).statusCode).toBe(404);
    expect((await send(teacher, 'PATCH', url, { jobTitle: 'Développeur', version: 2 })).statusCode).toBe(200);
    expect((await send(viewer, 'GET', '/placements')).statusCode).toBe(403);
    const byKind = await send(coordinator, 'GET', `/placements?sessionId=${session.id}&kind=cdd&limit=200`);
    expect(byKind.json().data.every((item: { kind: string }) => item.kind === 'cdd')).toBe(true);
    expect((await send(otherCoordinator, 'GET', `/placements?sessionId=${session.id}`)).json().data).toEqual(
      [],
    );

    // Webhooks: one `placement.recorded` and, per successful update, one `placement.updated` (refused writes none).
    const events = await db()
      .select({ type: webhookEvents.type, payload: webhookEvents.payload })
      .from(webhookEvents)
      .where(sql`${webhookEvents.payload}->>'placementId' = ${created.id}`);
    expect(events.map((event) => event.type).sort()).toEqual([
      'placement.recorded',
      'placement.updated',
      'placement.updated',
    ]);
    expect(events.find((event) => event.type === 'placement.recorded')?.payload).toMatchObject({
      candidacyId: learner.id,
      fabriqueId: roubaix.id,
      kind: 'cdi',
    });
  });
});
