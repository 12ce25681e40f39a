import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { candidacies } from '../../src/db/schema/index.ts';
import { createFabrique, createUser, signIn } from '../factories/index.ts';
import { countIntakeRows } from '../factories/intake.ts';
import { createSession } from '../factories/recruitment.ts';
import { buildTestApp, type TestApp } from '../helper.ts';

let t: TestApp;
let fabriqueId: string;
let otherFabriqueId: string;
let coordinator: Awaited<ReturnType<typeof signIn>>;
let viewer: Awaited<ReturnType<typeof signIn>>;

beforeAll(async () => {
  t = await buildTestApp();
  const db = t.database.db;
  fabriqueId = (await createFabrique(db)).id;
  otherFabriqueId = (await createFabrique(db)).id;
  coordinator = await signIn(t.app, (await createUser(db, { fabriqueIds: [fabriqueId] })).email);
  viewer = await signIn(t.app, (await createUser(db, { role: 'viewer' })).email);
});
afterAll(async () => t.close());

const HEADER =
  'firstName,lastName,email,phone,birthDate,gender,postalCode,inseeCode,street,diplomaLevel,employmentSituation,jobSeekerRegistered,rsaBeneficiary,source,privacyNoticeVersion';

function row(tag: string, overrides: Partial<Record<string, string>> = {}) {
  const values: Record<string, string> = {
    firstName: 'Awa',
    lastName: `Traoré ${tag}`,
    email: `awa.${tag}@example.test`,
    phone: '',
    birthDate: '2002-06-15',
    gender: 'female',
    postalCode: '59100',
    inseeCode: '59512',
    street: '3 rue Pierre de Roubaix',
    diplomaLevel: 'none',
    employmentSituation: 'job_seeker',
    jobSeekerRegistered: 'oui',
    rsaBeneficiary: 'non',
    source: 'mission_locale',
    privacyNoticeVersion: '2026-11',
    ...overrides,
  };
  return HEADER.split(',')
    .map((column) => values[column] ?? '')
    .join(',');
}

function importCsv(query: string, csv: string, headers = coordinator.headers) {
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/candidacies/import?${query}`,
    headers: { ...headers, 'content-type': 'text/csv' },
    payload: csv,
  });
}

async function candidaciesOf(sessionId: string) {
  return t.database.db.select().from(candidacies).where(eq(candidacies.sessionId, sessionId));
}

describe('POST /candidacies/import', () => {
  it('imports every row of a valid file', async () => {
    const session = await createSession(t.database.db, fabriqueId);
    const csv = [HEADER, row('a'), row('b', { phone: '06 01 02 03 04', email: '' })].join('\n');
    const response = await importCsv(`sessionId=${session.id}`, csv);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ created: 2, invalid: 0, dryRun: false });
    expect(body.rows.map((entry: { line: number; status: string }) => [entry.line, entry.status])).toEqual([
      [2, 'created'],
      [3, 'created'],
    ]);
    const stored = await candidaciesOf(session.id);
    expect(stored.map((candidacy) => candidacy.id).sort()).toEqual(
      body.rows.map((entry: { candidacyId: string }) => entry.candidacyId).sort(),
    );
    expect(stored.every((candidacy) => candidacy.eligibilityStatus === 'eligible')).toBe(true);
  });

  it('dry run: reports per row and writes nothing', async () => {
    const session = await createSession(t.database.db, fabriqueId);
    const csv = [HEADER, row('c'), row('d', { email: 'pas-un-email', postalCode: '591' }), row('c')].join(
      '\r\n',
    );
    const before = await countIntakeRows(t.database.db);
    const response = await importCsv(`sessionId=${session.id}&dryRun=true&mode=per_row`, csv);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ created: 1, invalid: 2, dryRun: true });
    expect(body.rows[0]).toEqual({ line: 2, status: 'created' });
    expect(body.rows[1].line).toBe(3);
    expect(body.rows[1].status).toBe('invalid');
    expect(body.rows[1].errors.map((error: { field: string }) => error.field).sort()).toEqual([
      'email',
      'postalCode',
    ]);
    expect(body.rows[2]).toMatchObject({ line: 4, status: 'duplicate' });
    expect(await countIntakeRows(t.database.db)).toEqual(before);
  });

  it('all or nothing: one bad row stores nothing and the valid rows are skipped', async () => {
    const session = await createSession(t.database.db, fabriqueId);
    const csv = [HEADER, row('e'), row('f', { birthDate: '15/06/2002' })].join('\n');
    const response = await importCsv(`sessionId=${session.id}`, csv);
    const body = response.json();
    expect(body.rows.map((entry: { status: string }) => entry.status)).toEqual(['skipped', 'invalid']);
    expect(body.rows[1].errors[0].field).toBe('birthDate');
    expect(body.created).toBe(0);
    expect(await candidaciesOf(session.id)).toHaveLength(0);
  });

  it('per row: stores the valid rows, reports the others', async () => {
    const session = await createSession(t.database.db, fabriqueId);
    const otherSession = await createSession(t.database.db, otherFabriqueId);
    const csv = [
      'sessionId,' + HEADER,
      `${session.id},${row('g')}`,
      `${otherSession.id},${row('h')}`,
      `,${row('i', { source: '' })}`,
    ].join('\n');
    const body = (await importCsv('mode=per_row', csv)).json();
    expect(body.rows.map((entry: { status: string }) => entry.status)).toEqual([
      'created',
      'invalid',
      'invalid',
    ]);
    expect(body.rows[1].errors[0].field).toBe('sessionId');
    expect(body.rows[2].errors.map((error: { field: string }) => error.field)).toEqual(
      expect.arrayContaining(['sessionId', 'source']),
    );
    expect(await candidaciesOf(session.id)).toHaveLength(1);
    expect(await candidaciesOf(otherSession.id)).toHaveLength(0);
  });

  it('refuses viewers, non-CSV bodies and unreadable files', async () => {
    const session = await createSession(t.database.db, fabriqueId);
    expect(
      (await importCsv(`sessionId=${session.id}`, `${HEADER}\n${row('j')}`, viewer.headers)).statusCode,
    ).toBe(403);
    const json = await t.app.inject({
      method: 'POST',
      url: `/api/v1/candidacies/import?sessionId=${session.id}`,
      headers: coordinator.headers,
      payload: { rows: [] },
    });
    expect(json.statusCode).toBe(400);
    expect((await importCsv(`sessionId=${session.id}`, HEADER)).statusCode).toBe(400);
    expect((await importCsv('mode=sometimes', `${HEADER}\n${row('k')}`)).json().errors[0].path).toBe(
      'query.mode',
    );
  });
});
