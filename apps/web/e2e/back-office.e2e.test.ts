import fs from 'node:fs';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningApi, startApi } from './support/api-server';
import { findAccessibilityViolations, launchChromium, screenshot } from './support/browser';
import { ensureWebBuild } from './support/web-build';

const DEMO_PASSWORD = process.env.DEMO_PASSWORD ?? 'passerelle-demo';

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
  page.setDefaultTimeout(15_000);
  page.on('pageerror', (error) => console.error('page error:', error.stack));
  page.on('console', (message) => {
    if (message.type() === 'error') console.error('console error:', message.text());
  });
  return { context, page };
}

async function expectNoSeriousViolations(page: Page) {
  const violations = await findAccessibilityViolations(page);
  expect(violations.filter((violation) => /\((serious|critical)\)/.test(violation))).toEqual([]);
}

function column(page: Page, stage: string): Locator {
  return page.locator(`section[data-stage="${stage}"]`);
}

async function cardNames(page: Page, stage: string): Promise<string[]> {
  return column(page, stage).locator('[data-candidacy-id] a').allTextContents();
}

/** The cohort size shown in the session's figures. */
async function cohortSize(page: Page): Promise<number> {
  const text = await page.getByTestId('stat-cohort').textContent();
  return Number(text?.replace(/\D/g, ''));
}

describe('Back office: a coordinator runs a recruitment', () => {
  it('from the dashboard to the admitted cohort', async () => {
    const { context, page } = await newPage();
    try {
      await page.goto('/connexion');
      await page.getByLabel('Adresse e-mail').fill('coordination.roubaix@demo.test');
      await page.getByLabel(/^Mot de passe/).fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Se connecter' }).click();

      // Dashboard: the open session with its figures.
      const sessionHeading = page.getByRole('heading', { name: /^Promo hiver/ });
      await sessionHeading.waitFor();
      await page.getByText('Places pourvues').first().waitFor();
      await page
        .getByRole('list', { name: 'Part de chaque public prioritaire dans la promotion' })
        .first()
        .waitFor();
      await screenshot(page, 'bo-01-dashboard');
      await expectNoSeriousViolations(page);

      // Sessions list, then the recruiting session's board.
      await page
        .getByRole('navigation', { name: 'Navigation principale' })
        .getByRole('link', { name: 'Sessions' })
        .click();
      await page.getByRole('heading', { name: 'Sessions', level: 1 }).waitFor();
      await expectNoSeriousViolations(page);
      await page.getByRole('link', { name: /^Promo hiver/ }).click();
      await page.getByRole('tab', { name: 'Tableau de suivi' }).waitFor();
      await column(page, 'interview').locator('[data-candidacy-id]').first().waitFor();
      await expect.poll(() => cohortSize(page)).toBeGreaterThan(0);
      const cohortBefore = await cohortSize(page);
      await screenshot(page, 'bo-02-board');
      await expectNoSeriousViolations(page);

      const interviewNames = await cardNames(page, 'interview');
      expect(interviewNames.length).toBeGreaterThanOrEqual(4);
      const [first, second, third, searched] = interviewNames as [string, string, string, string];

      // An illegal move is refused with the reason from the API.
      // (Back from interview to received: the stage machine only moves forward.)
      await column(page, 'interview').evaluate((element) => element.scrollIntoView({ inline: 'start' }));
      const backwards = column(page, 'interview').locator('[data-candidacy-id]').last();
      await column(page, 'submitted').evaluate((element) => element.scrollIntoView({ inline: 'start' }));
      await backwards.dragTo(column(page, 'submitted'), { sourcePosition: { x: 8, y: 12 } });
      await page.getByRole('alert').filter({ hasText: 'ce changement d’étape n’est pas permis' }).waitFor();

      // Admit two by drag and drop…
      await column(page, 'interview').evaluate((element) => element.scrollIntoView({ inline: 'start' }));
      for (const name of [first, second]) {
        const card = column(page, 'interview').locator('[data-candidacy-id]', { hasText: name });
        await card.dragTo(column(page, 'admitted'), { sourcePosition: { x: 8, y: 12 } });
        await column(page, 'admitted').getByRole('link', { name }).waitFor();
        await page.getByText(`${name} est passé·e à l’étape « Admise ».`).waitFor({ state: 'attached' });
      }
      // …and one with the keyboard only: focus the card's move button, open the menu, pick the stage.
      await column(page, 'interview')
        .getByRole('button', { name: `Déplacer ${third}` })
        .focus();
      await page.keyboard.press('Enter');
      await page.getByRole('menu').waitFor();
      for (let step = 0; step < 6; step += 1) {
        const focused = await page.evaluate(() => document.activeElement?.textContent ?? '');
        if (focused.trim() === 'Admise') break;
        await page.keyboard.press('ArrowDown');
      }
      await page.keyboard.press('Enter');
      await column(page, 'admitted').getByRole('link', { name: third }).waitFor();

      // The composition follows.
      await expect.poll(() => cohortSize(page)).toBe(cohortBefore + 3);
      await page.getByRole('tab', { name: 'Composition' }).click();
      await page.getByText(new RegExp(`^${cohortBefore + 3} admis·es pour 20 places`)).waitFor();
      await screenshot(page, 'bo-05-composition');
      await expectNoSeriousViolations(page);
      await page.getByRole('tab', { name: 'Liste' }).click();
      await page.getByRole('table', { name: /^Candidatures de la session/ }).waitFor();
      await expectNoSeriousViolations(page);

      // Search a candidate across sessions and open the candidacy.
      await page
        .getByRole('navigation', { name: 'Navigation principale' })
        .getByRole('link', { name: 'Candidatures' })
        .click();
      await page.getByRole('heading', { name: 'Candidatures', level: 1 }).waitFor();
      await page.getByRole('searchbox', { name: 'Rechercher' }).fill(searched);
      await expect.poll(() => new URL(page.url()).searchParams.get('q'), { timeout: 5000 }).toBe(searched);
      await page.getByRole('link', { name: searched }).first().waitFor();
      await screenshot(page, 'bo-03-table');
      await expectNoSeriousViolations(page);
      await page.getByRole('link', { name: searched }).first().click();
      await page.getByRole('heading', { name: searched, level: 1 }).waitFor();

      // Verify a fact with the proof seen.
      await page.getByRole('button', { name: 'Marquer « date de naissance » comme vérifié' }).click();
      const verifyDialog = page.getByRole('dialog', { name: 'Vérifier : date de naissance' });
      await verifyDialog.getByLabel('Justificatif vu').selectOption('identity_document');
      await verifyDialog.getByLabel('Date du document').fill('2025-03-14');
      await verifyDialog.getByRole('button', { name: 'Marquer comme vérifié' }).click();
      await verifyDialog.waitFor({ state: 'hidden' });
      await page.getByText('Pièce d’identité du 14 mars 2025').waitFor();

      // Record an interview scorecard.
      await page.getByRole('button', { name: 'Saisir une évaluation' }).click();
      const scoreDialog = page.getByRole('dialog', { name: 'Saisir une évaluation' });
      await scoreDialog.getByLabel('Note : Motivation').fill('4');
      await scoreDialog.getByLabel('Note : Projet professionnel').fill('3');
      await scoreDialog.getByLabel('Note : Disponibilité').fill('5');
      await scoreDialog.getByLabel('Avis').selectOption('admit');
      await scoreDialog.getByLabel('Commentaire').fill('Projet clair, disponible dès janvier.');
      await scoreDialog.getByRole('button', { name: 'Enregistrer l’évaluation' }).click();
      await scoreDialog.waitFor({ state: 'hidden' });
      await page.getByText('Entretien · 12 / 15').waitFor();
      await screenshot(page, 'bo-04-candidacy');
      await expectNoSeriousViolations(page);

      // Reject with a reason.
      await page.getByRole('button', { name: 'Refuser' }).click();
      const rejectDialog = page.getByRole('dialog', { name: 'Passer à l’étape « Refusée »' });
      await rejectDialog.getByRole('button', { name: 'Passer en « Refusée »' }).click();
      await rejectDialog.getByText('Choisissez un motif.').waitFor();
      await rejectDialog.getByLabel('Motif du refus').selectOption('motivation');
      await rejectDialog.getByRole('button', { name: 'Passer en « Refusée »' }).click();
      await rejectDialog.waitFor({ state: 'hidden' });
      await page.getByText('Candidature refusée').waitFor();
      await page.getByText('Motivation insuffisante').first().waitFor();

      // Export the filtered list: the admitted of the session.
      await page.goto('/candidatures');
      await page.getByRole('heading', { name: 'Candidatures', level: 1 }).waitFor();
      await page.getByLabel('Session').selectOption({ label: (await sessionName(page)) ?? '' });
      await page.getByRole('combobox', { name: 'Étapes' }).click();
      await page.getByRole('option', { name: 'Admise' }).click();
      await page.keyboard.press('Escape');
      await expect.poll(() => new URL(page.url()).searchParams.get('stage')).toContain('admitted');
      // Filters survive a reload.
      await page.reload();
      await page.getByRole('link', { name: first }).waitFor();
      const rowCount = await page
        .getByRole('table', { name: 'Candidatures correspondant aux filtres' })
        .locator('tbody tr')
        .count();
      const downloadPromise = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Exporter en CSV' }).click();
      const download = await downloadPromise;
      const csv = fs.readFileSync((await download.path()) ?? '', 'utf8').replace(/^\uFEFF/, '');
      const [header, ...rows] = csv.trim().split('\r\n');
      expect(header?.split(';').slice(0, 6)).toEqual([
        'Nom',
        'Prénom',
        'E-mail',
        'Téléphone',
        'Session',
        'Étape',
      ]);
      expect(rows).toHaveLength(rowCount);
      expect(rows.every((row) => row.split(';')[5] === 'Admise')).toBe(true);
      for (const name of [first, second, third]) {
        const [firstName, ...lastName] = name.split(' ');
        expect(rows.some((row) => row.includes(`${lastName.join(' ')};${firstName}`))).toBe(true);
      }
    } finally {
      await context.close();
    }
  });
});

async function sessionName(page: Page) {
  // The session choices arrive after the page: wait for them rather than read an empty list.
  await page
    .getByLabel('Session')
    .locator('option', { hasText: 'Promo hiver' })
    .first()
    .waitFor({ state: 'attached' });
  const options = await page.getByLabel('Session').locator('option').allTextContents();
  return options.find((option) => option.startsWith('Promo hiver'));
}
