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
      await verifyDialog.getByLabel('Date du document').fill('14/03/2025');
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
      // The confirmations would cover the header in the picture: close them as a user would.
      for (const close of await page.locator('.mantine-Notification-root button').all()) await close.click();
      await screenshot(page, 'bo-04-candidacy');
      await expectNoSeriousViolations(page);

      // A derogation: recorded with its reason, shown apart from the computed status.
      await page.getByRole('button', { name: 'Décider par dérogation' }).click();
      const decisionDialog = page.getByRole('dialog', { name: 'Décision d’éligibilité par dérogation' });
      await decisionDialog.getByRole('button', { name: 'Enregistrer la décision' }).click();
      await decisionDialog.getByText(/Indiquez la raison de la dérogation/).waitFor();
      await decisionDialog.getByRole('radio', { name: 'Éligible par dérogation', exact: true }).check();
      await decisionDialog
        .getByLabel('Raison de la dérogation')
        .fill('Orientée par la Mission locale, justificatif attendu.');
      await page.waitForTimeout(400); // the dialog's opening transition, which axe would read half-faded
      await expectNoSeriousViolations(page);
      await decisionDialog.getByRole('button', { name: 'Enregistrer la décision' }).click();
      await decisionDialog.waitFor({ state: 'hidden' });
      await page.getByText('Décision de la coordination : Éligible par dérogation').waitFor();
      await page.getByText('Statut calculé :').waitFor();

      // Reject with a reason.
      await page.getByRole('button', { name: 'Refuser' }).click();
      const rejectDialog = page.getByRole('dialog', { name: 'Passer à l’étape « Refusée »' });
      await rejectDialog.getByRole('button', { name: 'Passer en « Refusée »' }).click();
      await rejectDialog.getByText('Choisissez un motif.').waitFor();
      await rejectDialog.getByLabel('Motif du refus').selectOption('motivation');
      await page.waitForTimeout(400);
      await expectNoSeriousViolations(page);
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
      await expectNoSeriousViolations(page);
    } finally {
      await context.close();
    }
    // A whole recruitment on a shared two-core machine: give it room.
  }, 300_000);

  it('a trainer reads the board of a session they teach, without any move the API would refuse', async () => {
    const { context, page } = await newPage();
    try {
      // The demo assigns no trainer: the coordinator puts Roubaix's trainer on the recruiting session.
      const sessionName = await assignTrainerToRecruitingSession(page);
      await signIn(page, 'formation.roubaix@demo.test');
      await page
        .getByRole('navigation', { name: 'Navigation principale' })
        .getByRole('link', { name: 'Sessions' })
        .click();
      await page.getByRole('heading', { name: 'Sessions', level: 1 }).waitFor();
      await page.getByRole('link', { name: sessionName }).click();
      await page.getByRole('tab', { name: 'Tableau de suivi' }).waitFor();
      await page.getByText(/^Vue en lecture/).waitFor();
      await page.locator('[data-candidacy-id]').first().waitFor();
      expect(await page.getByRole('button', { name: /^Déplacer / }).count()).toBe(0);
      expect(await page.locator('[data-candidacy-id][draggable="true"]').count()).toBe(0);
      await expectNoSeriousViolations(page);

      // A learner's page: no stage action, no verification, no derogation.
      await page.locator('[data-candidacy-id] a').first().click();
      await page.getByRole('heading', { name: 'Éligibilité' }).waitFor();
      expect(await page.getByRole('button', { name: /^Passer en/ }).count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Refuser' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: /^Marquer/ }).count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Décider par dérogation' }).count()).toBe(0);
      await page.getByRole('button', { name: 'Saisir une évaluation' }).waitFor();
      await expectNoSeriousViolations(page);

      // The candidacies table, opened by its address: no selection, so no bulk move.
      await page.goto('/candidatures');
      await page.getByRole('heading', { name: 'Candidatures', level: 1 }).waitFor();
      await page.getByRole('table').first().waitFor();
      expect(await page.getByRole('checkbox').count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('a viewer is told plainly that candidates’ pages are not for them', async () => {
    const { context, page } = await newPage();
    try {
      await signIn(page, 'financeur@demo.test');
      // A funder's home is the reports: aggregates only.
      await page.getByRole('heading', { name: 'Rapports', level: 1 }).waitFor();
      expect(await page.getByRole('link', { name: 'Candidatures' }).count()).toBe(0);
      await page.goto('/candidatures');
      await page.getByRole('heading', { name: 'Accès non autorisé' }).waitFor();
      await page.getByText(/données personnelles de candidat·es/).waitFor();
      await expectNoSeriousViolations(page);
    } finally {
      await context.close();
    }
  });

  it('an admin edits an eligibility policy: an impossible one is explained before saving, a good one makes a new version', async () => {
    const { context, page } = await newPage();
    try {
      await signIn(page, 'admin@demo.test');
      await page.getByRole('heading', { name: /^Bonjour/ }).waitFor();

      await page.getByRole('link', { name: 'Formations' }).click();
      await page.getByRole('heading', { name: 'Formations', level: 1 }).waitFor();
      await page
        .getByRole('button', { name: /^Modifier / })
        .first()
        .waitFor();
      await screenshot(page, 'bo-07-programs');
      await expectNoSeriousViolations(page);
      await page
        .getByRole('button', { name: /^Modifier / })
        .first()
        .click();
      const programDialog = page.getByRole('dialog', { name: 'Modifier la formation' });
      await programDialog.getByLabel('Type de formation').selectOption('certifying_paid');
      await programDialog.getByLabel('Code RNCP').fill('');
      await programDialog.getByRole('button', { name: 'Enregistrer' }).click();
      await programDialog.getByText('une formation certifiante a un code RNCP et un niveau').waitFor();
      await expectNoSeriousViolations(page);
      await programDialog.getByRole('button', { name: 'Annuler' }).click();

      await page.getByRole('link', { name: 'Politiques d’éligibilité' }).click();
      await page.getByRole('heading', { name: 'Politiques d’éligibilité', level: 1 }).waitFor();
      await expectNoSeriousViolations(page);
      await page.getByRole('table').getByRole('link').first().click();
      await page.getByRole('heading', { name: 'Critères de publics prioritaires' }).waitFor();
      await page.getByRole('heading', { name: 'Versions' }).waitFor();
      await page.getByText(/session(s)? évalue/).waitFor();

      // Young and senior both required with the usual thresholds: nobody can be both.
      await page.getByRole('checkbox', { name: 'Obligatoire — Jeune' }).check();
      await page.getByRole('checkbox', { name: 'Obligatoire — Senior' }).check();
      await page.getByText('Cette politique ne peut pas être enregistrée').waitFor();
      await page
        .getByText(/« jeune » \(moins de 25 ans\) et « senior » \(50 ans et plus\) se contredisent/)
        .first()
        .waitFor();
      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshot(page, 'bo-06-policy-editor', { fullPage: false });
      await expectNoSeriousViolations(page);
      const save = page.getByRole('button', { name: /^Enregistrer la version/ });
      const saveLabel = (await save.textContent()) ?? '';
      await save.click();
      await page.waitForTimeout(300);
      expect(await save.textContent()).toBe(saveLabel);

      // Undo, then a real change: the youth threshold at 26.
      await page.getByRole('button', { name: 'Annuler les modifications' }).click();
      await page.getByText('Cette politique ne peut pas être enregistrée').waitFor({ state: 'detached' });
      await page.getByRole('textbox', { name: 'Moins de — Jeune' }).fill('26');
      await save.click();
      const nextVersion = Number(saveLabel.replace(/\D/g, ''));
      await page.getByText(`Version ${nextVersion} enregistrée.`).waitFor();
      await page.getByRole('list', { name: 'Versions' }).getByText(`v${nextVersion}`).waitFor();
      await expectNoSeriousViolations(page);
    } finally {
      await context.close();
    }
  });
});

async function apiSignIn(page: Page, email: string) {
  const response = await page.request.post('/api/v1/auth/login', {
    data: { email, password: DEMO_PASSWORD },
  });
  expect(response.ok()).toBe(true);
  return (await response.json()) as { accessToken: string; user: { id: string } };
}

async function assignTrainerToRecruitingSession(page: Page): Promise<string> {
  const trainer = await apiSignIn(page, 'formation.roubaix@demo.test');
  const coordinator = await apiSignIn(page, 'coordination.roubaix@demo.test');
  const headers = { authorization: `Bearer ${coordinator.accessToken}` };
  const list = await page.request.get('/api/v1/sessions?status=recruiting', { headers });
  const sessions = ((await list.json()) as { data: { id: string; name: string; version: number }[] }).data;
  const session = sessions.find((candidate) => candidate.name.startsWith('Promo hiver'));
  if (!session) throw new Error('no recruiting session in the demo data');
  const patch = await page.request.patch(`/api/v1/sessions/${session.id}`, {
    headers,
    data: { trainerIds: [trainer.user.id], version: session.version },
  });
  expect(patch.ok()).toBe(true);
  // The sign-ins above left refresh cookies in the browser: start the UI signed out.
  await page.context().clearCookies();
  return session.name;
}

async function signIn(page: Page, email: string) {
  await page.goto('/connexion');
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel(/^Mot de passe/).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL((url) => url.pathname !== '/connexion');
}

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
