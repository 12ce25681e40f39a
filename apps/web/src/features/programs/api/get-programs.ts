import { ProgramSchema } from '@passerelle/domain/program/program.schema';
import { createPageSchema } from '@passerelle/domain/shared/common.schema';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiRequest } from '../../../lib/api-client';
import { programKeys } from './program-keys';

const ProgramPageSchema = createPageSchema(ProgramSchema);
export type ProgramPage = z.infer<typeof ProgramPageSchema>;

export const PROGRAMS_PAGE_SIZE = 50;

export function getPrograms({
  cursor,
  signal,
}: {
  cursor?: string | undefined;
  signal?: AbortSignal;
} = {}): Promise<ProgramPage> {
  return apiRequest<ProgramPage>('/programs', { query: { limit: PROGRAMS_PAGE_SIZE, cursor }, signal });
}

export function getProgramsQueryOptions() {
  return infiniteQueryOptions({
    queryKey: programKeys.list(),
    queryFn: ({ pageParam, signal }) => getPrograms({ cursor: pageParam, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

export function usePrograms() {
  return useInfiniteQuery(getProgramsQueryOptions());
}
