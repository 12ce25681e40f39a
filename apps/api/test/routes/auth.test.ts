import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFabrique, createUser, signIn, TEST_PASSWORD } from '../factories/index.ts';
import { buildTestApp, refreshCookieOf, type TestApp } from '../helper.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => t.close());

const login = (email: string, password: string, ip = '10.0.0.1') =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password },
    remoteAddress: ip,
  });

describe('POST /auth/login', () => {
  it('signs in with the right password, case-insensitively, and sets a hardened refresh cookie', async () => {
    const fabrique = await createFabrique(t.database.db, { name: 'Roubaix' });
    const user = await createUser(t.database.db, { role: 'coordinator', fabriqueIds: [fabrique.id] });
    const response = await login(user.email.toUpperCase(), TEST_PASSWORD);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.expiresIn).toBe(900);
    expect(body.user).toMatchObject({
      id: user.id,
      role: 'coordinator',
      fabriques: [{ id: fabrique.id, name: 'Roubaix' }],
    });
    const cookie = response.cookies.find((c) => c.name === 'passerelle_refresh');
    expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Strict', path: '/api/v1/auth' });
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('answers a wrong password and an unknown e-mail identically', async () => {
    const user = await createUser(t.database.db, { role: 'admin' });
    const wrong = await login(user.email, 'not the password at all');
    const unknown = await login('nobody@example.test', 'not the password at all');
    for (const response of [wrong, unknown]) {
      expect(response.statusCode).toBe(401);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
    const { requestId: _a, ...wrongBody } = wrong.json();
    const { requestId: _b, ...unknownBody } = unknown.json();
    expect(wrongBody).toEqual(unknownBody);
    expect(wrongBody).toMatchObject({ status: 401, code: 'invalid_credentials' });
  });

  it('locks the account after five failures, even for the right password, without saying so', async () => {
    const user = await createUser(t.database.db, { role: 'viewer' });
    for (let attempt = 0; attempt < 5; attempt++) {
      expect((await login(user.email, 'wrong password!', '10.0.1.1')).statusCode).toBe(401);
    }
    const locked = await login(user.email, TEST_PASSWORD, '10.0.1.2');
    expect(locked.statusCode).toBe(401);
    expect(locked.json().code).toBe('invalid_credentials');
  });

  it('refuses a deactivated account', async () => {
    const user = await createUser(t.database.db, { role: 'viewer', isActive: false });
    expect((await login(user.email, TEST_PASSWORD)).statusCode).toBe(401);
  });

  it('lists every missing field', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: {} });
    expect(response.statusCode).toBe(400);
    const paths = response.json().errors.map((error: { path: string }) => error.path);
    expect(paths).toEqual(expect.arrayContaining(['body.email', 'body.password']));
  });
});

describe('rate limit', () => {
  it('answers 429 with Retry-After past the per-IP limit', async () => {
    const limited = await buildTestApp({ AUTH_RATE_LIMIT_PER_MINUTE: '3' });
    try {
      const statuses: number[] = [];
      let last: Awaited<ReturnType<typeof limited.app.inject>> | undefined;
      for (let attempt = 0; attempt < 4; attempt++) {
        last = await limited.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { email: 'x@example.test', password: 'whatever' },
          remoteAddress: '10.9.9.9',
        });
        statuses.push(last.statusCode);
      }
      expect(statuses).toEqual([401, 401, 401, 429]);
      expect(last?.headers['retry-after']).toBeDefined();
      expect(last?.json()).toMatchObject({ status: 429, code: 'rate_limited' });
    } finally {
      await limited.close();
    }
  });
});

describe('refresh and logout', () => {
  it('rotates the refresh token, and a reused token ends the whole family', async () => {
    const user = await createUser(t.database.db, { role: 'admin' });
    const session = await signIn(t.app, user.email);
    const first = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      headers: { cookie: session.cookie },
    });
    expect(first.statusCode).toBe(200);
    const rotated = refreshCookieOf(first);
    expect(rotated).toBeDefined();
    expect(rotated).not.toBe(session.cookie);

    // Past the grace window, presenting the first token again is a theft signal.
    await t.database.db.execute(
      `update refresh_tokens set rotated_at = now() - interval '1 hour' where rotated_at is not null` as never,
    );
    const reused = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      headers: { cookie: session.cookie },
    });
    expect(reused.statusCode).toBe(401);
    const afterTheft = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      headers: { cookie: rotated },
    });
    expect(afterTheft.statusCode).toBe(401);
  });

  it('lets two tabs refresh with the same cookie at once', async () => {
    const user = await createUser(t.database.db, { role: 'admin' });
    const session = await signIn(t.app, user.email);
    const [a, b] = await Promise.all([
      t.app.inject({ method: 'POST', url: '/api/v1/auth/refresh', headers: { cookie: session.cookie } }),
      t.app.inject({ method: 'POST', url: '/api/v1/auth/refresh', headers: { cookie: session.cookie } }),
    ]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
  });

  it('refuses a refresh without a cookie', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/auth/refresh' });
    expect(response.statusCode).toBe(401);
    expect(response.json().code).toBe('invalid_token');
  });

  it('logs out: the refresh token stops working', async () => {
    const user = await createUser(t.database.db, { role: 'admin' });
    const session = await signIn(t.app, user.email);
    const logout = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie: session.cookie },
    });
    expect(logout.statusCode).toBe(204);
    const refresh = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      headers: { cookie: session.cookie },
    });
    expect(refresh.statusCode).toBe(401);
  });
});

describe('GET /me and access tokens', () => {
  it('returns the caller', async () => {
    const fabrique = await createFabrique(t.database.db);
    const user = await createUser(t.database.db, { role: 'trainer', fabriqueIds: [fabrique.id] });
    const session = await signIn(t.app, user.email);
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: session.headers });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      kind: 'user',
      id: user.id,
      role: 'trainer',
      fabriques: [{ id: fabrique.id }],
    });
  });

  it('answers 401 problem+json without a token, with a tampered one and with an expired one', async () => {
    const user = await createUser(t.database.db, { role: 'admin' });
    const session = await signIn(t.app, user.email);
    const [header, payload, signature] = session.accessToken.split('.');
    const tampered = `${header}.${Buffer.from(JSON.stringify({ sub: user.id, kind: 'user', role: 'admin' })).toString('base64url')}.${signature}`;
    const expired = t.app.jwt.sign({ sub: user.id, kind: 'user' }, { expiresIn: -10 });
    const cases = [
      undefined,
      `Bearer ${tampered}`,
      `Bearer ${expired}`,
      'Bearer not-a-jwt',
      `Basic ${payload}`,
    ];
    for (const authorization of cases) {
      const response = await t.app.inject({
        method: 'GET',
        url: '/api/v1/me',
        headers: authorization ? { authorization } : {},
      });
      expect(response.statusCode, authorization).toBe(401);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.headers['www-authenticate']).toContain('Bearer');
    }
  });

  it('stops honouring a token once its account is deactivated', async () => {
    const user = await createUser(t.database.db, { role: 'viewer' });
    const session = await signIn(t.app, user.email);
    await t.database.db.execute(`update users set is_active = false where id = '${user.id}'` as never);
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: session.headers });
    expect(response.statusCode).toBe(401);
  });
});
