import closeWithGrace from 'close-with-grace';
import { buildApp } from './app.ts';
import { loadConfig } from './config/env.ts';
import { DEMO_FABRIQUES, DEMO_USERS, seedDemoData } from './seed/demo.ts';

const config = loadConfig();
const app = await buildApp({ config });

const isEmbedded = app.database.engine === 'pglite';
const shouldSeed = config.SEED_DEMO === 'true' || (config.SEED_DEMO === 'auto' && isEmbedded);
let hasDemoUsers = false;
if (shouldSeed) {
  const userCount = await app.services.users.countUsers();
  if (userCount === 0) {
    await seedDemoData(app.db, config.DEMO_PASSWORD);
    app.log.info('demo data seeded');
  }
  hasDemoUsers = true;
}

closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
  if (err) app.log.error({ err }, 'closing after an error');
  else app.log.info({ signal }, 'shutting down');
  await app.close();
});

await app.listen({ host: config.HOST, port: config.PORT });
if (config.WEBHOOK_WORKER === 'on') app.webhookWorker.start();

const address = app.server.address();
const port = typeof address === 'object' && address ? address.port : config.PORT;
const origin = `http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${port}`;
const lines = [
  '',
  `  Passerelle is running (${isEmbedded ? `embedded database in ${app.database.location}` : 'PostgreSQL'})`,
  `    Web app    ${app.servesWebApp ? `${origin}/` : '(not built: run `pnpm --filter @passerelle/web build`)'}`,
  `    API        ${origin}/api/v1`,
  `    API docs   ${origin}/api/docs`,
];
if (hasDemoUsers) {
  lines.push('', `  Demo sign-ins (password: ${config.DEMO_PASSWORD})`);
  for (const user of DEMO_USERS) {
    const fabrique = DEMO_FABRIQUES.find((candidate) => candidate.slug === user.fabrique)?.name;
    lines.push(`    ${user.email.padEnd(34)} ${user.role}${fabrique ? `, ${fabrique}` : ''}`);
  }
}
process.stdout.write(`${lines.join('\n')}\n\n`);
