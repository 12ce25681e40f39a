import { CandidacyNoteSchema } from '@passerelle/domain/candidacy/candidacy-pipeline.schema';
import { createPageSchema } from '@passerelle/domain/shared/common.schema';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiRequest } from '../../../lib/api-client';
import { candidacyKeys } from './candidacy-keys';

const CandidacyNotePageSchema = createPageSchema(CandidacyNoteSchema);
export type CandidacyNotePage = z.infer<typeof CandidacyNotePageSchema>;

export function getCandidacyNotes(
  id: string,
  { cursor, signal }: { cursor?: string | undefined; signal?: AbortSignal } = {},
): Promise<CandidacyNotePage> {
  return apiRequest<CandidacyNotePage>(`/candidacies/${encodeURIComponent(id)}/notes`, {
    query: { limit: 20, cursor },
    signal,
  });
}

export function getCandidacyNotesQueryOptions(id: string) {
  return infiniteQueryOptions({
    queryKey: candidacyKeys.notes(id),
    queryFn: ({ pageParam, signal }) => getCandidacyNotes(id, { cursor: pageParam, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

export function useCandidacyNotes(id: string) {
  return useInfiniteQuery(getCandidacyNotesQueryOptions(id));
}
