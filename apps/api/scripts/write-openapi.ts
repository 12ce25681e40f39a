import fs from 'node:fs';
import path from 'node:path';
import { buildApp } from '../src/app.ts';
import { API_ROOT_DIR, createConfig } from '../src/config/env.ts';
import { openDatabase } from '../src/db/client.ts';

/** Writes the OpenAPI document that a test keeps in step with the routes. */
export async function generateOpenApiDocument(): Promise<string> {
  const database = await openDatabase({});
  const app = await buildApp({ config: createConfig({ WEB_DIST_DIR: '/nonexistent' }), database });
  try {
    await app.ready();
    return `${JSON.stringify(app.swagger(), null, 2)}\n`;
  } finally {
    await app.close();
    await database.close();
  }
}

export const OPENAPI_FILE = path.join(API_ROOT_DIR, 'openapi.json');

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  fs.writeFileSync(OPENAPI_FILE, await generateOpenApiDocument());
  process.stdout.write(`wrote ${OPENAPI_FILE}\n`);
}
