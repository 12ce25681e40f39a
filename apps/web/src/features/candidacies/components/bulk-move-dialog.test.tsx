import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, problemResponse, renderWithProviders } from '../../../testing/render';
import { BulkMoveDialog } from './bulk-move-dialog';

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => vi.unstubAllGlobals());

const SELECTED = [
  { id: '019ac1f2-7b3e-7c41-9a55-2f1e8d0c4b01', name: 'Léa Lefebvre' },
  { id: '019ac1f2-7b3e-7c41-9a55-2f1e8d0c4b02', name: 'Yanis Benali' },
  { id: '019ac1f2-7b3e-7c41-9a55-2f1e8d0c4b03', name: 'Inès Martin' },
] as const;

function renderDialog() {
  const onClose = vi.fn();
  const onDone = vi.fn();
  renderWithProviders(
    <BulkMoveDialog opened candidacies={[...SELECTED]} onClose={onClose} onDone={onDone} />,
  );
  return { onClose, onDone, actor: userEvent.setup({ delay: null }), dialog: screen.getByRole('dialog') };
}

describe('BulkMoveDialog', { timeout: 30_000 }, () => {
  it('requires a rejection reason, then shows the outcome of each candidacy by name', async () => {
    fetchMock.mockResolvedValueOnce(
      jsonResponse({
        results: [
          { id: SELECTED[0].id, status: 'moved', version: 5 },
          {
            id: SELECTED[1].id,
            status: 'refused',
            problem: { code: 'conflict', detail: 'la candidature est à une étape finale' },
          },
          { id: SELECTED[2].id, status: 'moved', version: 2 },
        ],
      }),
    );
    const { actor, dialog, onDone, onClose } = renderDialog();
    expect(dialog).toHaveAccessibleName('Changer l’étape de 3 candidatures');

    await actor.selectOptions(within(dialog).getByLabelText(/Nouvelle étape|Étape/), 'rejected');
    const confirm = within(dialog).getByRole('button', { name: 'Appliquer aux 3 candidatures' });
    await actor.click(confirm);
    expect(within(dialog).getByText('Choisissez un motif.')).toBeInTheDocument();
    expect(fetchMock).not.toHaveBeenCalled();

    // "Other" needs a comment as well.
    await actor.selectOptions(within(dialog).getByLabelText(/Motif du refus/), 'other');
    await actor.click(confirm);
    expect(fetchMock).not.toHaveBeenCalled();
    await actor.type(within(dialog).getByLabelText(/Commentaire/), 'Session complète');
    await actor.click(confirm);

    await within(dialog).findByText('Changement d’étape terminé');
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe('/api/v1/candidacies/bulk-transitions');
    expect(JSON.parse(String(init?.body))).toMatchObject({
      to: 'rejected',
      ids: SELECTED.map((candidacy) => candidacy.id),
      rejection: { reason: 'other', comment: 'Session complète' },
    });
    expect(within(dialog).getByText('2 déplacée(s), 1 refusée(s).')).toBeInTheDocument();
    const results = within(
      within(dialog).getByRole('list', { name: 'Résultat par candidature' }),
    ).getAllByRole('listitem');
    expect(results.map((item) => item.textContent)).toEqual([
      'DéplacéeLéa Lefebvre',
      'RefuséeYanis Benalila candidature est à une étape finale',
      'DéplacéeInès Martin',
    ]);

    const [closeButton] = within(dialog).getAllByRole('button', { name: 'Fermer' }).slice(-1);
    await actor.click(closeButton ?? dialog);
    expect(onDone).toHaveBeenCalled();
    expect(onClose).toHaveBeenCalled();
  });

  it('keeps the choice when the whole request fails, and says why', async () => {
    fetchMock.mockResolvedValueOnce(problemResponse(403, { code: 'forbidden' }));
    const { actor, dialog, onDone } = renderDialog();
    await actor.selectOptions(within(dialog).getByLabelText(/Nouvelle étape|Étape/), 'interview');
    await actor.click(within(dialog).getByRole('button', { name: 'Appliquer aux 3 candidatures' }));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'Vous n’avez pas les droits nécessaires pour cette action.',
    );
    expect(within(dialog).getByLabelText(/Nouvelle étape|Étape/)).toHaveValue('interview');
    expect(onDone).not.toHaveBeenCalled();
  });
});
