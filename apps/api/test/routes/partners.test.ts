import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignTrainer } from '../factories/candidacies.ts';
import { createFabrique, createUser, signIn } from '../factories/index.ts';
import { createPartner } from '../factories/outcomes.ts';
import { createCandidacy, createSession } from '../factories/recruitment.ts';
import { buildTestApp, type TestApp } from '../helper.ts';

type Caller = Awaited<ReturnType<typeof signIn>>;

let t: TestApp;
let admin: Caller;
let coordinator: Caller;
let otherCoordinator: Caller;
let teacher: Caller;
let viewer: Caller;
let teacherId: string;
let roubaix: { id: string };
let montreuil: { id: string };
const db = () => t.database.db;

beforeAll(async () => {
  t = await buildTestApp();
  roubaix = await createFabrique(db());
  montreuil = await createFabrique(db());
  admin = await signIn(t.app, (await createUser(db(), { role: 'admin' })).email);
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
  viewer = await signIn(t.app, (await createUser(db(), { role: 'viewer' })).email);
});
afterAll(async () => t.close());

function send(
  caller: Caller,
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
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

const contact = {
  name: 'Claire Dubois',
  role: 'RH',
  email: 'Claire.Dubois@Octo.test',
  phone: '+33612345678',
};

describe('partners', () => {
  it('lets a coordinator create a partner of their fabrique, with contacts, and read it back', async () => {
    const response = await send(coordinator, 'POST', '/partners', {
      name: 'Octo Technology',
      kind: 'company',
      siret: '41816609600069',
      contacts: [contact],
    });
    expect(response.statusCode, response.body).toBe(201);
    const partner = response.json();
    expect(partner).toMatchObject({
      name: 'Octo Technology',
      kind: 'company',
      fabriqueIds: [roubaix.id],
      contacts: [{ ...contact, email: 'claire.dubois@octo.test' }],
      version: 1,
    });
    expect(response.headers.location).toBe(`/api/v1/partners/${partner.id}`);
    const read = await send(teacher, 'GET', `/partners/${partner.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.headers.etag).toBe('"v1"');
    expect((await send(otherCoordinator, 'GET', `/partners/${partner.id}`)).statusCode).toBe(404);
    expect((await send(viewer, 'GET', `/partners/${partner.id}`)).statusCode).toBe(403);
    expect((await send(admin, 'GET', `/partners/${partner.id}`)).statusCode).toBe(200);
  });

  it('lists with kind, fabrique and name filters, paged by name', async () => {
    await createPartner(db(), [roubaix.id], { name: 'Alpha Incubateur', kind: 'incubator' });
    await createPartner(db(), [roubaix.id], { name: 'Bêta Mission Locale', kind: 'employment_service' });
    await createPartner(db(), [montreuil.id], { name: 'Gamma Montreuil', kind: 'incubator' });
    const incubators = await send(coordinator, 'GET', '/partners?kind=incubator');
    expect(incubators.json().data.map((partner: { name: string }) => partner.name)).toEqual([
      'Alpha Incubateur',
    ]);
    const search = await send(coordinator, 'GET', '/partners?q=mission');
    expect(search.json().data.map((partner: { name: string }) => partner.name)).toEqual([
      'Bêta Mission Locale',
    ]);
    const all = await send(admin, 'GET', `/partners?fabriqueId=${montreuil.id}`);
    expect(all.json().data.map((partner: { name: string }) => partner.name)).toEqual(['Gamma Montreuil']);
    const first = await send(coordinator, 'GET', '/partners?limit=1');
    expect(first.json().data).toHaveLength(1);
    const second = await send(coordinator, 'GET', `/partners?limit=1&cursor=${first.json().nextCursor}`);
    expect(second.json().data[0].name > first.json().data[0].name).toBe(true);
    expect((await send(viewer, 'GET', '/partners')).statusCode).toBe(403);
  });

  it('validates the body, listing every invalid field', async () => {
    const response = await send(coordinator, 'POST', '/partners', {
      name: 'X',
      kind: 'bank',
      siret: '123',
      contacts: [{ name: 'A', email: 'nope' }],
    });
    expect(response.statusCode).toBe(400);
    const paths = response.json().errors.map((error: { path: string }) => error.path);
    expect(paths).toEqual(
      expect.arrayContaining(['body.name', 'body.kind', 'body.siret', 'body.contacts.0.email']),
    );
    const foreign = await send(coordinator, 'POST', '/partners', {
      name: 'Foreign',
      kind: 'company',
      fabriqueIds: [montreuil.id],
    });
    expect(foreign.statusCode).toBe(422);
    expect(
      (await send(teacher, 'POST', '/partners', { name: 'Trainer Co', kind: 'company' })).statusCode,
    ).toBe(403);
  });

  it('updates with a version, refusing stale ones, keeping other fabriques’ links', async () => {
    const partner = await createPartner(db(), [roubaix.id, montreuil.id]);
    const response = await send(coordinator, 'PATCH', `/partners/${partner.id}`, {
      name: 'Renamed',
      contacts: [contact],
      fabriqueIds: [roubaix.id],
      version: 1,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      name: 'Renamed',
      version: 2,
      contacts: [{ name: 'Claire Dubois' }],
    });
    expect(response.json().fabriqueIds.sort()).toEqual([roubaix.id, montreuil.id].sort());
    expect(
      (await send(coordinator, 'PATCH', `/partners/${partner.id}`, { name: 'Again', version: 1 })).statusCode,
    ).toBe(409);
    expect(
      (await send(coordinator, 'PATCH', `/partners/${partner.id}`, { name: 'Again' }, { 'if-match': '"v1"' }))
        .statusCode,
    ).toBe(412);
    const other = await createPartner(db(), [montreuil.id]);
    expect((await send(coordinator, 'PATCH', `/partners/${other.id}`, { name: 'Mine' })).statusCode).toBe(
      404,
    );
  });
});

describe('session fundings and hosts, and partner links', () => {
  it('adds and removes a funding and a host; the partner detail lists them with referrals', async () => {
    const session = await createSession(db(), roubaix.id);
    await assignTrainer(db(), session.id, teacherId);
    const funder = await createPartner(db(), [roubaix.id], {
      name: 'Région Hauts-de-France',
      kind: 'local_authority',
    });
    const added = await send(coordinator, 'POST', `/sessions/${session.id}/fundings`, {
      partnerId: funder.id,
      amountCents: 4_500_000,
      scheme: 'Plan régional de formation',
    });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toMatchObject({ partnerName: 'Région Hauts-de-France', amountCents: 4_500_000 });
    const negative = await send(coordinator, 'POST', `/sessions/${session.id}/fundings`, {
      partnerId: funder.id,
      amountCents: -1,
      scheme: 'x',
    });
    expect(negative.statusCode).toBe(400);
    const hidden = await createPartner(db(), [montreuil.id]);
    const foreign = await send(coordinator, 'POST', `/sessions/${session.id}/fundings`, {
      partnerId: hidden.id,
      amountCents: 100,
      scheme: 'Subvention',
    });
    expect(foreign.statusCode).toBe(422);
    expect(
      (
        await send(otherCoordinator, 'POST', `/sessions/${session.id}/fundings`, {
          partnerId: funder.id,
          amountCents: 1,
          scheme: 'xx',
        })
      ).statusCode,
    ).toBe(404);
    expect((await send(teacher, 'GET', `/sessions/${session.id}/fundings`)).json().data).toHaveLength(1);
    expect(
      (
        await send(teacher, 'POST', `/sessions/${session.id}/fundings`, {
          partnerId: funder.id,
          amountCents: 1,
          scheme: 'xx',
        })
      ).statusCode,
    ).toBe(403);

    const host = await send(coordinator, 'PUT', `/sessions/${session.id}/hosts/${funder.id}`, {
      role: 'Locaux',
    });
    expect(host.statusCode, host.body).toBe(200);
    expect((await send(coordinator, 'GET', `/sessions/${session.id}/hosts`)).json().data).toEqual([
      { sessionId: session.id, partnerId: funder.id, partnerName: 'Région Hauts-de-France', role: 'Locaux' },
    ]);

    const referred = await createCandidacy(db(), session, { referrerPartnerId: funder.id });
    const links = await send(coordinator, 'GET', `/partners/${funder.id}/links`);
    expect(links.statusCode, links.body).toBe(200);
    expect(links.json()).toMatchObject({
      totalFundingCents: 4_500_000,
      fundings: [{ session: { id: session.id }, scheme: 'Plan régional de formation' }],
      hostedSessions: [{ session: { id: session.id }, role: 'Locaux' }],
      referrals: { count: 1, candidacies: [{ id: referred.id }] },
      placements: [],
      offers: [],
    });
    expect((await send(teacher, 'GET', `/partners/${funder.id}/links`)).json().referrals).toEqual({
      count: 1,
      candidacies: [],
    });
    expect((await send(otherCoordinator, 'GET', `/partners/${funder.id}/links`)).statusCode).toBe(404);

    const fundingId = added.json().id;
    expect(
      (await send(coordinator, 'DELETE', `/sessions/${session.id}/fundings/${fundingId}`)).statusCode,
    ).toBe(204);
    expect(
      (await send(coordinator, 'DELETE', `/sessions/${session.id}/fundings/${fundingId}`)).statusCode,
    ).toBe(404);
    expect((await send(coordinator, 'DELETE', `/sessions/${session.id}/hosts/${funder.id}`)).statusCode).toBe(
      204,
    );
    expect((await send(coordinator, 'GET', `/sessions/${session.id}/hosts`)).json().data).toEqual([]);
  });
});
