import { PlacementSchema } from '@passerelle/domain/placement/placement.schema';
import { createPageSchema, PAGE_LIMIT_MAX } from '@passerelle/domain/shared/common.schema';
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiRequest } from '../../../lib/api-client';
import { placementKeys } from './placement-keys';

const PlacementPageSchema = createPageSchema(PlacementSchema);
type PlacementPage = z.infer<typeof PlacementPageSchema>;
export type PlacementItem = PlacementPage['data'][number];

/** One learner's placements, oldest first (a learner has a few). */
export function getLearnerPlacementsQueryOptions(candidacyId: string) {
  return queryOptions({
    queryKey: placementKeys.ofCandidacy(candidacyId),
    queryFn: async ({ signal }) => {
      const page = await apiRequest<PlacementPage>('/placements', {
        query: { candidacyId, limit: PAGE_LIMIT_MAX },
        signal,
      });
      return [...page.data].sort((a, b) => a.startDate.localeCompare(b.startDate));
    },
  });
}

export function useLearnerPlacements(candidacyId: string | undefined) {
  return useQuery({ ...getLearnerPlacementsQueryOptions(candidacyId ?? ''), enabled: Boolean(candidacyId) });
}
