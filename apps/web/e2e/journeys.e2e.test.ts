import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningApi, startApi } from './support/api-server';
import { findAccessibilityViolations, launchChromium, screenshot } from './support/browser';
import { ensureWebBuild } from './support/web-build';

const DEMO_PASSWORD = process.env.DEMO_PASSWORD ?? 'passerelle-demo';

let api: RunningApi | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  // Fail before anything else when there is no browser to drive.
  browser = await launchChromium();
  await ensureWebBuild();
  api = await startApi();
});

afterAll(async () => {
  await browser?.close();
  await api?.stop();
});

function baseUrl() {
  if (!api) throw new Error('API not started');
  return api.baseUrl;
}

async function newPage(
  viewport = { width: 1280, height: 860 },
): Promise<{ context: BrowserContext; page: Page }> {
  if (!browser) throw new Error('Browser not started');
  const context = await browser.newContext({ baseURL: baseUrl(), viewport, locale: 'fr-FR' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return { context, page };
}

/** Signs in through the form and returns the display name the API answered with. */
async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel(/^Mot de passe/).fill(password);
  const loginResponse = page.waitForResponse((response) => response.url().endsWith('/api/v1/auth/login'));
  await page.getByRole('button', { name: 'Se connecter' }).click();
  const body = (await (await loginResponse).json()) as { user?: { displayName: string } };
  return body.user?.displayName ?? '';
}

describe('Passerelle in a real browser', () => {
  it('a coordinator signs in, sees the French dashboard, reloads, switches to English and signs out', async () => {
    const { context, page } = await newPage();
    try {
      await page.goto('/');
      await expect.poll(() => new URL(page.url()).pathname).toBe('/connexion');
      await page.getByRole('heading', { name: 'Connexion' }).waitFor();
      expect(await page.title()).toBe('Connexion · Passerelle');
      expect(await page.locator('html').getAttribute('lang')).toBe('fr');
      await screenshot(page, '01-sign-in');
      expect(await findAccessibilityViolations(page)).toEqual([]);

      const name = await signIn(page, 'coordination.roubaix@demo.test');
      expect(name).not.toBe('');
      await page.getByRole('heading', { name: `Bonjour ${name}` }).waitFor();
      await page.getByText(/^Rôle\s:\sCoordination$/).waitFor();
      await page.getByText('Roubaix', { exact: true }).waitFor();
      expect(await page.getByRole('link', { name: 'Utilisateurs' }).count()).toBe(0);
      await screenshot(page, '02-dashboard-fr');
      expect(await findAccessibilityViolations(page)).toEqual([]);

      // The access token lives in memory: the refresh cookie must bring the session back.
      await page.reload();
      await page.getByRole('heading', { name: `Bonjour ${name}` }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/');

      // Admin screens tell a coordinator plainly that they are not for them.
      await page.goto('/admin/utilisateurs');
      await page.getByRole('heading', { name: 'Accès non autorisé' }).waitFor();

      await page.goto('/nulle-part');
      await page.getByRole('heading', { name: 'Page introuvable' }).waitFor();
      await page.getByRole('link', { name: 'Retour au tableau de bord' }).click();
      await page.getByRole('heading', { name: `Bonjour ${name}` }).waitFor();

      await page.getByRole('button', { name: /Langue de l’interface/ }).click();
      await page.getByRole('menuitem', { name: 'English' }).click();
      await page.getByRole('heading', { name: `Hello ${name}` }).waitFor();
      await page.getByText('Role: Coordinator').waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      await screenshot(page, '03-dashboard-en');

      await page.getByRole('button', { name: `Account menu of ${name}` }).click();
      await page.getByRole('menuitem', { name: 'Sign out' }).click();
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/connexion');

      // Signed out for good: a reload does not restore anything, and the language choice stays.
      await page.reload();
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    } finally {
      await context.close();
    }
  });

  it('a wrong password says so without telling which part was wrong', async () => {
    const { context, page } = await newPage();
    try {
      await page.goto('/connexion');
      await signIn(page, 'coordination.montreuil@demo.test', 'not-the-password');
      await page.getByRole('alert').filter({ hasText: 'E-mail ou mot de passe incorrect.' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/connexion');
      const submit = page.getByRole('button', { name: 'Se connecter' });
      await expect.poll(() => submit.getAttribute('data-loading')).toBeNull();
      await screenshot(page, '04-sign-in-error');
    } finally {
      await context.close();
    }
  });

  it('an admin opens the users page and creates a user', async () => {
    const { context, page } = await newPage();
    try {
      await page.goto('/connexion');
      await signIn(page, 'admin@demo.test');
      await page.getByRole('heading', { name: /^Bonjour / }).waitFor();

      await page.getByRole('link', { name: 'Utilisateurs' }).click();
      await page.getByRole('heading', { name: 'Utilisateurs' }).waitFor();
      await page.getByRole('cell', { name: /coordination\.roubaix@demo\.test/ }).waitFor();
      await screenshot(page, '05-users');
      expect(await findAccessibilityViolations(page)).toEqual([]);

      const email = `ines.leroy.${Date.now()}@demo.test`;
      await page.getByRole('button', { name: 'Nouvel utilisateur' }).click();
      const dialog = page.getByRole('dialog', { name: 'Nouvel utilisateur' });
      await dialog.getByLabel('Nom affiché').fill('Inès Leroy');
      await dialog.getByLabel('Adresse e-mail').fill(email);
      await dialog.getByRole('combobox', { name: 'Fabriques' }).click();
      await page.getByRole('option', { name: 'Roubaix' }).click();
      await dialog.getByLabel(/^Mot de passe/).fill('un mot de passe solide');
      await dialog.getByLabel('Nom affiché').click();
      await screenshot(page, '06-create-user');
      await dialog.getByRole('button', { name: 'Créer l’utilisateur' }).click();

      await dialog.waitFor({ state: 'hidden' });
      await page.getByRole('cell', { name: new RegExp(email.replaceAll('.', '\\.')) }).waitFor();
      await screenshot(page, '07-users-after-create');

      // Filters live in the URL: a reload keeps them.
      await page.getByRole('searchbox', { name: 'Rechercher' }).fill('ines.leroy');
      await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('ines.leroy');
      await page.reload();
      await page.getByRole('cell', { name: new RegExp(email.replaceAll('.', '\\.')) }).waitFor();
      expect(await page.getByRole('cell', { name: /admin@demo\.test/ }).count()).toBe(0);

      await page.getByRole('link', { name: 'Fabriques' }).click();
      await page.getByRole('cell', { name: 'Montreuil' }).first().waitFor();
      await screenshot(page, '08-fabriques');
      expect(await findAccessibilityViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('an admin creates a fabrique, then edits it', async () => {
    const { context, page } = await newPage();
    try {
      await page.goto('/connexion');
      await signIn(page, 'admin@demo.test');
      await page.getByRole('heading', { name: /^Bonjour / }).waitFor();
      await page.getByRole('link', { name: 'Fabriques' }).click();
      await page.getByRole('heading', { name: 'Fabriques', level: 1 }).waitFor();

      const slug = `lens-${Date.now()}`;
      await page.getByRole('button', { name: 'Nouvelle fabrique' }).click();
      const createDialog = page.getByRole('dialog', { name: 'Nouvelle fabrique' });
      await createDialog.getByLabel(/^Nom/).fill('Lens');
      await createDialog.getByLabel(/^Identifiant/).fill('Pas un slug');
      await createDialog.getByLabel(/^Ville/).fill('Lens');
      await createDialog.getByLabel(/^Code du département/).fill('62');
      await createDialog.getByRole('button', { name: 'Créer la fabrique' }).click();
      await createDialog.getByText(/Lettres minuscules, chiffres et tirets uniquement/).waitFor();
      await createDialog.getByLabel(/^Identifiant/).fill(slug);
      await createDialog.getByRole('button', { name: 'Créer la fabrique' }).click();
      await createDialog.waitFor({ state: 'hidden' });
      await page.getByRole('cell', { name: slug }).waitFor();

      await page.getByRole('button', { name: 'Modifier Lens' }).click();
      const editDialog = page.getByRole('dialog', { name: 'Modifier la fabrique' });
      await editDialog.getByLabel(/^Ville/).fill('Lens-Liévin');
      await editDialog.getByRole('button', { name: 'Enregistrer' }).click();
      await editDialog.waitFor({ state: 'hidden' });
      await page.getByRole('cell', { name: 'Lens-Liévin' }).waitFor();
    } finally {
      await context.close();
    }
  });

  it('works on a 360 px wide phone', async () => {
    const { context, page } = await newPage({ width: 360, height: 740 });
    try {
      await page.goto('/');
      await screenshot(page, '09-mobile-sign-in');
      const name = await signIn(page, 'formation.roubaix@demo.test');
      await page.getByRole('heading', { name: `Bonjour ${name}` }).waitFor();
      const overflows = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
      expect(overflows).toBe(false);
      await screenshot(page, '10-mobile-dashboard');
      await page.getByRole('button', { name: 'Ouvrir le menu' }).click();
      await page
        .getByRole('navigation', { name: 'Navigation principale' })
        .getByRole('link', { name: 'Tableau de bord' })
        .waitFor();
      await page.waitForTimeout(400); // let the drawer finish sliding in before the picture
      await screenshot(page, '11-mobile-menu');
      expect(await findAccessibilityViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
