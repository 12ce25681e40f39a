import { useMutation } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import type { ReportName, ReportSearch } from './report-search';
import { toReportQuery } from './report-search';

const FILE_NAMES: Record<ReportName, string> = {
  funnel: 'entonnoir',
  composition: 'composition',
  outcomes: 'sorties',
  capacity: 'capacite',
};

/** The report as the server's CSV file (UTF-8 with BOM, `;`, decimal comma), saved by the browser. */
export async function downloadReportCsv(name: ReportName, filters: ReportSearch): Promise<void> {
  const blob = await apiRequest<Blob>(`/reports/${name}`, {
    query: toReportQuery(filters),
    headers: { accept: 'text/csv' },
    responseType: 'blob',
  });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `passerelle-${FILE_NAMES[name]}-${new Date().toISOString().slice(0, 10)}.csv`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function useDownloadReportCsv() {
  return useMutation({
    mutationFn: ({ name, filters }: { name: ReportName; filters: ReportSearch }) =>
      downloadReportCsv(name, filters),
  });
}
