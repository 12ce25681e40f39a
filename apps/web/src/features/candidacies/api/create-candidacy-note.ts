import type {
  CandidacyNote,
  CreateCandidacyNote,
} from '@passerelle/domain/candidacy/candidacy-pipeline.schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { candidacyKeys } from './candidacy-keys';

export function createCandidacyNote({
  id,
  body,
}: {
  id: string;
  body: CreateCandidacyNote;
}): Promise<CandidacyNote> {
  return apiRequest<CandidacyNote>(`/candidacies/${encodeURIComponent(id)}/notes`, { method: 'POST', body });
}

export function useCreateCandidacyNote(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateCandidacyNote) => createCandidacyNote({ id, body }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: candidacyKeys.notes(id) }),
        queryClient.invalidateQueries({ queryKey: candidacyKeys.events(id) }),
      ]),
  });
}
