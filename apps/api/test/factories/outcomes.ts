import crypto from 'node:crypto';
import type { Database } from '../../src/db/client.ts';
import { partnerFabriques, partners } from '../../src/db/schema/index.ts';

/** A partner working with the given fabriques. */
export async function createPartner(
  db: Database,
  fabriqueIds: readonly string[],
  overrides: Partial<typeof partners.$inferInsert> = {},
) {
  const [partner] = await db
    .insert(partners)
    .values({ name: `Partenaire ${crypto.randomBytes(4).toString('hex')}`, kind: 'company', ...overrides })
    .returning();
  if (!partner) throw new Error('no partner');
  for (const fabriqueId of fabriqueIds) {
    await db.insert(partnerFabriques).values({ partnerId: partner.id, fabriqueId });
  }
  return partner;
}
