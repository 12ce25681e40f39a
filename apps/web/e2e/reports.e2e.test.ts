import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningApi, startApi } from './support/api-server';
import { findAccessibilityViolations, launchChromium, SCREENSHOT_DIR, screenshot } from './support/browser';
import { ensureWebBuild } from './support/web-build';

const DEMO_PASSWORD = process.env.DEMO_PASSWORD ?? 'passerelle-demo';
/** Where the report's PDF lands (the screenshots' folder unless told otherwise). */
const OUTPUT_DIR = process.env.SHOTS_DIR ?? SCREENSHOT_DIR;

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

async function newPage(): Promise<{ context: BrowserContext; page: Page }> {
  if (!browser || !api) throw new Error('Browser or API not started');
  const context = await browser.newContext({
    baseURL: api.baseUrl,
    viewport: { width: 1280, height: 800 },
    locale: 'fr-FR',
    acceptDownloads: true,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  page.on('pageerror', (error) => console.error('page error:', error.stack));
  return { context, page };
}

async function signIn(page: Page, email: string) {
  await page.goto('/connexion');
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel(/^Mot de passe/).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
}

async function expectNoSeriousViolations(page: Page) {
  const violations = await findAccessibilityViolations(page);
  expect(violations.filter((violation) => /\((serious|critical)\)/.test(violation))).toEqual([]);
}

async function shoot(page: Page, name: string) {
  await screenshot(page, name);
  if (process.env.SHOTS_DIR) {
    fs.mkdirSync(process.env.SHOTS_DIR, { recursive: true });
    fs.copyFileSync(
      path.join(SCREENSHOT_DIR, `${name}.png`),
      path.join(process.env.SHOTS_DIR, `${name}.png`),
    );
  }
}

/** The row of a table whose header cell is `name`, as its cells' texts. */
async function rowOf(page: Page, caption: string, name: string): Promise<string[]> {
  const table = page.locator('table', { has: page.locator('caption', { hasText: caption }) });
  return table
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name, exact: true }) })
    .first()
    .locator('td')
    .allTextContents();
}

describe('Reports', () => {
  it('a coordinator shows a funder where the first Roubaix cohort went', { timeout: 240_000 }, async () => {
    const { context, page } = await newPage();
    try {
      await signIn(page, 'coordination.roubaix@demo.test');
      await page.getByRole('link', { name: 'Rapports' }).click();
      await page.getByRole('heading', { level: 1, name: 'Rapports' }).waitFor();

      // Filter on the completed Roubaix session: the choice goes into the URL.
      const sessionSelect = page.getByLabel('Session', { exact: true });
      const option = sessionSelect.locator('option', { hasText: /^Promo printemps/ });
      await option.waitFor({ state: 'attached' });
      await sessionSelect.selectOption({ label: (await option.textContent()) ?? '' });
      await page.waitForURL(/sessionId=/);

      // The source document's story: 13 internships, 1 CDI, 6 incubated, 2 freelancers on 27 learners.
      await page.getByText('23 sur 27 sorti·es', { exact: false }).first().waitFor();
      await expect(
        page
          .getByText(/^85\s?%$/)
          .first()
          .isVisible(),
      ).resolves.toBe(true);
      const situations = 'Situations à chaque échéance';
      expect((await rowOf(page, situations, 'Stage'))[0]).toBe('13');
      expect((await rowOf(page, situations, 'CDI'))[0]).toBe('1');
      expect((await rowOf(page, situations, 'Incubation'))[0]).toBe('6');
      expect((await rowOf(page, situations, 'Indépendant·e (freelance)'))[0]).toBe('2');
      const exit = await rowOf(page, 'Sorties par catégorie à chaque échéance', 'À la sortie');
      expect(exit[0]).toBe('27');
      expect(exit.at(-2)).toMatch(/^85\s?%$/);
      await shoot(page, 'reports');
      await expectNoSeriousViolations(page);

      // The outcomes as a CSV file, read back.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Télécharger « Sorties et suivis » en CSV' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^passerelle-sorties-\d{4}-\d{2}-\d{2}\.csv$/);
      const csv = fs.readFileSync((await download.path()) ?? '', 'utf8');
      expect(csv.startsWith('\uFEFF')).toBe(true);
      const [header, ...rows] = csv
        .replace('\uFEFF', '')
        .trim()
        .split('\r\n')
        .map((line) => line.split(';'));
      const record = (milestone: string) =>
        Object.fromEntries(
          (header ?? []).map((name, index) => [name, rows.find((row) => row[0] === milestone)?.[index]]),
        );
      expect(record('exit')).toMatchObject({
        denominator: '27',
        positive: '23',
        rate: '0,8519',
        transition: '13',
        durable_employment: '9',
        unknown: '2',
        of_which_not_recorded: '1',
      });

      // The printable page, as a funder gets it.
      await page.getByRole('link', { name: 'Version imprimable' }).click();
      await page.waitForURL(/\/rapports\/imprimer\?.*sessionId=/);
      await page.getByRole('heading', { level: 1, name: /^Bilan — Promo printemps/ }).waitFor();
      await page.getByText('Fabrique de Roubaix', { exact: false }).waitFor();
      await page.getByText('23 sur 27 sorti·es', { exact: false }).first().waitFor();
      await shoot(page, 'reports-print');
      await expectNoSeriousViolations(page);
      await page.emulateMedia({ media: 'print' });
      fs.mkdirSync(OUTPUT_DIR, { recursive: true });
      await page.pdf({
        path: path.join(OUTPUT_DIR, 'reports-print.pdf'),
        format: 'A4',
        printBackground: true,
      });
      await page.setViewportSize({ width: 794, height: 1123 });
      await shoot(page, 'reports-print-a4');
    } finally {
      await context.close();
    }
  });

  it('a funder (viewer) lands on the reports and sees aggregates only', { timeout: 120_000 }, async () => {
    const { context, page } = await newPage();
    try {
      await signIn(page, 'financeur@demo.test');
      await page.waitForURL(/\/rapports/);
      await page.getByRole('heading', { level: 1, name: 'Rapports' }).waitFor();
      await page.getByRole('table', { name: /Demande et capacité par fabrique/ }).waitFor();
      await page.getByText('Roubaix · Développeur·se web et web mobile').first().waitFor();
      await page.getByText('Montreuil · Développeur·se web et web mobile').first().waitFor();
      const text = (await page.locator('main').textContent()) ?? '';
      expect(text).not.toMatch(/@exemple\.fr|\+336/);
      await shoot(page, 'reports-viewer');
      await expectNoSeriousViolations(page);
    } finally {
      await context.close();
    }
  });
});
