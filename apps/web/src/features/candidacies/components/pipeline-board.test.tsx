import type { CandidacyListItem } from '@passerelle/domain/candidacy/candidacy-pipeline.schema';
import { createEvent, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, problemResponse } from '../../../testing/render';
import { renderAtRoute } from '../../../testing/render-route';
import { PipelineBoard } from './pipeline-board';

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => vi.unstubAllGlobals());

function buildCandidacy(
  overrides: Partial<CandidacyListItem> & { id: string; name: string },
): CandidacyListItem {
  const [firstName = '', lastName = ''] = overrides.name.split(' ');
  return {
    sessionId: '019ac1f2-7b3e-7c41-9a55-2f1e8d0c4b70',
    candidateId: '019ac1f2-7b3e-7c41-9a55-2f1e8d0c4b71',
    fabriqueId: '019ac1f2-7b3e-7c41-9a55-2f1e8d0c4b72',
    stage: 'interview',
    applicationDate: '2026-11-02',
    submittedAt: '2026-11-02T09:00:00.000Z',
    stageChangedAt: '2026-11-10T09:00:00.000Z',
    source: 'website',
    eligibilityStatus: 'eligible',
    eligibilityDecisionStatus: null,
    criteriaMet: ['young'],
    isFlaggedEnrolledElsewhere: false,
    version: 3,
    candidate: { id: '019ac1f2-7b3e-7c41-9a55-2f1e8d0c4b73', firstName, lastName, email: null, phone: null },
    session: { id: '019ac1f2-7b3e-7c41-9a55-2f1e8d0c4b70', name: 'Promo hiver 2027' },
    ...overrides,
  };
}

const LEA = buildCandidacy({ id: '019ac1f2-7b3e-7c41-9a55-2f1e8d0c4b01', name: 'Léa Lefebvre' });
const YANIS = buildCandidacy({
  id: '019ac1f2-7b3e-7c41-9a55-2f1e8d0c4b02',
  name: 'Yanis Benali',
  stage: 'submitted',
});

async function renderBoard(onMoved = vi.fn(), canMove = true) {
  const Board = () => (
    <PipelineBoard candidacies={[LEA, YANIS]} canMove={canMove} onMoved={onMoved} onReload={vi.fn()} />
  );
  await renderAtRoute({ path: '/sessions/x', url: '/sessions/x', component: Board });
  return { onMoved };
}

function column(stage: string): HTMLElement {
  const element = document.querySelector<HTMLElement>(`section[data-stage="${stage}"]`);
  if (!element) throw new Error(`no column ${stage}`);
  return element;
}

/** jsdom has no DataTransfer: a minimal one carries the dragged id from dragstart to drop. */
function dragAndDrop(card: HTMLElement, target: HTMLElement) {
  const store = new Map<string, string>();
  const dataTransfer = {
    setData: (type: string, value: string) => store.set(type, value),
    getData: (type: string) => store.get(type) ?? '',
    effectAllowed: 'all',
    dropEffect: 'none',
  };
  for (const [element, type] of [
    [card, 'dragStart'],
    [target, 'dragOver'],
    [target, 'drop'],
  ] as const) {
    const event = createEvent[type](element);
    Object.defineProperty(event, 'dataTransfer', { value: dataTransfer });
    fireEvent(element, event);
  }
}

describe('PipelineBoard', () => {
  it('moves a card with the keyboard through its "move to" menu, and announces it', async () => {
    fetchMock.mockResolvedValueOnce(jsonResponse({ ...LEA, stage: 'admitted', version: 4 }));
    const { onMoved } = await renderBoard();
    const actor = userEvent.setup({ delay: null });

    const moveButton = await screen.findByRole('button', { name: 'Déplacer Léa Lefebvre' });
    moveButton.focus();
    await actor.keyboard('{Enter}');
    const menu = await screen.findByRole('menu');
    // Only the moves the stage machine allows from "interview" are offered.
    expect(
      within(menu)
        .getAllByRole('menuitem')
        .map((item) => item.textContent),
    ).toEqual(['Liste d’attente', 'Admise', 'Refusée', 'Désistement']);
    await actor.click(within(menu).getByRole('menuitem', { name: 'Admise' }));

    await vi.waitFor(() => expect(onMoved).toHaveBeenCalled());
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe(`/api/v1/candidacies/${LEA.id}/transitions`);
    expect(init?.method).toBe('POST');
    expect(JSON.parse(String(init?.body))).toEqual({ to: 'admitted', version: 3 });
    expect(screen.getByRole('status')).toHaveTextContent('Léa Lefebvre est passé·e à l’étape « Admise ».');
  });

  it('refuses an illegal drop with the reason the API gives, and puts the card back', async () => {
    fetchMock.mockResolvedValueOnce(
      problemResponse(409, { code: 'conflict', detail: 'ce changement d’étape n’est pas permis' }),
    );
    const { onMoved } = await renderBoard();
    const card = await within(column('interview')).findByText('Léa Lefebvre');

    dragAndDrop(card.closest<HTMLElement>('[data-candidacy-id]') ?? card, column('submitted'));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'Léa Lefebvre n’a pas été déplacé·e : ce changement d’étape n’est pas permis',
    );
    expect(JSON.parse(String(fetchMock.mock.calls[0]?.[1]?.body))).toEqual({ to: 'submitted', version: 3 });
    await vi.waitFor(() => expect(within(column('interview')).getByText('Léa Lefebvre')).toBeInTheDocument());
    expect(onMoved).not.toHaveBeenCalled();
  });

  it('asks for a reason before a drop into "rejected", then sends it', async () => {
    fetchMock.mockResolvedValueOnce(jsonResponse({ ...YANIS, stage: 'rejected', version: 4 }));
    await renderBoard();
    const card = await within(column('submitted')).findByText('Yanis Benali');
    dragAndDrop(card.closest<HTMLElement>('[data-candidacy-id]') ?? card, column('rejected'));

    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveAccessibleName('Passer à l’étape « Refusée »');
    const actor = userEvent.setup({ delay: null });
    await actor.click(within(dialog).getByRole('button', { name: 'Passer en « Refusée »' }));
    expect(within(dialog).getByText('Choisissez un motif.')).toBeInTheDocument();
    expect(fetchMock).not.toHaveBeenCalled();

    await actor.selectOptions(within(dialog).getByLabelText(/Motif du refus/), 'unreachable');
    await actor.click(within(dialog).getByRole('button', { name: 'Passer en « Refusée »' }));
    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalled());
    expect(JSON.parse(String(fetchMock.mock.calls[0]?.[1]?.body))).toMatchObject({
      to: 'rejected',
      version: 3,
      rejection: { reason: 'unreachable', isSharedWithCandidate: false },
    });
  });

  it('offers a trainer no move at all: no menu, no drag, and a drop changes nothing', async () => {
    const { onMoved } = await renderBoard(vi.fn(), false);
    const card = await within(column('interview')).findByText('Léa Lefebvre');
    expect(screen.getByText(/Vue en lecture/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Déplacer/ })).toBeNull();
    const paper = card.closest<HTMLElement>('[data-candidacy-id]');
    expect(paper).toHaveAttribute('draggable', 'false');

    dragAndDrop(paper ?? card, column('admitted'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fetchMock).not.toHaveBeenCalled();
    expect(within(column('interview')).getByText('Léa Lefebvre')).toBeInTheDocument();
    expect(onMoved).not.toHaveBeenCalled();
  });
});
