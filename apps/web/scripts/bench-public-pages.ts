/**
 * Lighthouse-style figures for the public pages, on a throttled phone profile (Slow 4G, 4× CPU):
 *   pnpm --filter @passerelle/web bench:public [--runs 3]
 * Builds the app if needed, starts the real API with the demo data, and for each page prints the
 * JavaScript downloaded (gzip, as transferred), the time to first contentful paint, the time until
 * the page's main control is visible and usable (our "interactive"), and the total blocking time.
 */
import { parseArgs } from 'node:util';
import { startApi } from '../e2e/support/api-server';
import { launchChromium } from '../e2e/support/browser';
import { ensureWebBuild } from '../e2e/support/web-build';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' } } });
const RUNS = Number(values.runs);

// Chrome DevTools' "Slow 4G" preset and a mid-range phone's CPU.
const NETWORK = {
  offline: false,
  latency: 150,
  downloadThroughput: (1.6 * 1024 * 1024) / 8,
  uploadThroughput: (750 * 1024) / 8,
};
const CPU_SLOWDOWN = 4;
// Chunks named after back-office screens (shared vendor chunks carry every user's name, so anchor).
const BACK_OFFICE_CHUNK =
  /\/assets\/(admin-layout|app-layout|candidacies|candidacies-table|candidacy-detail|dashboard|fabriques|users|session-detail|sessions|composition-chart)-[\w-]+\.js$/;

interface Sample {
  scriptBytes: number;
  backOfficeChunks: number;
  firstContentfulPaint: number;
  interactive: number;
  totalBlockingTime: number;
}

const median = (numbers: number[]) =>
  [...numbers].sort((a, b) => a - b)[Math.floor(numbers.length / 2)] ?? Number.NaN;

await ensureWebBuild();
const api = await startApi();
const browser = await launchChromium();
try {
  const sessions = (await (await fetch(`${api.baseUrl}/api/v1/public/sessions`)).json()) as {
    data: { id: string }[];
  };
  const sessionId = sessions.data[0]?.id;
  const pages = [
    {
      name: 'open sessions',
      path: '/sessions-ouvertes',
      ready: { role: 'link' as const, name: /Candidater/ },
    },
    {
      name: 'am I eligible?',
      path: '/suis-je-eligible',
      ready: { role: 'button' as const, name: /Voir mon résultat/ },
    },
    {
      name: 'application form',
      path: `/candidater/${sessionId}`,
      ready: { role: 'button' as const, name: /Continuer|Suivant/ },
    },
  ];

  process.stdout.write(
    `\nPublic pages, Slow 4G + ${CPU_SLOWDOWN}x CPU slowdown, median of ${RUNS} cold loads\n\n`,
  );
  process.stdout.write(
    `${'page'.padEnd(18)} ${'JS gzip kB'.padStart(10)} ${'back-office chunks'.padStart(18)} ${'FCP ms'.padStart(8)} ${'interactive ms'.padStart(14)} ${'TBT ms'.padStart(8)}\n`,
  );
  for (const target of pages) {
    const samples: Sample[] = [];
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'fr-FR' });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      await cdp.send('Network.emulateNetworkConditions', NETWORK);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
      let scriptBytes = 0;
      let backOfficeChunks = 0;
      const scriptRequests = new Set<string>();
      cdp.on('Network.responseReceived', (event) => {
        if (event.type === 'Script') {
          scriptRequests.add(event.requestId);
          if (BACK_OFFICE_CHUNK.test(event.response.url)) backOfficeChunks += 1;
        }
      });
      cdp.on('Network.loadingFinished', (event) => {
        if (scriptRequests.has(event.requestId)) scriptBytes += event.encodedDataLength;
      });
      await page.addInitScript(() => {
        const state = { blocking: 0 };
        (window as unknown as { __tbt: typeof state }).__tbt = state;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) state.blocking += Math.max(0, entry.duration - 50);
        }).observe({ type: 'longtask', buffered: true });
      });
      const startedAt = Date.now();
      await page.goto(`${api.baseUrl}${target.path}`, { waitUntil: 'commit' });
      await page
        .getByRole(target.ready.role, { name: target.ready.name })
        .first()
        .waitFor({ state: 'visible', timeout: 60_000 });
      const interactive = Date.now() - startedAt;
      await page.waitForLoadState('networkidle');
      const metrics = await page.evaluate(() => ({
        fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
        tbt: (window as unknown as { __tbt: { blocking: number } }).__tbt.blocking,
      }));
      samples.push({
        scriptBytes,
        backOfficeChunks,
        firstContentfulPaint: metrics.fcp,
        interactive,
        totalBlockingTime: metrics.tbt,
      });
      await context.close();
    }
    process.stdout.write(
      `${target.name.padEnd(18)} ${(median(samples.map((s) => s.scriptBytes)) / 1024).toFixed(0).padStart(10)} ${String(Math.max(...samples.map((s) => s.backOfficeChunks))).padStart(18)} ${median(
        samples.map((s) => s.firstContentfulPaint),
      )
        .toFixed(0)
        .padStart(8)} ${median(samples.map((s) => s.interactive))
        .toFixed(0)
        .padStart(14)} ${median(samples.map((s) => s.totalBlockingTime))
        .toFixed(0)
        .padStart(8)}\n`,
    );
  }
} finally {
  await browser.close();
  await api.stop();
}
