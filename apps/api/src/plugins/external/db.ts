import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Database, DatabaseHandle } from '../../db/client.ts';

declare module 'fastify' {
  interface FastifyInstance {
    database: DatabaseHandle;
    db: Database;
  }
}

export interface DbPluginOptions {
  /** An opened, migrated database. */
  database: DatabaseHandle;
  /** Whether the app closes it when it closes (tests keep theirs). */
  owned: boolean;
}

export default fp(
  async function dbPlugin(app: FastifyInstance, options: DbPluginOptions) {
    const { database, owned } = options;
    app.decorate('database', database);
    app.decorate('db', database.db);
    if (owned) app.addHook('onClose', async () => database.close());
  },
  { name: 'db', dependencies: ['config'] },
);
