import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningApi, startApi } from './support/api-server';
import { findAccessibilityViolations, launchChromium } from './support/browser';
import { ensureWebBuild } from './support/web-build';

const DEMO_PASSWORD = process.env.DEMO_PASSWORD ?? 'passerelle-demo';
const COORDINATOR = 'coordination.roubaix@demo.test';
// Screenshots for the outcome screens' review (1280 × 800 back office).
const SHOTS_DIR = process.env.OUTCOMES_SHOTS_DIR ?? path.join(os.tmpdir(), 'passerelle-outcomes-shots');

let api: RunningApi | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  browser = await launchChromium();
  await ensureWebBuild();
  api = await startApi();
});

afterAll(async () => {
  await browser?.close();
  await api?.stop();
});

function day(offset: number): string {
  return new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
}

async function call<T>(token: string, method: string, url: string, body?: unknown): Promise<T> {
  const response = await fetch(`${api?.baseUrl}/api/v1${url}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/**
 * A learner of a session that ended 200 days ago, enrolled through the API: enrolment schedules
 * their follow-ups, so the +6 months one is due now.
 */
async function enrolLearnerOfPastSession(): Promise<{ name: string; sessionId: string }> {
  const login = await fetch(`${api?.baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: COORDINATOR, password: DEMO_PASSWORD }),
  });
  const { accessToken: token } = (await login.json()) as { accessToken: string };
  const sessions = await call<{
    data: Array<{ name: string; fabriqueId: string; programId: string; eligibilityPolicyId: string }>;
  }>(token, 'GET', '/sessions?limit=200');
  const model = sessions.data.find((session) => session.name.startsWith('Promo printemps'));
  if (!model) throw new Error('no demo session to copy');
  const session = await call<{ id: string }>(token, 'POST', '/sessions', {
    fabriqueId: model.fabriqueId,
    programId: model.programId,
    eligibilityPolicyId: model.eligibilityPolicyId,
    name: 'Promo passée (suivis e2e)',
    applicationOpensOn: day(-420),
    applicationClosesOn: day(-400),
    startDate: day(-380),
    endDate: day(-200),
    capacity: 12,
  });
  const intake = await call<{ candidacyId: string }>(token, 'POST', '/candidacies', {
    sessionId: session.id,
    firstName: 'Yasmine',
    lastName: 'Belkacem',
    email: `yasmine.belkacem.${Date.now()}@example.test`,
    birthDate: '2001-04-12',
    gender: 'female',
    address: { street: '3 rue de l’Epeule', postalCode: '59100', inseeCode: '59512' },
    diploma: { highestLevel: '4' },
    employmentSituation: 'job_seeker',
    jobSeeker: { registered: true, category: 'A' },
    rsaBeneficiary: false,
    source: { kind: 'mission_locale' },
    consent: { privacyNoticeVersion: '2026-11', futureContact: true },
  });
  await call(token, 'POST', `/candidacies/${intake.candidacyId}/transitions`, { to: 'admitted', version: 1 });
  await call(token, 'POST', `/candidacies/${intake.candidacyId}/transitions`, { to: 'enrolled', version: 2 });
  // She finished the training: a leaver, so she counts in the positive-exit rate.
  await call(token, 'POST', `/candidacies/${intake.candidacyId}/transitions`, {
    to: 'completed',
    version: 3,
  });
  return { name: 'Yasmine Belkacem', sessionId: session.id };
}

/** The cells of the "À 6 mois" row in the outcomes-by-category table of the reports page. */
async function sixMonthOutcomes(page: Page): Promise<string[]> {
  const table = page.locator('table', {
    has: page.locator('caption', { hasText: 'Sorties par catégorie à chaque échéance' }),
  });
  const row = table
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: 'À 6 mois', exact: true }) })
    .first();
  await row.waitFor();
  return row.locator('td').allTextContents();
}

async function expectNoSeriousViolations(page: Page) {
  const violations = await findAccessibilityViolations(page);
  expect(violations.filter((violation) => /\((serious|critical)\)/.test(violation))).toEqual([]);
}

async function shot(page: Page, name: string) {
  fs.mkdirSync(SHOTS_DIR, { recursive: true });
  // Let dialogs finish their opening transition.
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(SHOTS_DIR, `${name}.png`), fullPage: true });
}

describe('Outcomes: partners, offers, placements and follow-ups', () => {
  it('records an offer, proposes two learners, accepts one and records their +6 months follow-up', async () => {
    if (!browser || !api) throw new Error('not started');
    const learner = await enrolLearnerOfPastSession();
    const context = await browser.newContext({
      baseURL: api.baseUrl,
      viewport: { width: 1280, height: 800 },
      locale: 'fr-FR',
    });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (error) => console.error('page error:', error.stack));
    try {
      await page.goto('/connexion');
      await page.getByLabel('Adresse e-mail').fill(COORDINATOR);
      await page.getByLabel(/^Mot de passe/).fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Se connecter' }).click();
      const nav = page.getByRole('navigation', { name: 'Navigation principale' });

      // A new partner company, with a contact.
      await nav.getByRole('link', { name: 'Partenaires' }).click();
      await page.getByRole('heading', { name: 'Partenaires', level: 1 }).waitFor();
      await page.getByRole('button', { name: 'Nouveau partenaire' }).click();
      const partnerDialog = page.getByRole('dialog', { name: 'Nouveau partenaire' });
      await partnerDialog.getByRole('textbox', { name: /^Nom/ }).first().fill('Octo Lille');
      await partnerDialog.getByRole('button', { name: 'Ajouter un contact' }).click();
      await partnerDialog.getByLabel('Nom du contact').fill('Claire Dubois');
      await partnerDialog.getByLabel('E-mail').fill('claire.dubois@octo.test');
      await partnerDialog.getByRole('button', { name: 'Enregistrer' }).click();
      await page.getByRole('heading', { name: 'Octo Lille', level: 1 }).waitFor();
      await page.getByText('claire.dubois@octo.test').waitFor();

      // An internship offer that started two months ago.
      await page.getByRole('button', { name: 'Nouvelle offre' }).click();
      const offerDialog = page.getByRole('dialog', { name: 'Nouvelle offre' });
      await offerDialog.getByLabel(/^Intitulé/).fill('Stage développeur·se web');
      await offerDialog.getByLabel(/^Début/).fill(day(-60));
      await offerDialog.getByLabel(/^Fin/).fill(day(120));
      await offerDialog.getByLabel(/^Compétences/).fill('React, TypeScript');
      await offerDialog.getByRole('button', { name: 'Enregistrer l’offre' }).click();
      const offer = page.getByRole('article', { name: 'Stage développeur·se web' });
      await offer.waitFor();

      // Two learners proposed: the one of the past session, and a demo learner.
      const picker = offer.getByLabel('Proposer un·e apprenant·e');
      await picker.selectOption({ label: `${learner.name} — Promo passée (suivis e2e)` });
      await offer.getByRole('button', { name: 'Proposer', exact: true }).click();
      await offer.getByRole('link', { name: learner.name }).waitFor();
      const other = (await picker.locator('option').nth(1).textContent()) ?? '';
      await picker.selectOption({ index: 1 });
      await offer.getByRole('button', { name: 'Proposer', exact: true }).click();
      const otherName = other.split(' — ')[0] ?? '';
      await offer.getByRole('link', { name: otherName }).waitFor();

      // One goes to an interview and is accepted: the placement is created.
      await offer.getByLabel(`Résultat pour ${learner.name}`).selectOption('interviewing');
      await expect
        .poll(() =>
          offer.getByLabel(`Résultat pour ${learner.name}`).locator('option[value="interviewing"]').count(),
        )
        .toBe(0);
      await offer.getByLabel(`Résultat pour ${learner.name}`).selectOption('accepted');
      const accept = page.getByRole('dialog', { name: `Retenir ${learner.name}` });
      await accept.getByLabel('Promesse d’embauche écrite').check();
      await accept.getByRole('button', { name: 'Retenir et créer la sortie' }).click();
      await accept.waitFor({ state: 'detached' });
      await offer.getByText('Sortie créée').waitFor();
      await page
        .getByRole('region', { name: 'Sorties chez ce partenaire' })
        .getByRole('link', { name: learner.name })
        .waitFor();
      await shot(page, 'partner-detail');
      await expectNoSeriousViolations(page);

      // The placement is on the learner's record.
      await offer.getByRole('link', { name: learner.name }).click();
      const card = page.getByRole('region', { name: 'Parcours après la formation' });
      await card.getByText('Stage · 6 mois · avec promesse d’embauche').waitFor();
      await card.getByText(/Octo Lille/).waitFor();
      await shot(page, 'learner-placements');
      await expectNoSeriousViolations(page);

      // Before the follow-up, her session's report counts her +6 months situation as unknown.
      await page.goto(`/rapports?sessionId=${learner.sessionId}`);
      await page.getByRole('heading', { name: 'Rapports', level: 1 }).waitFor();
      const before = await sixMonthOutcomes(page);
      expect(before[0]).toBe('1');
      expect(before.at(-2)).toMatch(/^0\s?%$/);

      // The +6 months follow-up is in the to-do: record it with the placement held then.
      await nav.getByRole('link', { name: 'Suivis' }).click();
      await page.getByRole('heading', { name: 'Suivis', level: 1 }).waitFor();
      await page.getByLabel('Échéance').selectOption('month_6');
      const recordButton = page.getByRole('button', {
        name: `Enregistrer le suivi +6 mois de ${learner.name}`,
      });
      await recordButton.waitFor();
      await shot(page, 'follow-ups-todo');
      await expectNoSeriousViolations(page);
      await recordButton.click();
      const recordDialog = page.getByRole('dialog', { name: `Suivi +6 mois — ${learner.name}` });
      const held = recordDialog.getByRole('radio', { name: /Stage — Octo Lille/ });
      await expect.poll(() => held.isChecked()).toBe(true);
      await shot(page, 'follow-up-record-dialog');
      await expectNoSeriousViolations(page);
      await recordDialog.getByRole('button', { name: 'Enregistrer le suivi' }).click();
      await recordDialog.waitFor({ state: 'detached' });
      await page.getByLabel('État').selectOption('recorded');
      await page.getByText('Stage (6 mois, avec promesse d’embauche)').waitFor();

      // The report now counts her internship with a hiring promise as a positive exit (transition).
      await page.goto(`/rapports?sessionId=${learner.sessionId}`);
      await expect.poll(async () => (await sixMonthOutcomes(page)).at(-2)).toMatch(/^100\s?%$/);
      await expectNoSeriousViolations(page);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Télécharger « Sorties et suivis » en CSV' }).click(),
      ]);
      const csv = fs.readFileSync((await download.path()) ?? '', 'utf8').replace('\uFEFF', '');
      const [header, ...rows] = csv
        .trim()
        .split('\r\n')
        .map((line) => line.split(';'));
      const sixMonths = rows.find((row) => row[0] === 'month_6') ?? [];
      const record = Object.fromEntries((header ?? []).map((name, index) => [name, sixMonths[index]]));
      expect(record).toMatchObject({
        denominator: '1',
        positive: '1',
        rate: '1',
        transition: '1',
        unknown: '0',
      });

      // The partner funds the running session: its "Partenaires" tab, then the partner's page.
      await nav.getByRole('link', { name: 'Sessions' }).click();
      await page.getByRole('link', { name: /^Promo automne/ }).click();
      await page.getByRole('tab', { name: 'Partenaires' }).click();
      const fundings = page.getByRole('region', { name: 'Financements' });
      await fundings.getByLabel('Partenaire').selectOption({ label: 'Octo Lille' });
      await fundings.getByLabel('Montant (€)').fill('12500');
      await fundings.getByLabel('Dispositif').fill('Plan régional de formation');
      await fundings.getByRole('button', { name: 'Ajouter un financement' }).click();
      await fundings.getByRole('link', { name: 'Octo Lille' }).waitFor();
      await expectNoSeriousViolations(page);
      await fundings.getByRole('link', { name: 'Octo Lille' }).click();
      const funded = page.getByRole('region', { name: 'Sessions financées' });
      await funded.getByText('Plan régional de formation').waitFor();
      await funded
        .getByText(/12\s500\s€/)
        .first()
        .waitFor();
      await shot(page, 'partner-detail');
      await expectNoSeriousViolations(page);
    } finally {
      await context.close();
    }
  });
});
