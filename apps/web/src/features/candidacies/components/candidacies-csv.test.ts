import { describe, expect, it } from 'vitest';
import { buildCandidaciesCsv } from './candidacies-csv';

type Row = Parameters<typeof buildCandidaciesCsv>[0][number];

describe('buildCandidaciesCsv', () => {
  it('quotes separators and quotes, keeps phone numbers, and defuses spreadsheet formulas', () => {
    const rows = [{ id: 'a' }, { id: 'b' }] as unknown as Row[];
    const values: Record<string, string[]> = {
      a: ['Dupont; Martin', '+33612345678', 'dit "Jo"'],
      b: ['=HYPERLINK("x")', '-12', '@SUM(A1)'],
    };
    const csv = buildCandidaciesCsv(rows, [
      { header: 'Nom', value: (row) => values[row.id]?.[0] ?? '' },
      { header: 'Téléphone', value: (row) => values[row.id]?.[1] ?? '' },
      { header: 'Note', value: (row) => values[row.id]?.[2] ?? '' },
    ]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual([
      'Nom;Téléphone;Note',
      '"Dupont; Martin";+33612345678;"dit ""Jo"""',
      `"'=HYPERLINK(""x"")";-12;'@SUM(A1)`,
      '',
    ]);
  });
});
