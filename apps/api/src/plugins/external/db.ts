import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { type Database, type DatabaseHandle, openDatabase } from '../../db/client.ts';

declare module 'fastify' {
  interface FastifyInstance {
    database: DatabaseHandle;
    db: Database;
  }
}

export interface DbPluginOptions {
  /** A database opened by the caller (tests); it stays open when the app closes. */
  database?: DatabaseHandle | undefined;
}

export default fp(
  async function dbPlugin(app: FastifyInstance, options: DbPluginOptions) {
    const owned = !options.database;
    const database =
      options.database ??
      (await openDatabase({ databaseUrl: app.config.DATABASE_URL, dataDir: app.config.DATA_DIR }));
    if (owned) await database.migrate();
    app.decorate('database', database);
    app.decorate('db', database.db);
    if (owned) app.addHook('onClose', async () => database.close());
  },
  { name: 'db', dependencies: ['config'] },
);
