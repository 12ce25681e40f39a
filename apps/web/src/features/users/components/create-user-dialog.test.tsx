import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildUser } from '../../../testing/factories';
import { jsonResponse, problemResponse, renderWithProviders } from '../../../testing/render';
import { CreateUserDialog } from './create-user-dialog';

const fetchMock = vi.fn<typeof fetch>();
const ROUBAIX = { value: '019ac1f2-7b3e-7c41-9a55-2f1e8d0c4b7b', label: 'Roubaix' };

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});

afterEach(() => vi.unstubAllGlobals());

function renderDialog() {
  const onClose = vi.fn();
  renderWithProviders(<CreateUserDialog opened onClose={onClose} fabriqueOptions={[ROUBAIX]} />);
  return { onClose, dialog: screen.getByRole('dialog') };
}

async function fillIdentity(dialog: HTMLElement) {
  const user = userEvent.setup({ delay: null });
  // Pasting keeps the test fast: Mantine re-renders the whole form on every keystroke in jsdom.
  await user.click(within(dialog).getByLabelText(/Nom affiché/));
  await user.paste('Inès Leroy');
  await user.click(within(dialog).getByLabelText(/Adresse e-mail/));
  await user.paste('ines.leroy@demo.test');
  await user.click(within(dialog).getByLabelText(/^Mot de passe/));
  await user.paste('un mot de passe solide');
  return user;
}

describe('CreateUserDialog', () => {
  it('requires a fabrique for a coordinator, in French, before calling the API', async () => {
    const { dialog } = renderDialog();
    const user = await fillIdentity(dialog);

    await user.click(within(dialog).getByRole('button', { name: 'Créer l’utilisateur' }));

    expect(
      await within(dialog).findByText('Choisissez au moins une fabrique pour ce rôle.'),
    ).toBeInTheDocument();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('refuses a short password with the minimum length', async () => {
    const { dialog } = renderDialog();
    const user = userEvent.setup({ delay: null });
    await user.click(within(dialog).getByLabelText(/^Mot de passe/));
    await user.paste('court');
    await user.click(within(dialog).getByRole('button', { name: 'Créer l’utilisateur' }));
    expect(await within(dialog).findByText('Au moins 12 caractères.')).toBeInTheDocument();
  });

  it('creates the user and closes', async () => {
    fetchMock.mockResolvedValueOnce(jsonResponse(buildUser({ displayName: 'Inès Leroy' }), { status: 201 }));
    const { dialog, onClose } = renderDialog();
    const user = await fillIdentity(dialog);
    await user.click(within(dialog).getByRole('combobox', { name: /^Fabriques/ }));
    await user.click(await screen.findByRole('option', { name: 'Roubaix' }));

    await user.click(within(dialog).getByRole('button', { name: 'Créer l’utilisateur' }));

    await vi.waitFor(() => expect(onClose).toHaveBeenCalled());
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe('/api/v1/users');
    expect(JSON.parse(String(init?.body))).toEqual({
      email: 'ines.leroy@demo.test',
      displayName: 'Inès Leroy',
      role: 'coordinator',
      password: 'un mot de passe solide',
      locale: 'fr',
      fabriqueIds: [ROUBAIX.value],
    });
  });

  it('keeps what was typed and flags the e-mail when it is already used', async () => {
    fetchMock.mockResolvedValueOnce(problemResponse(409, { code: 'duplicate' }));
    const { dialog, onClose } = renderDialog();
    const user = await fillIdentity(dialog);
    await user.click(within(dialog).getByRole('combobox', { name: /^Rôle/ }));
    await user.click(await screen.findByRole('option', { name: 'Consultation' }));

    await user.click(within(dialog).getByRole('button', { name: 'Créer l’utilisateur' }));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'Un compte utilise déjà cette adresse e-mail.',
    );
    expect(within(dialog).getByLabelText(/Adresse e-mail/)).toHaveValue('ines.leroy@demo.test');
    expect(within(dialog).getByLabelText(/Nom affiché/)).toHaveValue('Inès Leroy');
    expect(onClose).not.toHaveBeenCalled();
  });
});
