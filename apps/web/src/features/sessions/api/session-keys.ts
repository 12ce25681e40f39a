import type { SessionStatus } from '@passerelle/domain/session/session.schema';

export interface SessionListFilters {
  status?: SessionStatus | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

export const sessionKeys = {
  all: ['sessions'] as const,
  lists: () => [...sessionKeys.all, 'list'] as const,
  list: (filters: SessionListFilters) => [...sessionKeys.lists(), filters] as const,
  details: () => [...sessionKeys.all, 'detail'] as const,
  detail: (id: string) => [...sessionKeys.details(), id] as const,
  composition: (id: string) => [...sessionKeys.detail(id), 'composition'] as const,
  // What the session form offers: programs, policies and a fabrique's trainers.
  programChoices: () => [...sessionKeys.all, 'program-choices'] as const,
  policyChoices: () => [...sessionKeys.all, 'policy-choices'] as const,
  trainers: (fabriqueId: string) => [...sessionKeys.all, 'trainers', fabriqueId] as const,
};
