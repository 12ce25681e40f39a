import { useNavigate, useSearch } from '@tanstack/react-router';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderAtRoute } from '../../../testing/render-route';
import type { ReportChoices } from '../api/get-report-choices';
import { type ReportSearch, ReportSearchSchema, toReportQuery } from '../api/report-search';
import { ReportFilters } from './report-filters';

const ROUBAIX = '019ac1f2-7b3e-7c41-9a55-2f1e8d0c4b7a';
const MONTREUIL = '019ac1f2-7b3e-7c41-9a55-2f1e8d0c4b7b';
const PROGRAM = '019ac1f2-7b3e-7c41-9a55-2f1e8d0c4b7c';
const SESSION = '019ac1f2-7b3e-7c41-9a55-2f1e8d0c4b7d';
const OTHER_SESSION = '019ac1f2-7b3e-7c41-9a55-2f1e8d0c4b7e';

const CHOICES: ReportChoices = {
  fabriques: [
    { value: ROUBAIX, label: 'Roubaix' },
    { value: MONTREUIL, label: 'Montreuil' },
  ],
  programs: [{ value: PROGRAM, label: 'Développeur·se web', fabriqueId: ROUBAIX }],
  sessions: [
    {
      id: SESSION,
      name: 'Promo printemps 2025',
      fabriqueId: ROUBAIX,
      programId: PROGRAM,
      status: 'completed',
      startDate: '2025-10-22',
      endDate: '2026-04-20',
      capacity: 27,
    },
    {
      id: OTHER_SESSION,
      name: 'Promo Montreuil',
      fabriqueId: MONTREUIL,
      programId: PROGRAM,
      status: 'in_progress',
      startDate: '2026-09-27',
      endDate: '2027-03-26',
      capacity: 20,
    },
  ],
};

function FiltersAtUrl() {
  const search = useSearch({ strict: false }) as ReportSearch;
  const navigate = useNavigate();
  return (
    <ReportFilters
      filters={search}
      choices={CHOICES}
      onChange={(filters) => void navigate({ to: '/rapports', search: filters, replace: true })}
    />
  );
}

function renderFilters(url: string) {
  return renderAtRoute({
    path: '/rapports',
    url,
    component: FiltersAtUrl,
    validateSearch: ReportSearchSchema,
  });
}

describe('ReportFilters ↔ URL', () => {
  it('shows the filters a shared link carries and drops values it does not know', async () => {
    await renderFilters(`/rapports?fabriqueId=${ROUBAIX}&sessionId=${SESSION}&from=2025-01-01&to=2026-12-31`);
    expect(await screen.findByLabelText('Fabrique')).toHaveValue(ROUBAIX);
    expect(screen.getByLabelText('Session')).toHaveValue(SESSION);
    expect(screen.getByLabelText('Du')).toHaveValue('01/01/2025');
    expect(screen.getByLabelText('Au')).toHaveValue('31/12/2026');

    const { router } = await renderFilters('/rapports?fabriqueId=roubaix&from=yesterday&sessionId=42');
    expect(router.state.location.search).toEqual({});
  });

  it('writes each choice to the URL, narrows the sessions to the fabrique and resets in one click', async () => {
    const user = userEvent.setup();
    const { router } = await renderFilters('/rapports');
    await user.selectOptions(await screen.findByLabelText('Fabrique'), ROUBAIX);
    expect(router.state.location.search).toEqual({ fabriqueId: ROUBAIX });
    const sessions = screen.getByLabelText('Session');
    expect(sessions).toHaveTextContent('Promo printemps 2025 (Terminée)');
    expect(sessions).not.toHaveTextContent('Promo Montreuil');
    await user.selectOptions(sessions, SESSION);
    expect(router.state.location.search).toEqual({ fabriqueId: ROUBAIX, sessionId: SESSION });
    // Another fabrique: the session no longer fits and goes.
    await user.selectOptions(screen.getByLabelText('Fabrique'), MONTREUIL);
    expect(router.state.location.search).toEqual({ fabriqueId: MONTREUIL });
    await user.type(screen.getByLabelText('Du'), '01/01/2026');
    expect(router.state.location.search).toMatchObject({ from: '2026-01-01' });
    await user.click(screen.getByRole('button', { name: 'Effacer les filtres' }));
    expect(router.state.location.search).toEqual({});
  });

  it('flags a reversed period and leaves its end out of the query', async () => {
    await renderFilters('/rapports?from=2026-06-01&to=2026-01-01');
    expect(await screen.findByText('La fin précède le début')).toBeInTheDocument();
    expect(toReportQuery({ from: '2026-06-01', to: '2026-01-01' })).toEqual({ from: '2026-06-01' });
  });
});
