export interface FollowUpFilters {
  fabriqueId?: string | undefined;
  sessionId?: string | undefined;
  candidacyId?: string | undefined;
  milestone?: string | undefined;
  status?: string | undefined;
}

export const placementKeys = {
  all: ['placements'] as const,
  ofCandidacy: (candidacyId: string) => [...placementKeys.all, 'candidacy', candidacyId] as const,
  followUps: () => [...placementKeys.all, 'follow-ups'] as const,
  followUpList: (filters: FollowUpFilters) => [...placementKeys.followUps(), filters] as const,
};
