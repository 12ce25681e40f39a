import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningApi, startApi } from './support/api-server';
import { findAccessibilityViolations, launchChromium } from './support/browser';
import { ensureWebBuild } from './support/web-build';

const DEMO_PASSWORD = process.env.DEMO_PASSWORD ?? 'passerelle-demo';
const SHOTS = process.env.SHOTS_DIR ?? path.resolve('e2e/screenshots/integrations');

let api: RunningApi | undefined;
let browser: Browser | undefined;
let receiver: http.Server | undefined;
const received: { id: string; body: string }[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  await ensureWebBuild();
  // The API runs in production mode: the loopback receiver below needs the explicit allowance.
  api = await startApi({ env: { WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true', WEBHOOK_POLL_INTERVAL_MS: '200' } });
  receiver = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ id: String(request.headers['webhook-id']), body: Buffer.concat(chunks).toString() });
      response.writeHead(200, { 'content-type': 'text/plain' }).end('reçu');
    });
  });
  await new Promise<void>((resolve) => receiver?.listen(0, '127.0.0.1', () => resolve()));
});

afterAll(async () => {
  await browser?.close();
  await api?.stop();
  await new Promise((resolve) => receiver?.close(resolve));
});

async function expectAccessible(page: Page) {
  const violations = await findAccessibilityViolations(page);
  if (violations.length > 0) throw new Error(`accessibility: ${violations.join('\n')}`);
}

async function shot(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

describe('integrations admin, in a real browser', () => {
  it('an admin creates an API client and a webhook, sees a delivery and sends it again', async () => {
    if (!browser || !api || !receiver) throw new Error('not started');
    const baseUrl = api.baseUrl;
    const context = await browser.newContext({
      baseURL: baseUrl,
      viewport: { width: 1280, height: 800 },
      locale: 'fr-FR',
    });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    try {
      await page.goto('/admin/clients-api');
      await page.getByLabel('Adresse e-mail').fill('admin@demo.test');
      await page.getByLabel(/^Mot de passe/).fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Se connecter' }).click();
      await page.getByRole('heading', { name: 'Clients API' }).waitFor();
      await shot(page, '01-api-clients-empty');
      await expectAccessible(page);

      // Create a client: scopes as checkboxes, a fabrique; the secret is shown once.
      await page.getByRole('button', { name: 'Nouveau client API' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Nom').fill('France Travail — orientations');
      await dialog.getByRole('checkbox', { name: /Lire les candidatures/ }).check();
      await dialog.getByRole('checkbox', { name: /Déposer, importer/ }).check();
      await dialog.getByRole('button', { name: 'Créer le client' }).click();
      await dialog.getByText('Choisissez au moins une fabrique, ou toutes les fabriques.').waitFor();
      await dialog.getByRole('checkbox', { name: 'Roubaix' }).check();
      await shot(page, '02-api-client-form');
      await expectAccessible(page);
      await dialog.getByRole('button', { name: 'Créer le client' }).click();
      await dialog.getByText('Copiez ce secret maintenant').waitFor();
      const secret = (await dialog.getByTestId('secret-value').textContent()) ?? '';
      expect(secret).toMatch(/^pcs_/);
      const clientId = await dialog.getByLabel('Identifiant du client (client_id)').inputValue();
      await shot(page, '03-api-client-secret-once');
      await expectAccessible(page);
      await dialog.getByRole('button', { name: 'J’ai copié le secret' }).click();
      await page.getByRole('cell', { name: /^France Travail — orientations/ }).waitFor();
      expect(await page.content()).not.toContain(secret);

      // Create a webhook to the loopback receiver.
      await page.getByRole('link', { name: 'Webhooks' }).click();
      await page.getByRole('heading', { name: 'Webhooks', level: 1 }).waitFor();
      await page.getByRole('button', { name: 'Nouveau webhook' }).click();
      const { port } = receiver.address() as AddressInfo;
      await dialog.getByLabel(/URL de réception/).fill(`http://127.0.0.1:${port}/hooks`);
      await dialog.getByRole('checkbox', { name: /Candidature changée d’étape/ }).check();
      await shot(page, '04-webhook-form');
      await expectAccessible(page);
      await dialog.getByRole('button', { name: 'Créer le webhook' }).click();
      const webhookSecret = (await dialog.getByTestId('secret-value').textContent()) ?? '';
      expect(webhookSecret).toMatch(/^whsec_/);
      await dialog.getByRole('button', { name: 'J’ai copié le secret' }).click();
      await page.getByRole('cell', { name: `http://127.0.0.1:${port}/hooks`, exact: true }).waitFor();
      await shot(page, '05-webhooks-list');

      // The integration moves a candidacy with its own token: the event goes out.
      const token = await fetch(`${baseUrl}/api/v1/auth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: clientId,
          client_secret: secret,
        }),
      }).then((response) => response.json() as Promise<{ access_token: string }>);
      const headers = { authorization: `Bearer ${token.access_token}`, 'content-type': 'application/json' };
      const list = await fetch(`${baseUrl}/api/v1/candidacies?stage=submitted&limit=1`, { headers }).then(
        (response) => response.json() as Promise<{ data: { id: string; version: number }[] }>,
      );
      const candidacy = list.data[0];
      if (!candidacy) throw new Error('no submitted candidacy in the demo data');
      const moved = await fetch(`${baseUrl}/api/v1/candidacies/${candidacy.id}/transitions`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ to: 'screening', version: candidacy.version }),
      });
      expect(moved.status).toBe(200);

      await page.getByRole('link', { name: /Journal des envois de/ }).click();
      await page.getByRole('heading', { name: 'Journal des envois' }).waitFor();
      await page.getByRole('row').filter({ hasText: 'Livré' }).waitFor({ timeout: 30_000 });
      await page.getByText('HTTP 200').waitFor();
      await shot(page, '06-delivery-log');
      await expectAccessible(page);
      expect(received).toHaveLength(1);
      expect(JSON.parse(received[0]?.body ?? '{}')).toMatchObject({
        type: 'candidacy.stage_changed',
        data: { candidacyId: candidacy.id, to: 'screening' },
      });

      await page.getByRole('button', { name: 'Renvoyer' }).click();
      await page.getByText('Envoi relancé.').waitFor();
      await expect.poll(() => received.length, { timeout: 20_000 }).toBe(2);
      expect(received[1]?.id).toBe(received[0]?.id);
      await page
        .getByRole('row')
        .filter({ hasText: 'Livré' })
        .filter({ hasText: /^.*2.*$/ })
        .first()
        .waitFor();
      await shot(page, '07-redelivered');
    } catch (error) {
      await shot(page, 'failure');
      throw new Error(`${(error as Error).message}\npage errors: ${pageErrors.join(' | ')}`);
    } finally {
      await context.close();
    }
  }, 180_000);
});
