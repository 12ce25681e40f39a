/**
 * Candidacy list, search and composition on a million candidacies in PostgreSQL:
 *   pnpm --filter @passerelle/api bench:candidacies --postgres postgres://postgres@127.0.0.1:5432/postgres [--rows 1000000]
 * Creates a scratch database, seeds it in SQL, then times the HTTP endpoints (app.inject) as a
 * coordinator of one fabrique would call them, and prints p50/p95 per scenario. Drops the database.
 */
import crypto from 'node:crypto';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { createDefaultRules } from '@passerelle/domain/eligibility/eligibility-policy';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { buildApp } from '../src/app.ts';
import { createConfig } from '../src/config/env.ts';
import { openDatabase } from '../src/db/client.ts';
import { hashPassword } from '../src/plugins/app/auth/password.ts';

const { values } = parseArgs({
  allowPositionals: true,
  options: {
    postgres: { type: 'string' },
    rows: { type: 'string', default: '1000000' },
    iterations: { type: 'string', default: '200' },
    keep: { type: 'boolean', default: false },
  },
});
if (!values.postgres) {
  process.stderr.write('usage: bench:candidacies --postgres <postgres url> [--rows N] [--iterations N]\n');
  process.exit(2);
}
const ROWS = Number(values.rows);
const ITERATIONS = Number(values.iterations);
const SESSIONS_PER_FABRIQUE = 50;

const serverUrl = values.postgres;
const name = `passerelle_bench_${crypto.randomBytes(4).toString('hex')}`;
const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
await admin.query(`create database ${name}`);
await admin.end();
const url = new URL(serverUrl);
url.pathname = `/${name}`;

const database = await openDatabase({ databaseUrl: url.toString() });
await database.migrate();
const db = database.db;
const log = (message: string) =>
  process.stdout.write(`${new Date().toISOString().slice(11, 19)} ${message}\n`);

try {
  const seedStartedAt = performance.now();
  const passwordHash = await hashPassword('benchmark-password');
  await db.execute(sql`
    insert into fabriques (id, name, slug, city, department_code)
    values (gen_random_uuid(), 'Roubaix', 'roubaix', 'Roubaix', '59'), (gen_random_uuid(), 'Montreuil', 'montreuil', 'Montreuil', '93')`);
  await db.execute(sql`
    insert into eligibility_policies (id, name) values (gen_random_uuid(), 'Bench policy')`);
  await db.execute(sql`
    insert into eligibility_policy_versions (policy_id, version, name, rules)
    select id, 1, name, ${JSON.stringify(createDefaultRules())}::jsonb from eligibility_policies`);
  await db.execute(sql`
    insert into programs (id, title, kind, duration_hours)
    values (gen_random_uuid(), 'Développeur·se web', 'qualifying_free', 700)`);
  await db.execute(sql`
    insert into sessions (id, fabrique_id, program_id, eligibility_policy_id, name, status, application_opens_on,
      application_closes_on, start_date, end_date, capacity, targets)
    select gen_random_uuid(), f.id, (select id from programs), (select id from eligibility_policies),
      'Promo ' || n, 'recruiting', current_date - 30, current_date + 30, current_date + 60, current_date + 240, 20,
      '[{"criterion":"woman","minShare":0.3},{"criterion":"qpv_resident","minShare":0.2}]'::jsonb
    from fabriques f cross join generate_series(1, ${SESSIONS_PER_FABRIQUE}) n`);
  await db.execute(sql`
    insert into users (id, email, display_name, role, password_hash)
    values (gen_random_uuid(), 'coordination@bench.test', 'Coordination', 'coordinator', ${passwordHash})`);
  await db.execute(sql`
    insert into user_fabriques (user_id, fabrique_id)
    select u.id, f.id from users u, fabriques f where f.slug = 'roubaix'`);

  log(`seeding ${ROWS.toLocaleString('en')} candidates and candidacies…`);
  await db.execute(sql`
    with names as (
      select array['Inès','Mohamed','Camille','Lucas','Aïcha','Yanis','Léa','Moussa','Sarah','Thomas','Fatoumata','Kévin','Nadia','Hugo','Amina','Bilal'] as firsts,
             array['Martin','Diallo','Dubois','Benali','Petit','Traoré','Moreau','Nguyen','Lefebvre','Haddad','Garcia','Roux','Koné','Fournier','Mercier','Lambert','Fontaine','Da Silva','Cissé','Robin','Mendy','Gauthier','Boucher','Lemaire','Ouali','Masson','Leroy','Chevalier'] as lasts
    )
    insert into candidates (id, first_name, last_name, email, phone, facts, consent, search_text)
    select gen_random_uuid(), first, last, lower(translate(first, 'ÏïÉéèêëÀàâÔôÛûùÇç', 'IiEeeeeAaaOoUuuCc')) || '.' || lower(replace(translate(last, 'é', 'e'), ' ', '')) || '.' || i || '@exemple.fr',
      '+336' || lpad((10000000 + i)::text, 8, '0'), '{}'::jsonb, '{"acceptedAt":"2026-11-01T00:00:00.000Z","privacyNoticeVersion":"2026-11"}'::jsonb,
      lower(translate(first || ' ' || last, 'ÏïÉéèêëÀàâÔôÛûùÇç', 'IiEeeeeAaaOoUuuCc')) || ' ' || lower(translate(first, 'ÏïÉéèêëÀàâÔôÛûùÇç', 'IiEeeeeAaaOoUuuCc')) || '.' || lower(replace(translate(last, 'é', 'e'), ' ', '')) || '.' || i || '@exemple.fr +336' || lpad((10000000 + i)::text, 8, '0')
    from names, generate_series(1, ${ROWS}) i,
      lateral (select firsts[1 + (i % array_length(firsts, 1))] as first, lasts[1 + ((i / 7) % array_length(lasts, 1))] as last) picked`);
  await db.execute(sql`
    with numbered_sessions as (select id, fabrique_id, row_number() over (order by id) - 1 as n from sessions),
         numbered_candidates as (select id, row_number() over (order by id) - 1 as n from candidates),
         stages as (select array['submitted','screening','info_session','assessment','interview','waitlisted','admitted','rejected','withdrawn','submitted','screening','rejected'] as list),
         criteria as (select array['{young,low_qualification}','{woman,qpv_resident}','{job_seeker}','{}','{young,woman,job_seeker}','{low_qualification,qpv_resident}','{senior}','{woman}'] as list)
    insert into candidacies (id, session_id, candidate_id, fabrique_id, stage, application_date, submitted_at, stage_changed_at,
      source, eligibility_status, criteria_met)
    select gen_random_uuid(), s.id, c.id, s.fabrique_id, stages.list[1 + ((c.n / ${SESSIONS_PER_FABRIQUE * 2}) % 12)],
      current_date - (c.n % 365)::int, now() - make_interval(secs => (c.n % 31536000)::double precision), now(),
      'website', case when c.n % 8 = 3 then 'ineligible' else 'eligible' end, criteria.list[1 + (c.n % 8)]::text[]
    from numbered_candidates c
    join numbered_sessions s on s.n = c.n % ${SESSIONS_PER_FABRIQUE * 2}
    cross join stages cross join criteria`);
  await db.execute(sql`analyze`);
  log(`seeded in ${((performance.now() - seedStartedAt) / 1000).toFixed(1)} s`);

  const app = await buildApp({
    config: createConfig({ WEB_DIST_DIR: '/nonexistent', AUTH_RATE_LIMIT_PER_MINUTE: '100000' }),
    database,
  });
  await app.ready();
  const login = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email: 'coordination@bench.test', password: 'benchmark-password' },
  });
  const headers = { authorization: `Bearer ${login.json().accessToken}` };
  const sessionRows = await db.execute<{ id: string }>(
    sql`select s.id from sessions s join fabriques f on f.id = s.fabrique_id where f.slug = 'roubaix' order by s.id limit 1`,
  );
  const sessionId = (sessionRows as unknown as { rows: { id: string }[] }).rows[0]?.id;

  const scenarios: { name: string; url: string }[] = [
    { name: 'list: newest first, whole fabrique', url: '/api/v1/candidacies?limit=50' },
    {
      name: 'list: one session, stage=interview',
      url: `/api/v1/candidacies?sessionId=${sessionId}&stage=interview&limit=50`,
    },
    {
      name: 'list: criterion=qpv_resident, eligible',
      url: '/api/v1/candidacies?criterion=qpv_resident&eligible=eligible&limit=50',
    },
    { name: 'search: common name "benali"', url: '/api/v1/candidacies?q=benali&limit=50' },
    { name: 'search: e-mail "camille.cisse.4242"', url: '/api/v1/candidacies?q=camille.cisse.4242&limit=50' },
    { name: 'search: phone "+3361234"', url: '/api/v1/candidacies?q=%2B3361234&limit=50' },
    { name: 'composition of one session', url: `/api/v1/sessions/${sessionId}/composition` },
  ];

  process.stdout.write(
    `\n${ROWS.toLocaleString('en')} candidacies, PostgreSQL, ${os.cpus().length} cores, ${ITERATIONS} requests each\n\n`,
  );
  process.stdout.write(
    `${'scenario'.padEnd(44)} ${'status'.padStart(6)} ${'rows'.padStart(5)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)}\n`,
  );
  for (const scenario of scenarios) {
    const times: number[] = [];
    let status = 0;
    let rows = 0;
    for (let index = 0; index < ITERATIONS; index++) {
      const startedAt = performance.now();
      const response = await app.inject({ method: 'GET', url: scenario.url, headers });
      times.push(performance.now() - startedAt);
      status = response.statusCode;
      const body = response.json() as { data?: unknown[] };
      rows = Array.isArray(body.data) ? body.data.length : 0;
    }
    times.sort((a, b) => a - b);
    const p50 = times[Math.floor(times.length * 0.5)] ?? Number.NaN;
    const p95 = times[Math.floor(times.length * 0.95)] ?? Number.NaN;
    process.stdout.write(
      `${scenario.name.padEnd(44)} ${String(status).padStart(6)} ${String(rows).padStart(5)} ${p50.toFixed(1).padStart(8)} ${p95.toFixed(1).padStart(8)}  (p95/50 ms target: ${(p95 / 50).toFixed(2)}x)\n`,
    );
  }
  await app.close();
} finally {
  await database.close();
  if (!values.keep) {
    const cleaner = new pg.Client({ connectionString: serverUrl });
    await cleaner.connect();
    await cleaner.query(`drop database if exists ${name} with (force)`);
    await cleaner.end();
  } else {
    log(`kept database ${name}`);
  }
}
