import crypto from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { buildApp } from '../src/app.ts';
import { type Config, createConfig } from '../src/config/env.ts';
import { type DatabaseHandle, openDatabase } from '../src/db/client.ts';

/**
 * Each test file gets its own database: a fresh in-memory PGlite, or, when TEST_DATABASE_URL
 * points at a PostgreSQL server, a fresh database created there and dropped at the end.
 */
export async function createTestDatabase(): Promise<{
  database: DatabaseHandle;
  drop: () => Promise<void>;
  /** PostgreSQL only: the database's URL, for a second connection pool (another instance). */
  url?: string;
}> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const database = await openDatabase({});
    await database.migrate();
    return { database, drop: () => database.close() };
  }
  const name = `passerelle_test_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString() });
  await database.migrate();
  return {
    database,
    url: url.toString(),
    drop: async () => {
      await database.close();
      const cleaner = new pg.Client({ connectionString: serverUrl });
      await cleaner.connect();
      await cleaner.query(`drop database if exists ${name} with (force)`);
      await cleaner.end();
    },
  };
}

export interface TestApp {
  app: FastifyInstance;
  database: DatabaseHandle;
  close: () => Promise<void>;
}

export async function buildTestApp(overrides: Partial<Record<keyof Config, string>> = {}): Promise<TestApp> {
  const { database, drop } = await createTestDatabase();
  const config = createConfig({ WEB_DIST_DIR: '/nonexistent', ...overrides });
  const app = await buildApp({ config, database });
  await app.ready();
  return {
    app,
    database,
    close: async () => {
      await app.close();
      await drop();
    },
  };
}

export function json<T = Record<string, unknown>>(response: LightMyRequestResponse): T {
  return response.json() as T;
}

/** The Set-Cookie value of the refresh cookie, ready for a Cookie header. */
export function refreshCookieOf(response: LightMyRequestResponse): string | undefined {
  const cookie = response.cookies.find((candidate) => candidate.name === 'passerelle_refresh');
  return cookie?.value ? `passerelle_refresh=${cookie.value}` : undefined;
}
