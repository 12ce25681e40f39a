import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFabrique, createUser, signIn } from '../factories/index.ts';
import { buildTestApp, type TestApp } from '../helper.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => t.close());

describe('GET /audit-log', () => {
  it('records sign-in failures and successes with the IP, newest first', async () => {
    const admin = await createUser(t.database.db, { role: 'admin' });
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: admin.email, password: 'wrong password' },
      remoteAddress: '192.0.2.7',
    });
    const session = await signIn(t.app, admin.email);
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/v1/audit-log?entityId=${admin.id}`,
      headers: session.headers,
    });
    expect(response.statusCode).toBe(200);
    const actions = response
      .json()
      .data.map((entry: { action: string; ip: string }) => [entry.action, entry.ip]);
    expect(actions).toEqual([
      ['auth.login', '127.0.0.1'],
      ['auth.login_failed', '192.0.2.7'],
    ]);
  });

  it('is for admins only', async () => {
    const fabrique = await createFabrique(t.database.db);
    const coordinator = await createUser(t.database.db, { role: 'coordinator', fabriqueIds: [fabrique.id] });
    const session = await signIn(t.app, coordinator.email);
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v1/audit-log',
      headers: session.headers,
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('forbidden');
  });
});
