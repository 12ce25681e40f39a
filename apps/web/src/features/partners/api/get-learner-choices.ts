import { CandidacyListItemSchema } from '@passerelle/domain/candidacy/candidacy-pipeline.schema';
import { createPageSchema, PAGE_LIMIT_MAX } from '@passerelle/domain/shared/common.schema';
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiRequest } from '../../../lib/api-client';
import { partnerKeys } from './partner-keys';

const CandidacyPageSchema = createPageSchema(CandidacyListItemSchema);
type CandidacyPage = z.infer<typeof CandidacyPageSchema>;

export interface LearnerChoice {
  candidacyId: string;
  name: string;
  sessionName: string;
}

/** Enrolled and completed learners of a fabrique: who can be proposed to its offers. */
export function useLearnerChoices(fabriqueId: string) {
  return useQuery({
    queryKey: partnerKeys.learners(fabriqueId),
    queryFn: async ({ signal }): Promise<LearnerChoice[]> => {
      const page = await apiRequest<CandidacyPage>('/candidacies', {
        query: { fabriqueId, stage: 'enrolled,completed', limit: PAGE_LIMIT_MAX },
        signal,
      });
      return page.data.map((item) => ({
        candidacyId: item.id,
        name: `${item.candidate.firstName} ${item.candidate.lastName}`,
        sessionName: item.session.name,
      }));
    },
    staleTime: 30_000,
  });
}
