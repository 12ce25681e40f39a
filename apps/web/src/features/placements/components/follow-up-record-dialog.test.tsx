import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '../../../testing/render';
import type { FollowUpItem } from '../api/get-follow-ups';
import type { PlacementItem } from '../api/get-placements';
import { choiceToValue, FollowUpRecordDialog, valueToChoice } from './follow-up-record-dialog';
import { buildPlacementBody, EMPTY_PLACEMENT_DRAFT, initialFollowUpChoice } from './placement-draft';

const CANDIDACY = '019ac1f2-7b3e-7c41-9a55-2f1e8d0c4b7a';
const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => vi.unstubAllGlobals());

function buildFollowUp(overrides: Partial<FollowUpItem> = {}): FollowUpItem {
  return {
    id: '019ac1f2-7b3e-7c41-9a55-2f1e8d0c4b70',
    candidacyId: CANDIDACY,
    fabriqueId: '019ac1f2-7b3e-7c41-9a55-2f1e8d0c4b71',
    learner: { firstName: 'Inès', lastName: 'Martin' },
    session: { id: '019ac1f2-7b3e-7c41-9a55-2f1e8d0c4b72', name: 'Promo printemps', endDate: '2026-06-30' },
    milestone: 'month_6',
    dueOn: '2026-12-30',
    status: 'due',
    situation: null,
    placementId: null,
    comment: null,
    recordedBy: null,
    recordedAt: null,
    version: 3,
    ...overrides,
  };
}

function buildPlacement(overrides: Partial<PlacementItem> = {}): PlacementItem {
  return {
    id: '019ac1f2-7b3e-7c41-9a55-2f1e8d0c4b80',
    candidacyId: CANDIDACY,
    fabriqueId: '019ac1f2-7b3e-7c41-9a55-2f1e8d0c4b71',
    sessionId: '019ac1f2-7b3e-7c41-9a55-2f1e8d0c4b72',
    learner: { firstName: 'Inès', lastName: 'Martin' },
    kind: 'internship',
    partnerId: null,
    partnerName: null,
    employerName: 'Octo',
    jobTitle: 'Développeuse',
    startDate: '2026-09-01',
    endDate: '2027-02-28',
    durationMonths: 6,
    hasHiringPromise: true,
    isQualifyingTraining: null,
    previousPlacementId: null,
    version: 1,
    createdAt: '2026-09-01T10:00:00.000Z',
    updatedAt: '2026-09-01T10:00:00.000Z',
    ...overrides,
  };
}

/** Answers the dialog's GETs (placements, partners) and echoes writes. */
function answer(placements: PlacementItem[]) {
  fetchMock.mockImplementation(async (input, init) => {
    const url = String(input);
    if (!init?.method || init.method === 'GET') {
      if (url.startsWith('/api/v1/placements?')) return jsonResponse({ data: placements, nextCursor: null });
      if (url.startsWith('/api/v1/partners')) return jsonResponse({ data: [], nextCursor: null });
    }
    if (init?.method === 'POST')
      return jsonResponse(buildPlacement({ id: '019ac1f2-7b3e-7c41-9a55-2f1e8d0c4b99', kind: 'cdi' }), {
        status: 201,
      });
    return jsonResponse(buildFollowUp({ status: 'recorded' }));
  });
}

function writes() {
  return fetchMock.mock.calls
    .filter(([, init]) => init?.method === 'POST' || init?.method === 'PATCH')
    .map(([url, init]) => ({ url: String(url), method: init?.method, body: JSON.parse(String(init?.body)) }));
}

describe('follow-up choices', () => {
  it('opens on the placement held at the due date when there is exactly one', () => {
    const held = buildPlacement();
    const ended = buildPlacement({ id: 'b', startDate: '2026-01-01', endDate: '2026-03-01' });
    expect(initialFollowUpChoice([held, ended], '2026-12-30')).toEqual({
      kind: 'placement',
      placementId: held.id,
    });
    expect(initialFollowUpChoice([ended], '2026-12-30')).toEqual({ kind: 'none' });
    expect(initialFollowUpChoice([held, buildPlacement({ id: 'c', endDate: null })], '2026-12-30')).toEqual({
      kind: 'none',
    });
  });

  it('round-trips choices through the radio values', () => {
    for (const choice of [
      { kind: 'placement', placementId: 'p1' },
      { kind: 'new_placement' },
      { kind: 'situation', situation: 'inactive' },
    ] as const) {
      expect(valueToChoice(choiceToValue(choice))).toEqual(choice);
    }
    expect(valueToChoice('situation:cdi')).toEqual({ kind: 'none' });
  });

  it('builds a placement body with the kind’s own fields only, and says what is missing', () => {
    const missing = buildPlacementBody(CANDIDACY, {
      ...EMPTY_PLACEMENT_DRAFT,
      kind: 'cdd',
      startDate: '2026-09-01',
    });
    expect(missing).toEqual({
      ok: false,
      errors: { durationMonths: 'placement.duration_required', partnerId: 'placement.employer_required' },
    });
    const freelance = buildPlacementBody(CANDIDACY, {
      ...EMPTY_PLACEMENT_DRAFT,
      kind: 'freelance',
      startDate: '2026-09-01',
      durationMonths: '6',
      hasHiringPromise: true,
      employerName: 'ignored',
    });
    expect(freelance).toMatchObject({
      ok: true,
      body: { kind: 'freelance', durationMonths: null, hasHiringPromise: false, employerName: null },
    });
  });
});

describe('FollowUpRecordDialog', () => {
  it('records the placement held then, preselected', async () => {
    const placement = buildPlacement();
    answer([placement]);
    const onClose = vi.fn();
    renderWithProviders(<FollowUpRecordDialog followUp={buildFollowUp()} onClose={onClose} />);
    const dialog = await screen.findByRole('dialog');
    const radio = await within(dialog).findByRole('radio', { name: /Stage — Octo/ });
    await vi.waitFor(() => expect(radio).toBeChecked());
    await userEvent
      .setup({ delay: null })
      .click(within(dialog).getByRole('button', { name: 'Enregistrer le suivi' }));
    await vi.waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(writes()).toEqual([
      {
        url: '/api/v1/placements/follow-ups/019ac1f2-7b3e-7c41-9a55-2f1e8d0c4b70',
        method: 'PATCH',
        body: { placementId: placement.id, situationKind: null, comment: null, version: 3 },
      },
    ]);
  });

  it('records job seeking without a placement, and asks for a choice first', async () => {
    answer([]);
    const onClose = vi.fn();
    renderWithProviders(<FollowUpRecordDialog followUp={buildFollowUp()} onClose={onClose} />);
    const dialog = await screen.findByRole('dialog');
    const actor = userEvent.setup({ delay: null });
    await actor.click(within(dialog).getByRole('button', { name: 'Enregistrer le suivi' }));
    expect(await within(dialog).findByText('Choisissez une situation.')).toBeInTheDocument();
    expect(writes()).toEqual([]);
    await actor.click(within(dialog).getByRole('radio', { name: 'En recherche d’emploi' }));
    await actor.click(within(dialog).getByRole('button', { name: 'Enregistrer le suivi' }));
    await vi.waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(writes()[0]?.body).toEqual({
      placementId: null,
      situationKind: 'job_seeking',
      comment: null,
      version: 3,
    });
  });

  it('creates a new placement inline, then records it', async () => {
    answer([]);
    const onClose = vi.fn();
    renderWithProviders(<FollowUpRecordDialog followUp={buildFollowUp()} onClose={onClose} />);
    const dialog = await screen.findByRole('dialog');
    const actor = userEvent.setup({ delay: null });
    await actor.click(within(dialog).getByRole('radio', { name: /nouvelle sortie/ }));
    await actor.selectOptions(within(dialog).getByLabelText(/Type de sortie/), 'cdi');
    await actor.type(within(dialog).getByLabelText(/Employeur \(hors partenaires\)/), 'Leroy Merlin');
    await actor.click(within(dialog).getByRole('button', { name: 'Enregistrer le suivi' }));
    await vi.waitFor(() => expect(onClose).toHaveBeenCalled());
    const [create, record] = writes();
    expect(create).toMatchObject({
      url: '/api/v1/placements',
      method: 'POST',
      body: { candidacyId: CANDIDACY, kind: 'cdi', employerName: 'Leroy Merlin', startDate: '2026-12-30' },
    });
    expect(record?.body).toMatchObject({
      placementId: '019ac1f2-7b3e-7c41-9a55-2f1e8d0c4b99',
      situationKind: null,
    });
  });
});
