import { useNavigate, useSearch } from '@tanstack/react-router';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderAtRoute } from '../../../testing/render-route';
import {
  type CandidacySearch,
  CandidacySearchSchema,
  pickCandidacyFilters,
  toCandidacyQuery,
} from '../api/candidacy-filters';
import { CandidacyFilters } from './candidacy-filters';

const SESSION = { value: '019ac1f2-7b3e-7c41-9a55-2f1e8d0c4b7a', label: 'Promo hiver 2027' };

/** The filters wired to the URL the way the candidacies screen does it. */
function FiltersAtUrl() {
  const search = useSearch({ strict: false }) as CandidacySearch;
  const navigate = useNavigate();
  return (
    <CandidacyFilters
      filters={pickCandidacyFilters(search)}
      onChange={(filters) =>
        void navigate({ to: '/candidatures', search: { ...filters, cols: search.cols }, replace: true })
      }
      sessionOptions={[SESSION]}
    />
  );
}

function renderFilters(url: string) {
  return renderAtRoute({
    path: '/candidatures',
    url,
    component: FiltersAtUrl,
    validateSearch: CandidacySearchSchema,
  });
}

describe('CandidacyFilters ↔ URL', () => {
  it('shows the filters a shared link carries, and ignores values it does not know', async () => {
    await renderFilters(
      `/candidatures?q=dupont&eligible=incomplete&criterion=woman&sessionId=${SESSION.value}&source=bogus-but-short&sort=lastName&submittedFrom=2026-11-01&stage=%5B%22interview%22%5D`,
    );
    expect(await screen.findByRole('searchbox', { name: 'Rechercher' })).toHaveValue('dupont');
    expect(screen.getByLabelText('Éligibilité')).toHaveValue('incomplete');
    expect(screen.getByLabelText('Critère rempli')).toHaveValue('woman');
    expect(screen.getByLabelText('Session')).toHaveValue(SESSION.value);
    expect(screen.getByLabelText('Trier')).toHaveValue('lastName');
    // Dates read the French way whatever the browser's language.
    expect(screen.getByLabelText('Reçues à partir du')).toHaveValue('01/11/2026');
    expect(screen.getAllByText('Entretien').length).toBeGreaterThan(0);

    const { router } = await renderFilters(
      '/candidatures?eligible=maybe&sort=-nonsense&submittedTo=yesterday',
    );
    expect(router.state.location.search).toEqual({});
  });

  it('writes each change to the URL, searching from two characters, and resets in one click', async () => {
    const { router } = await renderFilters('/candidatures');
    const actor = userEvent.setup({ delay: null });

    await actor.selectOptions(await screen.findByLabelText('Éligibilité'), 'eligible');
    await actor.selectOptions(screen.getByLabelText('Critère rempli'), 'qpv_resident');
    await actor.selectOptions(screen.getByLabelText('Trier'), '-stageChangedAt');
    expect(router.state.location.search).toEqual({
      eligible: 'eligible',
      criterion: 'qpv_resident',
      sort: '-stageChangedAt',
    });

    const until = screen.getByLabelText('Reçues jusqu’au');
    await actor.type(until, '15/12/202');
    expect(router.state.location.search).not.toHaveProperty('submittedTo');
    await actor.type(until, '6');
    expect(router.state.location.search).toHaveProperty('submittedTo', '2026-12-15');
    await actor.clear(until);
    await actor.type(until, '31/02/2026');
    await actor.tab();
    expect(screen.getByText('Date au format jj/mm/aaaa, par exemple 14/03/2025.')).toBeInTheDocument();
    expect(router.state.location.search).not.toHaveProperty('submittedTo');
    await actor.clear(until);

    const search = screen.getByRole('searchbox', { name: 'Rechercher' });
    await actor.type(search, 'L');
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(router.state.location.search).not.toHaveProperty('q');
    await actor.type(search, 'éa');
    await vi.waitFor(() => expect(router.state.location.search).toHaveProperty('q', 'Léa'));
    expect(router.state.location.href).toContain('q=L%C3%A9a');

    await actor.click(screen.getByRole('button', { name: 'Retirer tous les filtres' }));
    expect(router.state.location.search).toEqual({});
    expect(search).toHaveValue('');
  });

  it('follows the URL when it changes from outside (back, a link)', async () => {
    const { router } = await renderFilters('/candidatures?q=martin');
    const search = await screen.findByRole('searchbox', { name: 'Rechercher' });
    expect(search).toHaveValue('martin');
    await router.navigate({ to: '/candidatures', search: { q: 'benali' } });
    await vi.waitFor(() => expect(search).toHaveValue('benali'));
  });
});

describe('toCandidacyQuery', () => {
  it('sends several stages comma-separated and leaves unset filters out', () => {
    const query = toCandidacyQuery(
      { stage: ['interview', 'waitlisted'], eligible: 'eligible' },
      { limit: 200 },
    );
    expect(query).toMatchObject({ stage: 'interview,waitlisted', eligible: 'eligible', limit: 200 });
    expect(query.q).toBeUndefined();
  });
});
