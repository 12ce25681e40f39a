import type { Role } from '@passerelle/domain/user/user.schema';
import type { Database } from '../db/client.ts';
import { fabriques, userFabriques, users } from '../db/schema/index.ts';
import { hashPassword } from '../plugins/app/auth/password.ts';
import { seedDemoOutcomes } from './demo-outcomes.ts';
import { seedDemoRecruitment } from './demo-recruitment.ts';

export const DEMO_FABRIQUES = [
  { slug: 'montreuil', name: 'Montreuil', city: 'Montreuil', departmentCode: '93' },
  { slug: 'roubaix', name: 'Roubaix', city: 'Roubaix', departmentCode: '59' },
] as const;

export const DEMO_USERS: readonly { email: string; displayName: string; role: Role; fabrique?: string }[] = [
  { email: 'admin@demo.test', displayName: 'Alice Administratrice', role: 'admin' },
  {
    email: 'coordination.roubaix@demo.test',
    displayName: 'Karim Benali',
    role: 'coordinator',
    fabrique: 'roubaix',
  },
  {
    email: 'coordination.montreuil@demo.test',
    displayName: 'Sophie Martin',
    role: 'coordinator',
    fabrique: 'montreuil',
  },
  {
    email: 'formation.roubaix@demo.test',
    displayName: 'Julien Lefebvre',
    role: 'trainer',
    fabrique: 'roubaix',
  },
  { email: 'financeur@demo.test', displayName: 'Nadia Financeur', role: 'viewer' },
];

/** Demo data for an empty embedded database, in one transaction: all of it or nothing. */
export async function seedDemoData(db: Database, password: string, today: Date = new Date()): Promise<void> {
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const fabriqueRows = await tx
      .insert(fabriques)
      .values([...DEMO_FABRIQUES])
      .returning();
    const fabriqueIdBySlug = new Map(fabriqueRows.map((row) => [row.slug, row.id]));
    const coordinatorIdBySlug = new Map<string, string>();
    for (const demoUser of DEMO_USERS) {
      const [user] = await tx
        .insert(users)
        .values({
          email: demoUser.email,
          displayName: demoUser.displayName,
          role: demoUser.role,
          passwordHash,
        })
        .returning();
      const fabriqueId = demoUser.fabrique ? fabriqueIdBySlug.get(demoUser.fabrique) : undefined;
      if (user && fabriqueId) await tx.insert(userFabriques).values({ userId: user.id, fabriqueId });
      if (user && demoUser.fabrique && demoUser.role === 'coordinator') {
        coordinatorIdBySlug.set(demoUser.fabrique, user.id);
      }
    }
    await seedDemoRecruitment(tx, fabriqueRows, today);
    await seedDemoOutcomes(tx, { fabriques: fabriqueRows, recorderIdBySlug: coordinatorIdBySlug, today });
  });
}
