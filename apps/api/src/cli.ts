import readline from 'node:readline';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { CreateUserSchema } from '@passerelle/domain/user/user.schema';
import { loadConfig } from './config/env.ts';
import { openDatabase } from './db/client.ts';
import { createAuditRepository } from './plugins/app/audit/audit-repository.ts';
import { createFabriqueRepository } from './plugins/app/fabriques/fabrique-repository.ts';
import { createUserRepository } from './plugins/app/users/user-repository.ts';
import { createUserService } from './plugins/app/users/user-service.ts';

const USAGE = `Usage:
  pnpm --filter @passerelle/api cli create-admin --email <e-mail> --name "<display name>"

Creates an admin account on the database of DATABASE_URL (or the embedded one). The password is
read from standard input: typed at a hidden prompt, or piped (first line).`;

/** Reads one line from stdin; when it is a terminal, without echoing what is typed. */
async function readPassword(prompt: string): Promise<string> {
  const muted = new Writable({ write: (_chunk, _encoding, callback) => callback() });
  const isTerminal = Boolean(process.stdin.isTTY);
  if (isTerminal) process.stdout.write(prompt);
  const rl = readline.createInterface({
    input: process.stdin,
    output: isTerminal ? muted : undefined,
    terminal: isTerminal,
  });
  try {
    for await (const line of rl) return line;
    return '';
  } finally {
    rl.close();
    if (isTerminal) process.stdout.write('\n');
  }
}

async function createAdmin(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { email: { type: 'string' }, name: { type: 'string' } } });
  const password = await readPassword('Password (12 characters or more): ');
  const parsed = CreateUserSchema.safeParse({
    email: values.email,
    displayName: values.name,
    role: 'admin',
    password,
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      process.stderr.write(`${issue.path.join('.')}: ${issue.message}\n`);
    process.stderr.write(`\n${USAGE}\n`);
    return 2;
  }
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
  try {
    await database.migrate();
    const service = createUserService({
      db: database.db,
      users: createUserRepository(),
      fabriques: createFabriqueRepository(),
      audit: createAuditRepository(),
    });
    const system = { actor: null, requestId: 'cli', ip: 'local', userAgent: 'passerelle-cli' };
    const user = await service.createUserAsSystem(system, parsed.data);
    process.stdout.write(`Admin ${user.email} created (id ${user.id}).\n`);
    return 0;
  } catch (error) {
    process.stderr.write(
      `${error instanceof Error ? ((error as { detail?: string }).detail ?? error.message) : error}\n`,
    );
    return 1;
  } finally {
    await database.close();
  }
}

const [command, ...rest] = process.argv.slice(2);
if (command === 'create-admin') {
  process.exitCode = await createAdmin(rest);
} else {
  process.stdout.write(`${USAGE}\n`);
  process.exitCode = command ? 2 : 0;
}
