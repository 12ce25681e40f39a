import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { createConfig } from '../../src/config/env.ts';
import { createUser, signIn } from '../factories/index.ts';
import { createTestDatabase } from '../helper.ts';

const redisUrl = process.env.TEST_REDIS_URL;

// Needs a Redis server: CI sets TEST_REDIS_URL for its PostgreSQL pass.
describe.runIf(redisUrl)('two API instances on one database and one Redis', () => {
  it('share sign-in rate-limit counters, sessions and signing key', async () => {
    const { database, drop } = await createTestDatabase();
    const overrides = {
      WEB_DIST_DIR: '/nonexistent',
      REDIS_URL: redisUrl,
      AUTH_RATE_LIMIT_PER_MINUTE: '4',
      JWT_SECRET: crypto.randomBytes(32).toString('hex'),
    };
    const [first, second] = [
      await buildApp({ config: createConfig(overrides), database }),
      await buildApp({ config: createConfig(overrides), database }),
    ];
    try {
      const user = await createUser(database.db, { role: 'admin' });
      const ip = `10.${crypto.randomInt(255)}.${crypto.randomInt(255)}.${crypto.randomInt(255)}`;
      const session = await signIn(first, user.email);
      const me = await second.inject({ method: 'GET', url: '/api/v1/me', headers: session.headers });
      expect(me.statusCode).toBe(200);
      const refreshed = await second.inject({
        method: 'POST',
        url: '/api/v1/auth/refresh',
        headers: { cookie: session.cookie },
      });
      expect(refreshed.statusCode).toBe(200);

      const statuses: number[] = [];
      for (const app of [first, second, first, second, first]) {
        const response = await app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { email: 'nobody@example.test', password: 'wrong password' },
          remoteAddress: ip,
        });
        statuses.push(response.statusCode);
      }
      expect(statuses).toEqual([401, 401, 401, 401, 429]);
    } finally {
      await first.close();
      await second.close();
      await drop();
    }
  });
});
