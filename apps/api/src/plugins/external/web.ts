import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

declare module 'fastify' {
  interface FastifyInstance {
    /** Whether the built web app is served by this process (production: one port for / and /api). */
    servesWebApp: boolean;
  }
}

export default fp(
  async function webPlugin(app: FastifyInstance) {
    const root = app.config.WEB_DIST_DIR;
    const servesWebApp = fs.existsSync(path.join(root, 'index.html'));
    app.decorate('servesWebApp', servesWebApp);
    if (!servesWebApp) return;
    await app.register(fastifyStatic, {
      root,
      wildcard: false,
      index: false,
      setHeaders: (response, filePath) => {
        // Vite fingerprints everything under assets/, so it may be cached for good.
        const immutable = filePath.includes(`${path.sep}assets${path.sep}`);
        response.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  },
  { name: 'web', dependencies: ['config'] },
);
