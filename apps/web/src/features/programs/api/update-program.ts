import type { Program, UpdateProgram } from '@passerelle/domain/program/program.schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { programKeys } from './program-keys';

export interface UpdateProgramInput {
  id: string;
  /** Only the changed fields, plus the `version` the form was loaded with. */
  body: UpdateProgram;
}

export function updateProgram({ id, body }: UpdateProgramInput): Promise<Program> {
  return apiRequest<Program>(`/programs/${encodeURIComponent(id)}`, { method: 'PATCH', body });
}

export function useUpdateProgram() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateProgram,
    onSuccess: (program) => {
      queryClient.setQueryData(programKeys.detail(program.id), program);
      return queryClient.invalidateQueries({ queryKey: programKeys.lists() });
    },
  });
}
