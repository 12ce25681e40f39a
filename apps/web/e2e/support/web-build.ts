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
 * stale dist so it never tests yesterday's bundle.
 */
export async function ensureWebBuild() {
  const indexHtml = path.join(WEB_DIR, 'dist/index.html');
  const sourceMtime = Math.max(
    newestMtime(path.join(WEB_DIR, 'src')),
    fs.statSync(path.join(WEB_DIR, 'index.html')).mtimeMs,
  );
  if (fs.existsSync(indexHtml) && fs.statSync(indexHtml).mtimeMs >= sourceMtime) return;
  await build({ root: WEB_DIR, configFile: path.join(WEB_DIR, 'vite.config.ts'), logLevel: 'warn' });
}
