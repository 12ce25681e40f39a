import type { CandidacyListFilters } from './candidacy-filters';

export const candidacyKeys = {
  all: ['candidacies'] as const,
  lists: () => [...candidacyKeys.all, 'list'] as const,
  list: (filters: CandidacyListFilters) => [...candidacyKeys.lists(), filters] as const,
  /** Every candidacy of one session (board, session table, dashboard figures). */
  ofSession: (sessionId: string) => [...candidacyKeys.lists(), 'session', sessionId] as const,
  details: () => [...candidacyKeys.all, 'detail'] as const,
  detail: (id: string) => [...candidacyKeys.details(), id] as const,
  events: (id: string) => [...candidacyKeys.detail(id), 'events'] as const,
  notes: (id: string) => [...candidacyKeys.detail(id), 'notes'] as const,
};
