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

function expectProblem(response: Awaited<ReturnType<TestApp['app']['inject']>>, status: number) {
  expect(response.statusCode).toBe(status);
  expect(response.headers['content-type']).toContain('application/problem+json');
  const body = response.json();
  expect(body).toMatchObject({
    status,
    type: expect.stringMatching(/^urn:passerelle:problem:/),
    title: expect.any(String),
  });
  return body;
}

describe('problem+json for everything', () => {
  it('answers 404 for unknown routes, with or without a token', async () => {
    expectProblem(await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here' }), 404);
    expectProblem(
      await t.app.inject({ method: 'DELETE', url: '/api/v1/users', headers: admin.headers }),
      404,
    );
    expectProblem(await t.app.inject({ method: 'GET', url: '/nothing' }), 404);
  });

  it('answers 400 for malformed JSON and 415 for another media type', async () => {
    expectProblem(
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'content-type': 'application/json' },
        payload: '{"email": ',
      }),
      400,
    );
    expectProblem(
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'content-type': 'text/plain' },
        payload: 'email=a',
      }),
      415,
    );
  });

  it('answers 413 past the body limit', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ email: 'a@b.c', password: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expectProblem(response, 413);
  });

  it('never leaks internals in a 5xx', async () => {
    const broken = await buildTestApp();
    try {
      const session = await signIn(
        broken.app,
        (await createUser(broken.database.db, { role: 'admin' })).email,
      );
      await broken.database.db.execute('drop table audit_log' as never);
      const response = await broken.app.inject({
        method: 'POST',
        url: '/api/v1/fabriques',
        headers: session.headers,
        payload: { name: 'Lille', slug: 'lille', city: 'Lille', departmentCode: '59' },
      });
      const body = expectProblem(response, 500);
      expect(JSON.stringify(body)).not.toMatch(/audit_log|relation|stack|insert|sql/i);
      expect(body.detail).toBeUndefined();
    } finally {
      await broken.close();
    }
  });
});
