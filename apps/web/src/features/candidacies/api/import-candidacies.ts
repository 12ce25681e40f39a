import type { CandidacyImportReport, IMPORT_MODES } from '@passerelle/domain/application/application.schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { candidacyKeys } from './candidacy-keys';

export type ImportMode = (typeof IMPORT_MODES)[number];

export interface ImportCandidaciesInput {
  sessionId: string;
  csv: string;
  dryRun: boolean;
  mode: ImportMode;
}

/** Sends the CSV file as `text/csv`; a dry run validates every row and stores nothing. */
export function importCandidacies({ sessionId, csv, dryRun, mode }: ImportCandidaciesInput) {
  return apiRequest<CandidacyImportReport>('/candidacies/import', {
    method: 'POST',
    query: { sessionId, dryRun, mode },
    body: new Blob([csv], { type: 'text/csv; charset=utf-8' }),
  });
}

export function useImportCandidacies() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: importCandidacies,
    onSuccess: (report) => {
      if (!report.dryRun) return queryClient.invalidateQueries({ queryKey: candidacyKeys.lists() });
    },
  });
}
