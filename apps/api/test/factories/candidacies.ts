import type { Database } from '../../src/db/client.ts';
import { sessionTrainers } from '../../src/db/schema/index.ts';

export async function assignTrainer(db: Database, sessionId: string, userId: string) {
  await db.insert(sessionTrainers).values({ sessionId, userId });
}
