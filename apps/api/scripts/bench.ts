/**
 * Figures for the foundation's hot paths, on both engines:
 *   pnpm --filter @passerelle/api bench [--postgres postgres://postgres@127.0.0.1:5432/postgres]
 * Prints start-up time, sign-in cost (argon2id) and authenticated-read latency, with ratios.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { buildApp } from '../src/app.ts';
import { createConfig } from '../src/config/env.ts';
import { openDatabase } from '../src/db/client.ts';
import { seedDemoData } from '../src/seed/demo.ts';

const { values } = parseArgs({
  allowPositionals: true,
  options: { postgres: { type: 'string' }, reads: { type: 'string', default: '2000' } },
});
const READS = Number(values.reads);
const LOGINS = 20;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

async function measure(engine: 'pglite' | 'postgres') {
  let dropDatabase = async () => {};
  let databaseUrl: string | undefined;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'passerelle-bench-'));
  if (engine === 'postgres') {
    const server = values.postgres as string;
    const name = `passerelle_bench_${crypto.randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(server);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    dropDatabase = async () => {
      const cleaner = new pg.Client({ connectionString: server });
      await cleaner.connect();
      await cleaner.query(`drop database if exists ${name} with (force)`);
      await cleaner.end();
    };
  }

  const startedAt = performance.now();
  const database = await openDatabase({ databaseUrl, dataDir });
  await database.migrate();
  const app = await buildApp({
    config: createConfig({ WEB_DIST_DIR: '/nonexistent', AUTH_RATE_LIMIT_PER_MINUTE: '100000' }),
    database,
  });
  await app.ready();
  const startupMs = performance.now() - startedAt;
  await seedDemoData(database.db, 'passerelle-demo');

  const loginTimes: number[] = [];
  let token = '';
  for (let index = 0; index < LOGINS; index++) {
    const t0 = performance.now();
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'coordination.roubaix@demo.test', password: 'passerelle-demo' },
    });
    loginTimes.push(performance.now() - t0);
    token = response.json().accessToken;
  }

  const readTimes: number[] = [];
  const readsStartedAt = performance.now();
  for (let index = 0; index < READS; index++) {
    const t0 = performance.now();
    const response = await app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${token}` },
    });
    if (response.statusCode !== 200) throw new Error(`GET /me answered ${response.statusCode}`);
    readTimes.push(performance.now() - t0);
  }
  const readsSeconds = (performance.now() - readsStartedAt) / 1000;

  await app.close();
  await database.close();
  await dropDatabase();
  fs.rmSync(dataDir, { recursive: true, force: true });

  loginTimes.sort((a, b) => a - b);
  readTimes.sort((a, b) => a - b);
  return {
    engine,
    startupMs,
    loginP50: percentile(loginTimes, 50),
    loginP95: percentile(loginTimes, 95),
    meP50: percentile(readTimes, 50),
    meP95: percentile(readTimes, 95),
    mePerSecond: READS / readsSeconds,
  };
}

const results = [await measure('pglite')];
if (values.postgres) results.push(await measure('postgres'));

const format = (value: number) => value.toFixed(value >= 100 ? 0 : 2);
process.stdout.write(
  `\nPasserelle API benchmark (${os.cpus().length} cores, Node ${process.version}, ${READS} reads, ${LOGINS} sign-ins)\n\n`,
);
process.stdout.write(
  'engine    start-up ms  sign-in p50 ms  sign-in p95 ms  GET /me p50 ms  GET /me p95 ms  GET /me per s\n',
);
for (const r of results) {
  process.stdout.write(
    `${r.engine.padEnd(9)} ${format(r.startupMs).padStart(11)}  ${format(r.loginP50).padStart(14)}  ${format(r.loginP95).padStart(14)}  ${format(r.meP50).padStart(14)}  ${format(r.meP95).padStart(14)}  ${format(r.mePerSecond).padStart(13)}\n`,
  );
}
const [embedded, server] = results;
if (embedded && server) {
  process.stdout.write(
    `\nratios pglite/postgres: start-up ${format(embedded.startupMs / server.startupMs)}x, ` +
      `sign-in p50 ${format(embedded.loginP50 / server.loginP50)}x, GET /me p50 ${format(embedded.meP50 / server.meP50)}x\n`,
  );
}
if (embedded) {
  process.stdout.write(
    `sign-in p50 / GET /me p50 (argon2id share): ${format(embedded.loginP50 / embedded.meP50)}x\n`,
  );
}
