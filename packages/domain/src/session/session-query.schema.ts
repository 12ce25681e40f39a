import type { z } from 'zod';
import { CalendarDateSchema, IdSchema, PageQuerySchema } from '../shared/common.schema.ts';
import { SessionStatusSchema } from './session.schema.ts';

export const SessionListQuerySchema = PageQuerySchema.extend({
  fabriqueId: IdSchema.optional(),
  programId: IdSchema.optional(),
  status: SessionStatusSchema.optional(),
  from: CalendarDateSchema.optional().describe('Sessions starting on or after this date'),
  to: CalendarDateSchema.optional().describe('Sessions starting on or before this date'),
});
export type SessionListQuery = z.infer<typeof SessionListQuerySchema>;

export const PublicSessionQuerySchema = PageQuerySchema.extend({
  fabriqueId: IdSchema.optional(),
  programId: IdSchema.optional(),
});
export type PublicSessionQuery = z.infer<typeof PublicSessionQuerySchema>;
