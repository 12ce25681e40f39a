import type { Session } from '@passerelle/domain/session/session.schema';
import { fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, problemResponse, renderWithProviders } from '../../../testing/render';
import { buildSessionPatch, sessionValuesFrom } from '../model/session-form';
import { SessionForm } from './session-form';

const fetchMock = vi.fn<typeof fetch>();
const ROUBAIX = '019ac1f2-7b3e-7c41-9a55-2f1e8d0c4b7b';

function buildSession(overrides: Partial<Session> = {}): Session {
  return {
    id: '019ac1f2-7b3e-7c41-9a55-2f1e8d0c4b7c',
    fabriqueId: ROUBAIX,
    programId: '019ac1f2-7b3e-7c41-9a55-2f1e8d0c4b7d',
    name: 'Promo hiver 2027',
    status: 'draft',
    applicationOpensOn: '2027-01-04',
    applicationClosesOn: '2027-02-05',
    startDate: '2027-03-01',
    endDate: '2027-07-02',
    capacity: 12,
    trainerIds: [],
    eligibilityPolicyId: '019ac1f2-7b3e-7c41-9a55-2f1e8d0c4b7e',
    targets: [{ criterion: 'woman', minShare: 0.4 }],
    autoCloseAfterDays: 30,
    version: 3,
    createdAt: '2026-11-01T09:00:00.000Z',
    updatedAt: '2026-11-01T09:00:00.000Z',
    ...overrides,
  };
}

/** Answers the form's look-ups (programs, policies, trainers) and hands the rest to `write`. */
function routeFetch(write: (url: string, init?: RequestInit) => Response) {
  fetchMock.mockImplementation(async (input, init) => {
    const url = String(input);
    if (url.startsWith('/api/v1/programs')) return jsonResponse({ data: [], nextCursor: null });
    if (url.startsWith('/api/v1/eligibility-policies')) return jsonResponse({ data: [], nextCursor: null });
    if (url.includes('/trainers')) return jsonResponse({ data: [] });
    return write(url, init);
  });
}

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});

afterEach(() => vi.unstubAllGlobals());

describe('buildSessionPatch', () => {
  it('sends only what changed, targets as shares, with the version the form was loaded at', () => {
    const session = buildSession();
    const values = { ...sessionValuesFrom(session), capacity: 15 as const };
    values.targets = [{ criterion: 'woman', percent: 35 }];
    expect(buildSessionPatch(session, values)).toEqual({
      version: 3,
      capacity: 15,
      targets: [{ criterion: 'woman', minShare: 0.35 }],
    });
  });
});

describe('SessionForm', () => {
  it('checks the form with the domain schema, in French, before sending anything', async () => {
    routeFetch(() => jsonResponse({}));
    const onSaved = vi.fn();
    renderWithProviders(
      <SessionForm
        fabriqueOptions={[{ value: ROUBAIX, label: 'Roubaix' }]}
        onSaved={onSaved}
        onCancel={vi.fn()}
      />,
    );
    const actor = userEvent.setup({ delay: null });
    await actor.type(screen.getByLabelText(/^Nom de la session/), 'P');
    // Date inputs take their value whole, as a date picker gives it.
    fireEvent.change(screen.getByLabelText(/^Ouverture des candidatures/), {
      target: { value: '2027-02-15' },
    });
    fireEvent.change(screen.getByLabelText(/^Clôture des candidatures/), { target: { value: '2027-02-01' } });
    await actor.type(screen.getByLabelText(/^Capacité/), '0');
    await actor.click(screen.getByRole('button', { name: 'Ajouter un objectif' }));
    await actor.click(screen.getByRole('button', { name: 'Créer la session' }));

    expect(
      await screen.findByText('Certaines informations sont à corriger : voyez les champs signalés.'),
    ).toBeVisible();
    expect(screen.getByText('Au moins 2 caractères.')).toBeVisible();
    expect(screen.getByText('La clôture des candidatures précède leur ouverture.')).toBeVisible();
    expect(screen.getByText('Au moins 1.')).toBeVisible();
    expect(screen.getByText('Une part entre 0 et 100 %.')).toBeVisible();
    expect(screen.getAllByText('Ce champ est obligatoire.').length).toBeGreaterThanOrEqual(3);
    const writes = fetchMock.mock.calls.filter(([, init]) => init?.method === 'POST');
    expect(writes).toEqual([]);
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('on a stale version keeps what was typed, then reloads the latest version on request', async () => {
    const session = buildSession();
    const latest = buildSession({ version: 4, capacity: 20, name: 'Promo hiver 2027 (bis)' });
    routeFetch((url, init) => {
      if (init?.method === 'PATCH') return problemResponse(409, { code: 'stale_version' });
      if (url === `/api/v1/sessions/${session.id}`) return jsonResponse(latest);
      return problemResponse(404);
    });
    renderWithProviders(
      <SessionForm
        session={session}
        fabriqueOptions={[{ value: ROUBAIX, label: 'Roubaix' }]}
        onSaved={vi.fn()}
        onCancel={vi.fn()}
      />,
    );
    const actor = userEvent.setup({ delay: null });
    const capacity = screen.getByLabelText(/^Capacité/);
    await actor.clear(capacity);
    await actor.type(capacity, '18');
    await actor.click(screen.getByRole('button', { name: 'Enregistrer' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Quelqu’un d’autre a modifié cette session');
    expect(capacity).toHaveValue('18');
    const patch = fetchMock.mock.calls.find(([, init]) => init?.method === 'PATCH');
    expect(JSON.parse(String(patch?.[1]?.body))).toEqual({ version: 3, capacity: 18 });

    await actor.click(screen.getByRole('button', { name: 'Recharger la dernière version' }));
    await vi.waitFor(() => expect(capacity).toHaveValue('20'));
    expect(screen.getByLabelText(/^Nom de la session/)).toHaveValue('Promo hiver 2027 (bis)');
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
