import { SessionStatusSchema } from '@passerelle/domain/session/session.schema';
import { CalendarDateSchema } from '@passerelle/domain/shared/common.schema';
import { z } from 'zod';

export const SessionsSearchSchema = z.object({
  status: SessionStatusSchema.optional().catch(undefined),
  from: CalendarDateSchema.optional().catch(undefined),
  to: CalendarDateSchema.optional().catch(undefined),
});
export type SessionsSearch = z.infer<typeof SessionsSearchSchema>;

export const SESSION_VIEWS = ['board', 'table', 'composition', 'partners'] as const;
export type SessionView = (typeof SESSION_VIEWS)[number];

export const SessionDetailSearchSchema = z.object({
  view: z.enum(SESSION_VIEWS).optional().catch(undefined),
});
export type SessionDetailSearch = z.infer<typeof SessionDetailSearchSchema>;
