import { Notifications, notifications } from '@mantine/notifications';
import { createDefaultRules } from '@passerelle/domain/eligibility/eligibility-policy';
import type { EligibilityPolicyResource } from '@passerelle/domain/eligibility/eligibility-policy-resource.schema';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, problemResponse, renderWithProviders } from '../../../testing/render';
import { PolicyEditor } from './policy-editor';

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => {
  vi.unstubAllGlobals();
  notifications.clean();
});

function buildPolicy(overrides: Partial<EligibilityPolicyResource> = {}): EligibilityPolicyResource {
  return {
    ...createDefaultRules(),
    id: '019ac1f2-7b3e-7c41-9a55-2f1e8d0c4b90',
    name: 'Publics prioritaires Grande École du Numérique',
    version: 3,
    currentVersion: 3,
    createdAt: '2026-11-20T10:00:00.000Z',
    updatedAt: '2026-11-20T10:00:00.000Z',
    programId: null,
    createdBy: null,
    sessionCount: 2,
    ...overrides,
  };
}

function renderEditor(policy = buildPolicy()) {
  const onSaved = vi.fn();
  renderWithProviders(
    <>
      <Notifications />
      <PolicyEditor policy={policy} onSaved={onSaved} />
    </>,
  );
  return { onSaved, actor: userEvent.setup({ delay: null }) };
}

const criterion = (name: string) => screen.getByRole('group', { name });
const saveButton = () => screen.getByRole('button', { name: 'Enregistrer la version 4' });

describe('PolicyEditor: the domain validator runs before anything is sent', { timeout: 30_000 }, () => {
  it('refuses to ask for more criteria than are enabled, and says so next to the field', async () => {
    const { actor } = renderEditor();
    const minCriteria = screen.getByLabelText('Critères à remplir, au moins');

    await actor.clear(minCriteria);
    await actor.type(minCriteria, '8');

    const expected = '8 critères demandés, mais 7 seulement sont activés';
    expect(await screen.findByText('Cette politique ne peut pas être enregistrée')).toBeInTheDocument();
    expect(screen.getAllByText(expected)).toHaveLength(2); // the summary and the field
    expect(minCriteria).toHaveAccessibleDescription(expect.stringContaining(expected));

    // Enabling an eighth criterion makes the same rule possible.
    await actor.click(within(criterion('Bénéficiaire du RSA')).getByRole('switch'));
    expect(screen.queryByText(expected)).toBeNull();

    await actor.click(within(criterion('Bénéficiaire du RSA')).getByRole('switch'));
    await actor.click(saveButton());
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('explains contradictory required criteria, a required criterion switched off and inverted ages', async () => {
    const { actor } = renderEditor();

    await actor.click(screen.getByRole('checkbox', { name: 'Obligatoire — Jeune' }));
    await actor.click(screen.getByRole('checkbox', { name: 'Obligatoire — Senior' }));
    expect(
      await screen.findAllByText(
        'les critères obligatoires « jeune » (moins de 25 ans) et « senior » (50 ans et plus) se contredisent',
      ),
    ).not.toHaveLength(0);

    // A young age threshold above the senior one is no contradiction any more.
    const youngThreshold = screen.getByRole('textbox', { name: 'Moins de — Jeune' });
    await actor.clear(youngThreshold);
    await actor.type(youngThreshold, '55');
    expect(screen.queryByText(/se contredisent/)).toBeNull();

    await actor.click(within(criterion('Senior')).getByRole('switch'));
    expect(screen.getAllByText('le critère obligatoire « senior » n’est pas activé').length).toBeGreaterThan(
      0,
    );
    expect(screen.getByRole('checkbox', { name: 'Obligatoire — Senior' })).toHaveAccessibleDescription(
      expect.stringContaining('n’est pas activé'),
    );
    await actor.click(screen.getByRole('checkbox', { name: 'Obligatoire — Senior' }));
    expect(screen.queryByText(/n’est pas activé/)).toBeNull();

    const maxAge = screen.getByLabelText('Âge maximum');
    await actor.type(maxAge, '15');
    expect(screen.getAllByText('âge maximum 15 inférieur à l’âge minimum 16').length).toBeGreaterThan(0);

    await actor.click(saveButton());
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('refuses a policy nobody can satisfy even when each setting looks fine alone', async () => {
    const { actor } = renderEditor();
    // Young is required, but the hard age limits only admit people of 30 and over.
    await actor.click(screen.getByRole('checkbox', { name: 'Obligatoire — Jeune' }));
    const minAge = screen.getByLabelText('Âge minimum');
    await actor.clear(minAge);
    await actor.type(minAge, '30');
    expect(
      await screen.findByText('aucun·e candidat·e ne peut être éligible avec ces règles'),
    ).toBeInTheDocument();
  });

  it('sends the whole rules with the version they replace, and shows the new version', async () => {
    const saved = buildPolicy({
      version: 4,
      currentVersion: 4,
      criteria: {
        ...createDefaultRules().criteria,
        young: { ...createDefaultRules().criteria.young, maxAgeExclusive: 26 },
      },
    });
    fetchMock.mockResolvedValueOnce(jsonResponse(saved));
    const { actor, onSaved } = renderEditor();

    await actor.click(saveButton());
    expect(await screen.findByText('Aucune modification à enregistrer.')).toBeInTheDocument();
    expect(fetchMock).not.toHaveBeenCalled();

    const youngThreshold = screen.getByRole('textbox', { name: 'Moins de — Jeune' });
    await actor.clear(youngThreshold);
    await actor.type(youngThreshold, '26');
    await actor.click(saveButton());

    await vi.waitFor(() => expect(onSaved).toHaveBeenCalledWith(saved));
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe(`/api/v1/eligibility-policies/${saved.id}`);
    expect(init?.method).toBe('PATCH');
    const body = JSON.parse(String(init?.body));
    expect(body).toMatchObject({
      version: 3,
      minCriteria: 1,
      name: saved.name,
      referenceDate: 'session_start',
    });
    expect(body.criteria.young).toEqual({ enabled: true, sufficientAlone: false, maxAgeExclusive: 26 });
    expect(await screen.findByText('Version 4 enregistrée.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Enregistrer la version 5' })).toBeInTheDocument();
  });

  it('on a stale version keeps what was typed until the latest version is reloaded', async () => {
    const latest = buildPolicy({ version: 4, currentVersion: 4, minCriteria: 2 });
    fetchMock
      .mockResolvedValueOnce(problemResponse(409, { code: 'stale_version' }))
      .mockResolvedValueOnce(jsonResponse(latest));
    const { actor } = renderEditor();
    const minCriteria = screen.getByLabelText('Critères à remplir, au moins');
    await actor.clear(minCriteria);
    await actor.type(minCriteria, '3');
    await actor.click(saveButton());

    const alert = (await screen.findByText(/modifiée par quelqu’un d’autre/)).closest<HTMLElement>(
      '[role="alert"]',
    );
    if (!alert) throw new Error('the stale version is not announced');
    expect(minCriteria).toHaveValue('3');

    await actor.click(within(alert).getByRole('button', { name: 'Recharger la dernière version' }));
    await vi.waitFor(() => expect(minCriteria).toHaveValue('2'));
    expect(screen.queryByText(/modifiée par quelqu’un d’autre/)).toBeNull();
    expect(screen.getByRole('button', { name: 'Enregistrer la version 5' })).toBeInTheDocument();
  });
});
