import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { candidacies, candidacyEvents } from '../../src/db/schema/index.ts';
import { createFabrique, createUser, signIn } from '../factories/index.ts';
import { createCandidacy, createSession } from '../factories/recruitment.ts';
import { buildTestApp, type TestApp } from '../helper.ts';

let t: TestApp;
let coordinator: Awaited<ReturnType<typeof signIn>>;
let fabriqueId: string;

beforeAll(async () => {
  t = await buildTestApp();
  fabriqueId = (await createFabrique(t.database.db)).id;
  const user = await createUser(t.database.db, { role: 'coordinator', fabriqueIds: [fabriqueId] });
  coordinator = await signIn(t.app, user.email);
});
afterAll(async () => t.close());

describe('admitting under concurrency', () => {
  it('admits exactly the capacity when 200 admissions arrive at once', { timeout: 120_000 }, async () => {
    const db = t.database.db;
    const session = await createSession(db, fabriqueId, { capacity: 20 });
    const ids: string[] = [];
    for (let index = 0; index < 200; index++) {
      ids.push((await createCandidacy(db, session, { stage: 'interview' })).id);
    }

    const responses = await Promise.all(
      ids.map((id) =>
        t.app.inject({
          method: 'POST',
          url: `/api/v1/candidacies/${id}/transitions`,
          headers: coordinator.headers,
          payload: { to: 'admitted', version: 1 },
        }),
      ),
    );

    const statuses = responses.map((response) => response.statusCode);
    expect(statuses.filter((status) => status === 200)).toHaveLength(20);
    expect(statuses.filter((status) => status === 409)).toHaveLength(180);
    for (const response of responses.filter((candidate) => candidate.statusCode === 409)) {
      expect(response.json().detail).toBe('the session is full: no place left to admit');
    }
    const [count] = await db
      .select({ admitted: sql<number>`count(*)::int` })
      .from(candidacies)
      .where(and(eq(candidacies.sessionId, session.id), eq(candidacies.stage, 'admitted')));
    expect(count?.admitted).toBe(20);
    const [events] = await db
      .select({ moves: sql<number>`count(*)::int` })
      .from(candidacyEvents)
      .innerJoin(candidacies, eq(candidacies.id, candidacyEvents.candidacyId))
      .where(and(eq(candidacies.sessionId, session.id), eq(candidacyEvents.toStage, 'admitted')));
    expect(events?.moves).toBe(20);
  });

  it('refuses admissions in bulk once the session is full, per id', async () => {
    const db = t.database.db;
    const session = await createSession(db, fabriqueId, { capacity: 2 });
    const ids: string[] = [];
    for (let index = 0; index < 4; index++) {
      ids.push((await createCandidacy(db, session, { stage: 'waitlisted' })).id);
    }
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/candidacies/bulk-transitions',
      headers: coordinator.headers,
      payload: { ids, to: 'admitted' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().results.map((result: { status: string }) => result.status)).toEqual([
      'moved',
      'moved',
      'refused',
      'refused',
    ]);
    expect(response.json().results[2].problem).toEqual({
      code: 'conflict',
      detail: 'the session is full: no place left to admit',
    });
  });
});
