import { computeFollowUpSchedule } from '@passerelle/domain/follow-up/follow-up';
import {
  type Milestone,
  type SituationInput,
  SituationSchema,
} from '@passerelle/domain/follow-up/follow-up.schema';
import type { Database } from '../../src/db/client.ts';
import { candidacyEvents, followUps, partners } from '../../src/db/schema/index.ts';

export async function createPartner(db: Database, overrides: Partial<typeof partners.$inferInsert> = {}) {
  const [partner] = await db
    .insert(partners)
    .values({ name: 'France Travail Roubaix', kind: 'employment_service', ...overrides })
    .returning();
  if (!partner) throw new Error('no partner');
  return partner;
}

/** A stage move in the candidacy's history, as the recruitment API records it. */
export async function recordStageMove(db: Database, candidacyId: string, fromStage: string, toStage: string) {
  await db.insert(candidacyEvents).values({
    candidacyId,
    actorType: 'system',
    type: 'stage_changed',
    fromStage,
    toStage,
  });
}

/** A follow-up at a milestone, due from the session's end; recorded when a situation is given. */
export async function createFollowUp(
  db: Database,
  candidacy: { id: string; fabriqueId: string },
  options: { sessionEndDate: string; milestone: Milestone; situation?: SituationInput | null },
) {
  const dueOn = computeFollowUpSchedule(options.sessionEndDate).find(
    (due) => due.milestone === options.milestone,
  )?.dueOn;
  if (!dueOn) throw new Error('no such milestone');
  const situation = options.situation ? SituationSchema.parse(options.situation) : null;
  const [row] = await db
    .insert(followUps)
    .values({
      candidacyId: candidacy.id,
      fabriqueId: candidacy.fabriqueId,
      milestone: options.milestone,
      dueOn,
      situation,
      situationKind: situation?.kind ?? null,
      recordedAt: situation ? new Date(`${dueOn}T10:00:00Z`) : null,
    })
    .returning();
  if (!row) throw new Error('no follow-up');
  return row;
}
