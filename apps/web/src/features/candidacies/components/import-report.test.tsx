import type { CandidacyImportReport } from '@passerelle/domain/application/application.schema';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderAtRoute } from '../../../testing/render-route';
import { buildImportTemplate } from './candidacy-import';
import { ImportReport } from './import-report';

const DRY_RUN: CandidacyImportReport = {
  dryRun: true,
  created: 2,
  invalid: 2,
  rows: [
    { line: 2, status: 'created' },
    {
      line: 3,
      status: 'invalid',
      errors: [
        { field: 'email', message: 'adresse e-mail invalide' },
        { field: 'birthDate', message: 'date invalide' },
      ],
    },
    { line: 4, status: 'duplicate', errors: [{ field: 'email', message: 'candidature déjà en cours' }] },
    { line: 5, status: 'created' },
  ],
};

function renderReport(report: CandidacyImportReport) {
  return renderAtRoute({
    path: '/import',
    url: '/import',
    component: () => <ImportReport report={report} />,
  });
}

describe('ImportReport', () => {
  it('shows the refused rows first, each with its column and reason, and every row on request', async () => {
    await renderReport(DRY_RUN);
    expect(screen.getByText('4 lignes vérifiées : 2 prête(s), 2 refusée(s).')).toBeVisible();
    const table = screen.getByRole('table');
    let rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.querySelector('td')?.textContent)).toEqual(['3', '4']);
    expect(rows[0]).toHaveTextContent('Erreur');
    expect(rows[0]).toHaveTextContent('email : adresse e-mail invalide');
    expect(rows[0]).toHaveTextContent('birthDate : date invalide');
    expect(rows[1]).toHaveTextContent('Doublon');

    await userEvent.setup({ delay: null }).click(screen.getByText('Toutes (4)'));
    rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.querySelector('td')?.textContent)).toEqual(['2', '3', '4', '5']);
    expect(rows[0]).toHaveTextContent('Prête');
  });

  it('after the import, links each created candidacy and says why valid rows were left out', async () => {
    await renderReport({
      dryRun: false,
      created: 1,
      invalid: 0,
      rows: [
        { line: 2, status: 'created', candidacyId: '019ac1f2-7b3e-7c41-9a55-2f1e8d0c4b7a' },
        { line: 3, status: 'skipped' },
      ],
    });
    expect(screen.getByText('2 lignes : 1 importée(s), 0 refusée(s).')).toBeVisible();
    expect(screen.getByRole('link', { name: 'Ouvrir la candidature' })).toHaveAttribute(
      'href',
      '/candidatures/019ac1f2-7b3e-7c41-9a55-2f1e8d0c4b7a',
    );
    expect(screen.getByText('Importée')).toBeVisible();
    expect(screen.getByText('Valide, mais non importée car d’autres lignes sont refusées.')).toBeVisible();
  });
});

describe('buildImportTemplate', () => {
  it('has the columns the API reads (the session is chosen on the screen) and one example row', () => {
    const [header, example, end] = buildImportTemplate().split('\r\n');
    expect(header?.split(',')).toContain('firstName');
    expect(header?.split(',')).not.toContain('sessionId');
    expect(example?.split(',').length).toBe(header?.split(',').length);
    expect(end).toBe('');
  });
});
