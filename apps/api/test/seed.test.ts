import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CANDIDACY_STAGES } from '@passerelle/domain/candidacy/candidacy.schema';
import { CandidateFactsSchema } from '@passerelle/domain/candidate/candidate.schema';
import { and, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { createConfig } from '../src/config/env.ts';
import { candidacies, candidates, fabriques, followUps, sessions } from '../src/db/schema/index.ts';
import { DEMO_USERS, seedDemoData } from '../src/seed/demo.ts';
import { createUser, signIn } from './factories/index.ts';
import { buildTestApp } from './helper.ts';

const DEMO_PASSWORD = 'passerelle-demo';

describe('demo data', () => {
  it('lets every demo account sign in with the demo password, coordinators in their fabrique', {
    timeout: 120_000,
  }, async () => {
    const t = await buildTestApp();
    try {
      await seedDemoData(t.database.db, DEMO_PASSWORD);
      for (const demoUser of DEMO_USERS) {
        const session = await signIn(t.app, demoUser.email, DEMO_PASSWORD);
        const me = (
          await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: session.headers })
        ).json();
        expect(me.role).toBe(demoUser.role);
        expect(me.fabriques.map((f: { name: string }) => f.name.toLowerCase())).toEqual(
          demoUser.fabrique ? [demoUser.fabrique] : [],
        );
      }
    } finally {
      await t.close();
    }
  });
});

describe('demo recruitment data', () => {
  // Seeding ~480 candidacies on the embedded engine takes a while on a busy 2-core machine.
  it('gives each demo fabrique sessions and a few hundred valid candidacies at every stage', {
    timeout: 120_000,
  }, async () => {
    const t = await buildTestApp();
    try {
      await seedDemoData(t.database.db, DEMO_PASSWORD);
      const perStage = await t.database.db
        .select({ stage: candidacies.stage, count: sql<number>`count(*)::int` })
        .from(candidacies)
        .groupBy(candidacies.stage);
      expect(perStage.map((row) => row.stage).sort()).toEqual([...CANDIDACY_STAGES].sort());
      const perFabrique = await t.database.db
        .select({ fabriqueId: candidacies.fabriqueId, count: sql<number>`count(*)::int` })
        .from(candidacies)
        .groupBy(candidacies.fabriqueId);
      expect(perFabrique).toHaveLength(2);
      for (const row of perFabrique) expect(row.count).toBeGreaterThanOrEqual(200);
      const people = await t.database.db.select({ facts: candidates.facts }).from(candidates);
      for (const person of people) CandidateFactsSchema.parse(person.facts);
      const statuses = await t.database.db
        .selectDistinct({ status: candidacies.eligibilityStatus })
        .from(candidacies);
      expect(statuses.map((row) => row.status)).toEqual(expect.arrayContaining(['eligible', 'ineligible']));

      // The first Roubaix cohort tells the source document's story in the outcomes report.
      const [roubaixCohort] = await t.database.db
        .select({ id: sessions.id })
        .from(sessions)
        .innerJoin(fabriques, eq(fabriques.id, sessions.fabriqueId))
        .where(and(eq(fabriques.slug, 'roubaix'), eq(sessions.status, 'completed')));
      const coordinator = await signIn(t.app, 'coordination.roubaix@demo.test', DEMO_PASSWORD);
      const outcomes = (
        await t.app.inject({
          method: 'GET',
          url: `/api/v1/reports/outcomes?sessionId=${roubaixCohort?.id}`,
          headers: coordinator.headers,
        })
      ).json();
      expect(outcomes.learners).toBe(27);
      const [exit, , sixMonths, year] = outcomes.milestones;
      expect(exit).toMatchObject({
        denominator: 27,
        positive: 23,
        notRecorded: 1,
        counts: { durable_employment: 9, transition: 13, positive_other: 1, not_positive: 2, unknown: 2 },
      });
      expect(exit.situations).toEqual(
        expect.arrayContaining([
          { situation: 'internship', count: 13 },
          { situation: 'incubation', count: 6 },
          { situation: 'freelance', count: 2 },
          { situation: 'cdi', count: 1 },
        ]),
      );
      expect(sixMonths).toMatchObject({ denominator: 27, positive: 20, notRecorded: 4 });
      expect(year).toMatchObject({ denominator: 0, notYetDue: 27 });
      // One follow-up per learner (enrolled or beyond) and milestone, some of them due and not recorded.
      const rows = await t.database.db
        .select({ count: sql<number>`count(*)::int` })
        .from(followUps)
        .innerJoin(candidacies, eq(candidacies.id, followUps.candidacyId))
        .where(inArray(candidacies.stage, ['enrolled', 'completed', 'dropped_out']));
      const learners = await t.database.db
        .select({ count: sql<number>`count(*)::int` })
        .from(candidacies)
        .where(inArray(candidacies.stage, ['enrolled', 'completed', 'dropped_out']));
      expect(Number(rows[0]?.count)).toBe(Number(learners[0]?.count) * 4);
      const overdue = await t.database.db
        .select({ count: sql<number>`count(*)::int` })
        .from(followUps)
        .where(
          and(isNull(followUps.recordedAt), lte(followUps.dueOn, new Date().toISOString().slice(0, 10))),
        );
      expect(Number(overdue[0]?.count)).toBeGreaterThan(0);
    } finally {
      await t.close();
    }
  });
});

describe('embedded database in a folder', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'passerelle-data-'));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('keeps its data and signing key across a restart', { timeout: 120_000 }, async () => {
    const config = createConfig({ DATA_DIR: dataDir, WEB_DIST_DIR: '/nonexistent' });
    const first = await buildApp({ config });
    await first.ready();
    const admin = await createUser(first.db, { role: 'admin' });
    const session = await signIn(first, admin.email);
    await first.close();

    const second = await buildApp({ config });
    try {
      await second.ready();
      expect(await second.services.users.countUsers()).toBe(1);
      const me = await second.inject({ method: 'GET', url: '/api/v1/me', headers: session.headers });
      expect(me.statusCode).toBe(200);
      const refreshed = await second.inject({
        method: 'POST',
        url: '/api/v1/auth/refresh',
        headers: { cookie: session.cookie },
      });
      expect(refreshed.statusCode).toBe(200);
    } finally {
      await second.close();
    }
  });
});
