import type { Program } from '@passerelle/domain/program/program.schema';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { programKeys } from './program-keys';

export function getProgram(id: string, { signal }: { signal?: AbortSignal } = {}): Promise<Program> {
  return apiRequest<Program>(`/programs/${encodeURIComponent(id)}`, { signal });
}

export function getProgramQueryOptions(id: string) {
  return queryOptions({
    queryKey: programKeys.detail(id),
    queryFn: ({ signal }) => getProgram(id, { signal }),
  });
}

export function useProgram(id: string) {
  return useQuery(getProgramQueryOptions(id));
}
