import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, signIn } from '../factories/index.ts';
import { buildTestApp, type TestApp } from '../helper.ts';

let t: TestApp;
let admin: Awaited<ReturnType<typeof signIn>>;
beforeAll(async () => {
  t = await buildTestApp();
  admin = await signIn(t.app, (await createUser(t.database.db, { role: 'admin' })).email);
});
afterAll(async () => t.close());

const createFabrique = (key: string | undefined, slug: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/fabriques',
    headers: { ...admin.headers, ...(key ? { 'idempotency-key': key } : {}) },
    payload: { name: `Fabrique ${slug}`, slug, city: 'Lille', departmentCode: '59' },
  });

async function countFabriques(slug: string): Promise<number> {
  const result = await t.database.db.execute(
    sql`select count(*)::int as n from fabriques where slug = ${slug}`,
  );
  return (result as unknown as { rows: { n: number }[] }).rows[0]?.n ?? -1;
}

describe('Idempotency-Key', () => {
  it('returns the first response to a replay without doing the work again', async () => {
    const first = await createFabrique('create-lille-1', 'lille-1');
    const again = await createFabrique('create-lille-1', 'lille-1');
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.json()).toEqual(first.json());
    expect(again.headers.location).toBe(first.headers.location);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(await countFabriques('lille-1')).toBe(1);
  });

  it('does the work once when the same key arrives 50 times at once', async () => {
    const responses = await Promise.all(
      Array.from({ length: 50 }, () => createFabrique('burst-key', 'lille-burst')),
    );
    expect(new Set(responses.map((response) => response.statusCode))).toEqual(new Set([201]));
    expect(new Set(responses.map((response) => response.json().id)).size).toBe(1);
    expect(await countFabriques('lille-burst')).toBe(1);
  });

  it('refuses the same key with another body (422)', async () => {
    await createFabrique('reused-key', 'lille-2');
    const other = await createFabrique('reused-key', 'lille-3');
    expect(other.statusCode).toBe(422);
    expect(other.headers['content-type']).toContain('application/problem+json');
    expect(await countFabriques('lille-3')).toBe(0);
  });

  it('replays an error answer too, and does nothing without a key', async () => {
    await createFabrique(undefined, 'lille-4');
    const duplicate = await createFabrique('dup-key', 'lille-4');
    expect(duplicate.statusCode).toBe(409);
    const replay = await createFabrique('dup-key', 'lille-4');
    expect(replay.statusCode).toBe(409);
    expect(replay.headers['idempotent-replayed']).toBe('true');
  });

  it('refuses a malformed key', async () => {
    const response = await createFabrique('bad key with spaces', 'lille-5');
    expect(response.statusCode).toBe(400);
  });
});
