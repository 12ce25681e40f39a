import type { CreateProgram, Program } from '@passerelle/domain/program/program.schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { programKeys } from './program-keys';

export function createProgram(body: CreateProgram): Promise<Program> {
  return apiRequest<Program>('/programs', { method: 'POST', body });
}

export function useCreateProgram() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createProgram,
    onSuccess: (program) => {
      queryClient.setQueryData(programKeys.detail(program.id), program);
      return queryClient.invalidateQueries({ queryKey: programKeys.lists() });
    },
  });
}
