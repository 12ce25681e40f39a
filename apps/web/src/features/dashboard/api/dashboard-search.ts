import { z } from 'zod';

export const DEFAULT_STUCK_DAYS = 14;

/** `?stuckDays=21`: how long in one stage counts as stuck; kept in the URL like any filter. */
export const DashboardSearchSchema = z.object({
  stuckDays: z.coerce.number().int().min(1).max(365).optional().catch(undefined),
});
export type DashboardSearch = z.infer<typeof DashboardSearchSchema>;
