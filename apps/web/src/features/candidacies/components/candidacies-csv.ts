import type { CandidacyListItem } from '@passerelle/domain/candidacy/candidacy-pipeline.schema';

export interface CsvColumn {
  header: string;
  value: (candidacy: CandidacyListItem) => string;
}

// Spreadsheets run a cell starting with = + - @ as a formula: such text is prefixed with a quote.
// A phone number (+33…) or a plain number stays as it is.
function neutraliseFormula(value: string): string {
  if (/^[=@\t\r]/.test(value)) return `'${value}`;
  if (/^[+-]/.test(value) && !/^[+-][\d\s.]+$/.test(value)) return `'${value}`;
  return value;
}

function escapeCell(value: string): string {
  const safe = neutraliseFormula(value);
  return /[";\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Semicolon-separated with a BOM: French spreadsheets open it with accents and columns right. */
export function buildCandidaciesCsv(
  candidacies: readonly CandidacyListItem[],
  columns: readonly CsvColumn[],
): string {
  const lines = [
    columns.map((column) => escapeCell(column.header)).join(';'),
    ...candidacies.map((candidacy) => columns.map((column) => escapeCell(column.value(candidacy))).join(';')),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export function downloadTextFile(filename: string, content: string, type = 'text/csv;charset=utf-8') {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke after the browser has started the download.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
