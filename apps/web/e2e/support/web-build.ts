import fs from 'node:fs';
import path from 'node:path';
import { build } from 'vite';
import { WEB_DIR } from './api-server';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const mtime = entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs;
    newest = Math.max(newest, mtime);
  }
  return newest;
}

/**
 * Turbo builds before testing; run on its own (`vitest --project e2e`), the suite rebuilds a missing or
 * stale dist so it never tests yesterday's bundle. A suite may build into its own folder, so that two
 * suites run at once do not replace each other's chunks under a running page.
 */
export async function ensureWebBuild(outDir = path.join(WEB_DIR, 'dist')) {
  const indexHtml = path.join(outDir, 'index.html');
  const sourceMtime = Math.max(
    newestMtime(path.join(WEB_DIR, 'src')),
    fs.statSync(path.join(WEB_DIR, 'index.html')).mtimeMs,
  );
  if (fs.existsSync(indexHtml) && fs.statSync(indexHtml).mtimeMs >= sourceMtime) return;
  // Vitest sets NODE_ENV=test, and Vite keeps a NODE_ENV it finds: without this the suite would
  // test React's development build, not the one users get.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      root: WEB_DIR,
      configFile: path.join(WEB_DIR, 'vite.config.ts'),
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true },
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}
