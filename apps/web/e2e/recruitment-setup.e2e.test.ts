import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningApi, startApi } from './support/api-server';
import { findAccessibilityViolations, launchChromium, screenshot } from './support/browser';
import { ensureWebBuild } from './support/web-build';

const DEMO_PASSWORD = process.env.DEMO_PASSWORD ?? 'passerelle-demo';
/** Where 1280 × 800 screenshots of the screens go besides the suite's own (full-page) ones. */
const SHOTS_DIR = process.env.SHOTS_DIR;

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
  return { context, page };
}

async function expectNoSeriousViolations(page: Page) {
  const violations = await findAccessibilityViolations(page);
  expect(violations.filter((violation) => /\((serious|critical)\)/.test(violation))).toEqual([]);
}

async function shoot(page: Page, name: string, { keepScroll = false } = {}) {
  await screenshot(page, name);
  if (!SHOTS_DIR) return;
  fs.mkdirSync(SHOTS_DIR, { recursive: true });
  if (!keepScroll) await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(SHOTS_DIR, `${name}.png`) });
}

/** Picks an option of a Mantine Select by its label. */
async function choose(page: Page, label: string | RegExp, option: string | RegExp) {
  await page.getByLabel(label).first().click();
  await page.getByRole('option', { name: option }).first().click();
}

const IMPORT_CSV = [
  'firstName;lastName;email;birthDate;source;privacyNoticeVersion;motivation',
  'Yasmine;Haddad;yasmine.haddad@example.test;2001-05-12;mission_locale;2026-01;Le numérique me plaît',
  'Lucas;Ferreira;pas-une-adresse;2000-02-03;word_of_mouth;2026-01;Changer de métier',
  'Awa;Diallo;awa.diallo@example.test;1999-11-30;france_travail;2026-01;Apprendre à coder',
].join('\n');

describe('Back office: a coordinator sets up a session and brings candidacies in', () => {
  it('creates and edits a session, opens recruitment, records a phone candidacy and imports a file', async () => {
    const { context, page } = await newPage();
    try {
      await page.goto('/connexion');
      await page.getByLabel('Adresse e-mail').fill('coordination.roubaix@demo.test');
      await page.getByLabel(/^Mot de passe/).fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Se connecter' }).click();
      await page
        .getByRole('heading', { name: /^Promo hiver/ })
        .first()
        .waitFor();

      // Sessions → "Nouvelle session".
      await page.getByRole('link', { name: 'Sessions', exact: true }).click();
      await page.getByRole('link', { name: 'Nouvelle session' }).click();
      await page.getByRole('heading', { level: 1, name: 'Nouvelle session' }).waitFor();

      await choose(page, /^Formation/, /.+/);
      await page.getByLabel(/^Nom de la session/).fill('Promo printemps e2e');
      if (
        (await page
          .getByLabel(/^Politique d’éligibilité/)
          .first()
          .inputValue()) === ''
      )
        await choose(page, /^Politique d’éligibilité/, /.+/);
      // Applications closing before they open: the domain's own message, in French.
      await page.getByLabel(/^Ouverture des candidatures/).fill('2027-02-15');
      await page.getByLabel(/^Clôture des candidatures/).fill('2027-02-01');
      await page.getByLabel(/^Début de la formation/).fill('2027-03-15');
      await page.getByLabel(/^Fin de la formation/).fill('2027-07-15');
      await page.getByLabel(/^Capacité/).fill('12');
      await choose(page, /^Formateurs et formatrices/, /.+/);
      await page.getByRole('button', { name: 'Ajouter un objectif' }).click();
      await choose(page, /^Public prioritaire/, 'Au moins un critère prioritaire');
      await page.getByLabel(/^Part minimale/).fill('40');
      await page.getByRole('button', { name: 'Créer la session' }).click();
      await page.getByText('La clôture des candidatures précède leur ouverture.').waitFor();
      await shoot(page, 'wt5a-01-session-form-errors');
      await expectNoSeriousViolations(page);

      await page.getByLabel(/^Clôture des candidatures/).fill('2027-03-05');
      await page.getByRole('button', { name: 'Créer la session' }).click();
      await page.getByRole('heading', { level: 1, name: 'Promo printemps e2e' }).waitFor();
      await page.getByText('Brouillon', { exact: true }).first().waitFor();
      const sessionUrl = page.url();
      const sessionId = sessionUrl.split('/sessions/')[1]?.split(/[?#]/)[0] ?? '';
      expect(sessionId).toMatch(/^[0-9a-f-]{36}$/);

      // Edit: the capacity goes from 12 to 15.
      await page.getByRole('link', { name: 'Modifier' }).click();
      await page.getByRole('heading', { level: 1, name: 'Modifier la session' }).waitFor();
      await page.getByLabel(/^Capacité/).fill('15');
      await shoot(page, 'wt5a-02-session-edit');
      await expectNoSeriousViolations(page);
      await page.getByRole('button', { name: 'Enregistrer' }).click();
      await page.getByRole('heading', { level: 1, name: 'Promo printemps e2e' }).waitFor();
      await page.getByText('0 / 15').waitFor();

      // Status: open the recruitment.
      await page.getByRole('button', { name: 'Changer le statut' }).click();
      await page.getByRole('menuitem', { name: 'Annuler la session' }).waitFor();
      await shoot(page, 'wt5a-03-status-menu');
      await page.getByRole('menuitem', { name: 'Ouvrir le recrutement' }).click();
      await page.getByText('En recrutement', { exact: true }).first().waitFor();
      await expectNoSeriousViolations(page);

      // A candidacy taken by phone.
      await page.getByRole('link', { name: 'Ajouter une candidature' }).click();
      await page.getByRole('heading', { level: 1, name: 'Nouvelle candidature' }).waitFor();
      await expect
        .poll(
          () =>
            page
              .getByLabel(/^Session/)
              .first()
              .inputValue(),
          { timeout: 10_000 },
        )
        .toContain('Promo printemps e2e');
      await page.getByRole('button', { name: 'Enregistrer la candidature' }).click();
      await page.getByRole('alert').filter({ hasText: 'Prénom' }).first().waitFor();
      await shoot(page, 'wt5a-04-intake-errors');
      await page.getByLabel(/^Prénom/).fill('Nadia');
      await page.getByLabel(/^Nom/).fill('Benali');
      await page.getByLabel(/^Date de naissance/).fill('14/07/2001');
      await page.getByLabel(/^Téléphone/).fill('06 12 34 56 78');
      await page.getByLabel(/^Votre situation aujourd’hui/).selectOption('job_seeker');
      await page.getByRole('textbox', { name: /^Adresse\s*\*?$/ }).fill('12 rue de Lannoy');
      await page.getByLabel(/^Code postal/).fill('59100');
      await page
        .getByLabel(/^Commune/)
        .locator('option', { hasText: 'Roubaix' })
        .waitFor({ state: 'attached' });
      await page.getByLabel(/^Commune/).selectOption({ label: 'Roubaix' });
      await page.getByLabel(/^Votre diplôme le plus élevé/).selectOption('none');
      await page
        .getByRole('radiogroup', { name: /^Êtes-vous inscrit·e à France Travail/ })
        .getByLabel('Non')
        .check();
      await page
        .getByLabel(/^Pourquoi voulez-vous suivre cette formation/)
        .fill('Trouver un emploi dans le numérique.');
      await page.getByLabel(/^Comment avez-vous connu la formation/).selectOption('mission_locale');
      await page.getByLabel(/^J’accepte que mes données soient utilisées/).check();
      await shoot(page, 'wt5a-05-intake-filled');
      await expectNoSeriousViolations(page);
      await page.getByRole('button', { name: 'Enregistrer la candidature' }).click();
      await page.getByRole('heading', { level: 1, name: /Nadia Benali/ }).waitFor();

      // CSV import into the session: a dry run first, then the valid rows.
      await page.goto(`/candidatures/import?sessionId=${sessionId}`);
      await page.getByRole('heading', { level: 1, name: 'Importer des candidatures' }).waitFor();
      await page.locator('input[type="file"]').setInputFiles({
        name: 'candidatures.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(IMPORT_CSV, 'utf8'),
      });
      await page.getByRole('button', { name: 'Vérifier le fichier' }).click();
      await page.getByRole('heading', { name: 'Résultat de la vérification' }).waitFor();
      await page.getByText('3 lignes vérifiées : 2 prête(s), 1 refusée(s).').waitFor();
      await expect(page.getByTestId('import-row-3').textContent()).resolves.toContain('email');
      await page.getByText('Toutes (3)').click();
      await expect(page.getByTestId('import-row-2').textContent()).resolves.toContain('Prête');
      expect(await page.getByRole('button', { name: 'Importer 2 candidatures' }).isDisabled()).toBe(true);
      await page.getByRole('heading', { name: 'Résultat de la vérification' }).scrollIntoViewIfNeeded();
      await page.evaluate(() => window.scrollBy(0, 260));
      await shoot(page, 'wt5a-06-import-dry-run', { keepScroll: true });
      await expectNoSeriousViolations(page);

      await page.getByLabel('Importer les lignes valides et laisser les autres de côté').check();
      await page.getByRole('button', { name: 'Importer 2 candidatures' }).click();
      await page.getByText('2 candidatures importées').waitFor();
      await shoot(page, 'wt5a-07-import-done');
      await expectNoSeriousViolations(page);

      // The session's table now holds the phone candidacy and the two imported ones.
      await page.getByRole('link', { name: 'Voir les candidatures de la session' }).click();
      await page
        .getByRole('link', { name: /Yasmine Haddad|Haddad Yasmine/ })
        .first()
        .waitFor();
      await page
        .getByRole('link', { name: /Nadia Benali|Benali Nadia/ })
        .first()
        .waitFor();
      expect(await page.getByRole('link', { name: /Lucas Ferreira|Ferreira Lucas/ }).count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('offers no session or intake actions to a trainer', async () => {
    const { context, page } = await newPage();
    try {
      await page.goto('/connexion');
      await page.getByLabel('Adresse e-mail').fill('formation.roubaix@demo.test');
      await page.getByLabel(/^Mot de passe/).fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Se connecter' }).click();
      await page.waitForURL((url) => url.pathname === '/');
      await page.goto('/sessions');
      await page.getByRole('heading', { level: 1, name: 'Sessions' }).waitFor();
      expect(await page.getByRole('link', { name: 'Nouvelle session' }).count()).toBe(0);
      await page.goto('/sessions/nouvelle');
      await page.getByRole('heading', { level: 1, name: 'Accès non autorisé' }).waitFor();
    } finally {
      await context.close();
    }
  });
});
