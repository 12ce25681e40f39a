import crypto from 'node:crypto';
import type { Role } from '@passerelle/domain/user/user.schema';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../src/db/client.ts';
import {
  type FabriqueRow,
  fabriques,
  type UserRow,
  userFabriques,
  users,
} from '../../src/db/schema/index.ts';
import { hashPassword } from '../../src/plugins/app/auth/password.ts';
import { refreshCookieOf } from '../helper.ts';

const unique = () => crypto.randomBytes(4).toString('hex');

export async function createFabrique(
  db: Database,
  overrides: Partial<typeof fabriques.$inferInsert> = {},
): Promise<FabriqueRow> {
  const suffix = unique();
  const [row] = await db
    .insert(fabriques)
    .values({
      name: `Fabrique ${suffix}`,
      slug: `fabrique-${suffix}`,
      city: 'Roubaix',
      departmentCode: '59',
      ...overrides,
    })
    .returning();
  if (!row) throw new Error('no fabrique');
  return row;
}

export const TEST_PASSWORD = 'un mot de passe solide';

export async function createUser(
  db: Database,
  overrides: {
    role?: Role;
    fabriqueIds?: string[];
    email?: string;
    password?: string;
    isActive?: boolean;
  } = {},
): Promise<UserRow & { password: string }> {
  const password = overrides.password ?? TEST_PASSWORD;
  const [row] = await db
    .insert(users)
    .values({
      email: overrides.email ?? `user-${unique()}@example.test`,
      displayName: 'Test User',
      role: overrides.role ?? 'coordinator',
      passwordHash: await hashPassword(password),
      isActive: overrides.isActive ?? true,
    })
    .returning();
  if (!row) throw new Error('no user');
  for (const fabriqueId of overrides.fabriqueIds ?? []) {
    await db.insert(userFabriques).values({ userId: row.id, fabriqueId });
  }
  return { ...row, password };
}

/** Signs in through the API, as a client would. */
export async function signIn(app: FastifyInstance, email: string, password: string = TEST_PASSWORD) {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password },
  });
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
  const body = response.json() as { accessToken: string };
  return {
    accessToken: body.accessToken,
    cookie: refreshCookieOf(response),
    headers: { authorization: `Bearer ${body.accessToken}` },
  };
}
