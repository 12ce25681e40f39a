import { ProgramSchema } from '@passerelle/domain/program/program.schema';
import { createPageSchema, PAGE_LIMIT_MAX } from '@passerelle/domain/shared/common.schema';
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiRequest } from '../../../lib/api-client';
import { sessionKeys } from './session-keys';

const ProgramPageSchema = createPageSchema(ProgramSchema);
type ProgramPage = z.infer<typeof ProgramPageSchema>;

/** The programs a session may be of (network-wide and those of the caller's fabriques). */
export function getProgramChoices({ signal }: { signal?: AbortSignal } = {}) {
  return apiRequest<ProgramPage>('/programs', { query: { limit: PAGE_LIMIT_MAX }, signal }).then(
    (page) => page.data,
  );
}

export function getProgramChoicesQueryOptions() {
  return queryOptions({
    queryKey: sessionKeys.programChoices(),
    queryFn: ({ signal }) => getProgramChoices({ signal }),
    staleTime: 5 * 60_000,
  });
}

export function useProgramChoices() {
  return useQuery(getProgramChoicesQueryOptions());
}
