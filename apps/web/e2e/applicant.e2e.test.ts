import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningApi, startApi } from './support/api-server';
import { findAccessibilityViolations, launchChromium, screenshot } from './support/browser';
import { ensureWebBuild } from './support/web-build';

const DEMO_PASSWORD = process.env.DEMO_PASSWORD ?? 'passerelle-demo';
const PHONE = { width: 360, height: 740 };
// Its own build: another suite rebuilding apps/web/dist must not pull chunks from under these pages.
const DIST_DIR = path.join(os.tmpdir(), 'passerelle-applicant-e2e-dist');
const ASSETS_DIR = path.join(DIST_DIR, 'assets');

let api: RunningApi | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  browser = await launchChromium();
  await ensureWebBuild(DIST_DIR);
  api = await startApi({ webDistDir: DIST_DIR });
});

afterAll(async () => {
  await browser?.close();
  await api?.stop();
});

function baseUrl() {
  if (!api) throw new Error('API not started');
  return api.baseUrl;
}

async function newPhonePage(): Promise<{ context: BrowserContext; page: Page }> {
  if (!browser) throw new Error('Browser not started');
  const context = await browser.newContext({ baseURL: baseUrl(), viewport: PHONE, locale: 'fr-FR' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') console.error(`console: ${message.text()}`);
  });
  return { context, page };
}

interface PublicSessionSummary {
  id: string;
  name: string;
  fabrique: { city: string };
}

async function listOpenSessions(): Promise<PublicSessionSummary[]> {
  const response = await fetch(`${baseUrl()}/api/v1/public/sessions?limit=200`);
  return ((await response.json()) as { data: PublicSessionSummary[] }).data;
}

/** The app's own modules a built chunk holds, from its source map. */
function appSourcesOf(chunkFile: string): string[] {
  const mapFile = path.join(ASSETS_DIR, `${chunkFile}.map`);
  if (!fs.existsSync(mapFile)) return [];
  const map = JSON.parse(fs.readFileSync(mapFile, 'utf8')) as { sources: string[] };
  return map.sources
    .filter((source) => !source.includes('node_modules') && source.includes('/src/'))
    .map((source) => source.slice(source.lastIndexOf('/src/') + 1));
}

// Back-office code: every feature but the applicant's, every screen but the public ones. The router
// holds the back office's search-param schemas (`*-search.ts`, `*-filters.ts`): route definitions,
// checked synchronously when a URL is matched, not screens.
const BACK_OFFICE_SOURCE =
  /^src\/(features\/(?!applicant\/)[^/]+\/(?!api\/[\w-]+-(search|filters)\.ts$)|app\/routes\/(?!public\/|not-found|route-error))/;

async function expectNoSeriousViolations(page: Page) {
  const violations = await findAccessibilityViolations(page);
  expect(violations.filter((line) => /\((serious|critical)\)/.test(line))).toEqual([]);
}

describe('applicant pages at 360 × 740', () => {
  it('lists the open sessions without downloading any back-office code', async () => {
    const { context, page } = await newPhonePage();
    try {
      const scripts: string[] = [];
      page.on('response', (response) => {
        const url = new URL(response.url());
        if (url.pathname.startsWith('/assets/') && url.pathname.endsWith('.js')) {
          scripts.push(path.basename(url.pathname));
        }
      });
      await page.goto('/sessions-ouvertes');
      await page.getByRole('heading', { level: 1, name: 'Formations ouvertes aux candidatures' }).waitFor();
      await page.getByRole('heading', { level: 3 }).first().waitFor();
      await page.waitForLoadState('networkidle');
      expect(await page.title()).toBe('Formations ouvertes aux candidatures · Passerelle');

      // One open "Promo hiver" session in each demo fabrique, with its deadline and who it is for.
      const cards = page.getByRole('article');
      expect(await cards.count()).toBeGreaterThanOrEqual(2);
      expect(await page.getByText(/^Promo hiver \d{4} · /).count()).toBeGreaterThanOrEqual(2);
      await page
        .getByText(/^Candidatures jusqu’au /)
        .first()
        .waitFor();
      await page.getByText('Pour qui ?').first().waitFor();

      const backOffice = scripts.flatMap((file) =>
        appSourcesOf(file)
          .filter((source) => BACK_OFFICE_SOURCE.test(source))
          .map((source) => `${file}: ${source}`),
      );
      expect(backOffice).toEqual([]);
      expect(scripts.some((file) => file.startsWith('open-sessions-'))).toBe(true);
      expect(scripts.some((file) => /^(app-layout|dashboard|sign-in|candidacies|users)-/.test(file))).toBe(
        false,
      );

      const gzipBytes = scripts.reduce(
        (total, file) => total + zlib.gzipSync(fs.readFileSync(path.join(ASSETS_DIR, file))).length,
        0,
      );
      console.info(
        `/sessions-ouvertes loads ${scripts.length} JS chunks, ${(gzipBytes / 1024).toFixed(1)} kB gzip:\n  ${scripts.sort().join('\n  ')}`,
      );

      await screenshot(page, 'applicant-01-open-sessions');
      await expectNoSeriousViolations(page);

      // The privacy notice, whose version goes with each consent.
      await page.getByRole('link', { name: 'Confidentialité et données personnelles' }).click();
      await page.getByRole('heading', { level: 1, name: 'Vos données personnelles' }).waitFor();
      await page.getByText(/^Version 2026-11 /).waitFor();
      await screenshot(page, 'applicant-02-privacy');
      await expectNoSeriousViolations(page);
    } finally {
      await context.close();
    }
  });

  it('gives in the browser the verdict the server gives, for several profiles', async () => {
    const { context, page } = await newPhonePage();
    const profiles = [
      { name: 'young-job-seeker', birthDate: '14/07/2004', gender: 'Femme', diploma: '3', registered: 'Oui' },
      { name: 'forty-graduate', birthDate: '02/03/1986', gender: 'Homme', diploma: '7', registered: 'Non' },
      { name: 'fifteen', birthDate: '01/06/2011', gender: 'Homme', diploma: 'none', registered: 'Non' },
      { name: 'nothing-answered' },
    ] as const;
    try {
      for (const profile of profiles) {
        await page.goto('/suis-je-eligible');
        await page.getByRole('heading', { level: 1, name: 'Suis-je éligible ?' }).waitFor();
        await page.locator('[data-source="local"]').first().waitFor();
        if ('birthDate' in profile) {
          await page.getByLabel(/^Date de naissance/).fill(profile.birthDate);
          await page.getByRole('radio', { name: profile.gender, exact: true }).check();
          await page.getByLabel(/^Votre diplôme le plus élevé/).selectOption(profile.diploma);
          await page
            .getByRole('radiogroup', { name: /France Travail/ })
            .getByRole('radio', { name: profile.registered })
            .check();
        }
        const readVerdicts = async (source: 'local' | 'server') =>
          Object.fromEntries(
            await page
              .locator(`[data-source="${source}"]`)
              .evaluateAll((cards) =>
                cards.map((card) => [
                  card.getAttribute('data-session-id'),
                  card.getAttribute('data-verdict'),
                ]),
              ),
          ) as Record<string, string>;
        const local = await readVerdicts('local');

        const checked = page.waitForResponse((response) =>
          response.url().endsWith('/public/eligibility-check'),
        );
        await page.getByRole('button', { name: 'Voir mon résultat' }).click();
        const body = (await (await checked).json()) as {
          evaluations: { session: { id: string }; status: string }[];
        };
        await page.locator('[data-source="server"]').first().waitFor();
        const shown = await readVerdicts('server');
        const server = Object.fromEntries(body.evaluations.map((item) => [item.session.id, item.status]));

        expect(shown).toEqual(server);
        expect(Object.keys(server).length).toBeGreaterThanOrEqual(2);
        for (const [sessionId, status] of Object.entries(server)) {
          expect({ profile: profile.name, sessionId, status: local[sessionId] }).toEqual({
            profile: profile.name,
            sessionId,
            status,
          });
        }
        if (profile.name === 'young-job-seeker') {
          expect(Object.values(server)).toContain('eligible');
          await screenshot(page, 'applicant-03-self-check');
          await expectNoSeriousViolations(page);
        }
        if (profile.name === 'fifteen')
          expect(new Set(Object.values(server))).toEqual(new Set(['ineligible']));
      }
    } finally {
      await context.close();
    }
  });

  it('applies start to finish: errors fixed, a reload in the middle, a double click, one candidacy', async () => {
    const session = (await listOpenSessions()).find((item) => item.fabrique.city === 'Roubaix');
    if (!session) throw new Error('no open session in Roubaix in the demo data');
    const email = `ines.e2e.${Date.now()}@example.fr`;
    const { context, page } = await newPhonePage();
    const submissions: { key: string | undefined; body: string | null }[] = [];
    page.on('request', (request) => {
      if (
        request.method() === 'POST' &&
        request.url().endsWith(`/public/sessions/${session.id}/applications`)
      ) {
        submissions.push({ key: request.headers()['idempotency-key'], body: request.postData() });
      }
    });
    const next = () => page.getByRole('button', { name: 'Continuer' }).click();
    const stepHeading = (name: string) => page.getByRole('heading', { level: 2, name });
    const focusedId = () => page.evaluate(() => document.activeElement?.id ?? '');
    const focusedClass = () => page.evaluate(() => document.activeElement?.className ?? '');

    try {
      await page.goto('/sessions-ouvertes');
      await page
        .getByRole('article', { name: /Développeur/ })
        .filter({ hasText: session.name })
        .filter({ hasText: 'Roubaix' })
        .getByRole('link', { name: 'Candidater à cette session' })
        .click();
      await stepHeading('Qui êtes-vous ?').waitFor();
      expect(new URL(page.url()).pathname).toBe(`/candidater/${session.id}`);

      // Errors on purpose: nothing typed, then a wrong date and e-mail.
      await next();
      const summary = page.getByRole('alert').filter({ hasText: 'réponses sont à corriger' });
      await summary.waitFor();
      expect(await focusedClass()).toContain('error-summary');
      await page.getByText('Donnez au moins une adresse e-mail ou un numéro de téléphone.').first().waitFor();
      await screenshot(page, 'applicant-04-identity-errors');
      await expectNoSeriousViolations(page);

      await page.getByLabel(/^Prénom/).fill('Inès');
      await page.getByLabel(/^Nom/).fill('Bernard-E2e');
      await page.getByLabel(/^Date de naissance/).fill('31/02/2003');
      await page.getByLabel(/^Adresse e-mail/).fill('ines@');
      await next();
      await page
        .getByText('Écrivez la date sous la forme JJ/MM/AAAA, par exemple 14/07/2003.')
        .first()
        .waitFor();
      await summary.getByRole('link', { name: /^Adresse e-mail/ }).click();
      expect(await focusedId()).toBe('apply-email');
      await page.getByLabel(/^Adresse e-mail/).fill(email);
      await page.getByLabel(/^Date de naissance/).fill('14/07/2003');
      // Fixed fields lose their error as the person types.
      await expect
        .poll(() => page.getByText('Cette adresse e-mail n’est pas valide', { exact: false }).count())
        .toBe(0);
      await page.getByRole('radio', { name: 'Femme', exact: true }).check();
      await next();

      await stepHeading('Votre situation').waitFor();
      expect(await focusedId()).toBe('application-step-title');
      await page.getByLabel(/^Votre situation aujourd’hui/).selectOption('job_seeker');
      await page.getByRole('radio', { name: 'Non', exact: true }).check();
      await next();

      await stepHeading('Où habitez-vous ?').waitFor();
      await page.getByLabel(/^Adresse/).fill('12 rue de la Paix');
      await page.getByLabel(/^Code postal/).fill('59100');
      await expect.poll(() => page.getByLabel(/^Commune/).inputValue()).toBe('59512');

      // A reload (or a lost connection) in the middle loses nothing.
      await page.reload();
      await stepHeading('Où habitez-vous ?').waitFor();
      expect(await page.getByLabel(/^Adresse/).inputValue()).toBe('12 rue de la Paix');
      expect(await page.getByLabel(/^Code postal/).inputValue()).toBe('59100');
      await expect.poll(() => page.getByLabel(/^Commune/).inputValue()).toBe('59512');
      await screenshot(page, 'applicant-05-address');
      await expectNoSeriousViolations(page);
      await page.getByRole('button', { name: 'Retour' }).click();
      await stepHeading('Votre situation').waitFor();
      expect(await page.getByLabel(/^Votre situation aujourd’hui/).inputValue()).toBe('job_seeker');
      await page.getByRole('button', { name: 'Retour' }).click();
      expect(await page.getByLabel(/^Adresse e-mail/).inputValue()).toBe(email);
      await next();
      await next();
      await next();

      await stepHeading('Vos études').waitFor();
      await page.getByLabel(/^Votre diplôme le plus élevé/).selectOption('3');
      await next();

      await stepHeading('France Travail').waitFor();
      await page.getByRole('radio', { name: 'Oui', exact: true }).check();
      await next();
      await page.getByText('Choisissez une réponse.').first().waitFor();
      await page.getByLabel(/^Depuis combien de temps/).selectOption('12_23m');
      await next();

      await stepHeading('Votre motivation').waitFor();
      await page
        .getByLabel(/^Pourquoi voulez-vous/)
        .fill('J’aime comprendre comment marchent les sites et je veux en faire mon métier.');
      await next();

      await stepHeading('Comment nous avez-vous connus ?').waitFor();
      await page.getByLabel(/^Comment avez-vous connu/).selectOption('mission_locale');
      await next();

      await stepHeading('Vos données et l’envoi').waitFor();
      const send = page.getByRole('button', { name: 'Envoyer ma candidature' });
      await send.click();
      await page.getByText('Cochez cette case pour pouvoir envoyer votre candidature.').first().waitFor();
      await page.getByRole('checkbox', { name: /^J’accepte que mes données/ }).check();
      await screenshot(page, 'applicant-06-consent');
      await expectNoSeriousViolations(page);

      // Impatient double click.
      const created = page.waitForResponse(
        (response) => response.url().endsWith('/applications') && response.status() === 201,
      );
      await send.dblclick();
      const receipt = (await (await created).json()) as { candidacyId: string };
      await page.getByRole('heading', { level: 1, name: 'Candidature envoyée' }).waitFor();
      expect(new URL(page.url()).pathname).toBe(`/candidater/${session.id}/envoyee`);
      await page.getByText(`à ${email}`, { exact: false }).waitFor();
      await screenshot(page, 'applicant-07-sent');
      await expectNoSeriousViolations(page);

      // Every attempt carried the one key; a retry of the same request is answered, not redone.
      expect(submissions.length).toBeGreaterThanOrEqual(1);
      expect(new Set(submissions.map((item) => item.key)).size).toBe(1);
      const [first] = submissions;
      const retry = await fetch(`${baseUrl()}/api/v1/public/sessions/${session.id}/applications`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': first?.key ?? '' },
        body: first?.body ?? '',
      });
      expect(retry.status).toBe(201);
      expect(retry.headers.get('idempotent-replayed')).toBe('true');
      expect(((await retry.json()) as { candidacyId: string }).candidacyId).toBe(receipt.candidacyId);

      // The draft is gone from the device; the coordinator finds exactly one candidacy.
      expect(
        await page.evaluate((id) => localStorage.getItem(`passerelle.application-draft.${id}`), session.id),
      ).toBeNull();
      const login = await fetch(`${baseUrl()}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'coordination.roubaix@demo.test', password: DEMO_PASSWORD }),
      });
      const { accessToken } = (await login.json()) as { accessToken: string };
      const search = await fetch(`${baseUrl()}/api/v1/candidacies?q=${encodeURIComponent(email)}`, {
        headers: { authorization: `Bearer ${accessToken}` },
      });
      expect(search.status).toBe(200);
      const found = (await search.json()) as { data: { id: string }[] };
      expect(found.data.map((candidacy) => candidacy.id)).toEqual([receipt.candidacyId]);
    } finally {
      await context.close();
    }
  });
});
