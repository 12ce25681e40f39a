import { MilestoneSchema } from '@passerelle/domain/follow-up/follow-up.schema';
import { IdSchema } from '@passerelle/domain/shared/common.schema';
import { z } from 'zod';

export const FOLLOW_UP_STATUS_FILTERS = ['todo', 'due', 'overdue', 'upcoming', 'recorded'] as const;

/** The to-do's filters, kept in the URL; it opens on what is due or overdue. */
export const FollowUpsSearchSchema = z.object({
  fabriqueId: IdSchema.optional().catch(undefined),
  sessionId: IdSchema.optional().catch(undefined),
  milestone: MilestoneSchema.optional().catch(undefined),
  status: z.enum(FOLLOW_UP_STATUS_FILTERS).optional().catch(undefined),
});
export type FollowUpsSearch = z.infer<typeof FollowUpsSearchSchema>;
