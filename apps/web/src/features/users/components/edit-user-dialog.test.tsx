import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildUser } from '../../../testing/factories';
import { jsonResponse, problemResponse, renderWithProviders } from '../../../testing/render';
import { buildUserPatch, EditUserDialog } from './edit-user-dialog';

const fetchMock = vi.fn<typeof fetch>();
const ROUBAIX = { value: '019ac1f2-7b3e-7c41-9a55-2f1e8d0c4b7b', label: 'Roubaix' };

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});

afterEach(() => vi.unstubAllGlobals());

describe('buildUserPatch', () => {
  it('sends only what changed, with the version the form was loaded at', () => {
    const user = buildUser({ version: 7 });
    const patch = buildUserPatch(user, {
      displayName: 'Sami Benali ',
      role: user.role,
      locale: user.locale,
      isActive: false,
      fabriqueIds: [ROUBAIX.value],
      password: '',
    });
    expect(patch).toEqual({ version: 7, isActive: false });
  });
});

describe('EditUserDialog', () => {
  it('on a stale version keeps what was typed, then reloads the latest version on request', async () => {
    const user = buildUser({ version: 3 });
    const latest = buildUser({ version: 4, displayName: 'Sami B.' });
    fetchMock
      .mockResolvedValueOnce(problemResponse(409, { code: 'stale_version' }))
      .mockResolvedValueOnce(jsonResponse(latest));
    renderWithProviders(<EditUserDialog user={user} onClose={vi.fn()} fabriqueOptions={[ROUBAIX]} />);
    const dialog = screen.getByRole('dialog');
    const actor = userEvent.setup({ delay: null });
    const nameInput = within(dialog).getByLabelText(/Nom affiché/);

    await actor.clear(nameInput);
    await actor.paste('Sami Benali-Durand');
    await actor.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));

    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('modifié par quelqu’un d’autre');
    expect(nameInput).toHaveValue('Sami Benali-Durand');
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe(`/api/v1/users/${user.id}`);
    expect(JSON.parse(String(init?.body))).toEqual({ version: 3, displayName: 'Sami Benali-Durand' });

    await actor.click(within(alert).getByRole('button', { name: 'Recharger la dernière version' }));

    await vi.waitFor(() => expect(nameInput).toHaveValue('Sami B.'));
    expect(within(dialog).queryByRole('alert')).toBeNull();
  });
});
