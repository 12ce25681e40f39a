import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helper.ts';

const distDir = fs.mkdtempSync(path.join(os.tmpdir(), 'passerelle-dist-'));
const script = `export const greeting = ${JSON.stringify('Bonjour '.repeat(2000))};\n`;

let t: TestApp;
beforeAll(async () => {
  fs.mkdirSync(path.join(distDir, 'assets'));
  fs.writeFileSync(
    path.join(distDir, 'index.html'),
    '<!doctype html><html lang="fr"><title>Passerelle</title></html>',
  );
  fs.writeFileSync(path.join(distDir, 'assets', 'app-abc123.js'), script);
  t = await buildTestApp({ WEB_DIST_DIR: distDir });
});
afterAll(async () => {
  await t.close();
  fs.rmSync(distDir, { recursive: true, force: true });
});

describe('the web app on the API’s port', () => {
  it('serves fingerprinted scripts compressed and cached for good', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/assets/app-abc123.js',
      headers: { 'accept-encoding': 'br, gzip' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.rawPayload.length).toBeLessThan(script.length / 4);
    expect(response.headers['cache-control']).toContain('immutable');
  });

  it('answers every page URL with the app shell, so deep links and reloads work', async () => {
    for (const url of [
      '/',
      '/candidatures?stage=interview',
      '/sessions/019ac1f2-7b3e-7c41-9a55-2f1e8d0c4b7a',
    ]) {
      const response = await t.app.inject({ method: 'GET', url, headers: { accept: 'text/html' } });
      expect(response.statusCode, url).toBe(200);
      expect(response.body).toContain('<title>Passerelle</title>');
      expect(response.headers['cache-control']).toBe('no-cache');
    }
  });

  it('keeps unknown API routes and missing assets as 404 problems', async () => {
    const api = await t.app.inject({ method: 'GET', url: '/api/v1/nope', headers: { accept: 'text/html' } });
    expect(api.statusCode).toBe(404);
    expect(api.headers['content-type']).toContain('application/problem+json');
    const asset = await t.app.inject({ method: 'GET', url: '/assets/missing.js' });
    expect(asset.statusCode).toBe(404);
  });
});
