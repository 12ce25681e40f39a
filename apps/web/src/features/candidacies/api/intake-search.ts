import { IdSchema } from '@passerelle/domain/shared/common.schema';
import { z } from 'zod';

/** The session an intake or an import starts with, when opened from a session's page. */
export const CandidacyIntakeSearchSchema = z.object({
  sessionId: IdSchema.optional().catch(undefined),
});
export type CandidacyIntakeSearch = z.infer<typeof CandidacyIntakeSearchSchema>;
