import { queryOptions, useQuery } from '@tanstack/react-query';
import { candidacyKeys } from './candidacy-keys';
import { getAllCandidacies } from './get-candidacies';

/** Every candidacy of a session (a session holds at most a few hundred), for the board and figures. */
export function getSessionCandidaciesQueryOptions(sessionId: string) {
  return queryOptions({
    queryKey: candidacyKeys.ofSession(sessionId),
    queryFn: ({ signal }) => getAllCandidacies({ sessionId, sort: '-submittedAt' }, { signal }),
  });
}

export function useSessionCandidacies(sessionId: string) {
  return useQuery(getSessionCandidaciesQueryOptions(sessionId));
}
