import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getSession, setSession } from '../../../lib/api-client';
import { buildLoginResponse } from '../../../testing/factories';
import { jsonResponse, problemResponse, renderWithProviders } from '../../../testing/render';
import { SignInForm } from './sign-in-form';

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});

afterEach(() => {
  vi.unstubAllGlobals();
  setSession(null);
});

async function fillAndSubmit(email: string, password: string) {
  const user = userEvent.setup({ delay: null });
  if (email) await user.type(screen.getByLabelText(/Adresse e-mail/), email);
  if (password) await user.type(screen.getByLabelText(/Mot de passe/), password);
  await user.click(screen.getByRole('button', { name: 'Se connecter' }));
}

describe('SignInForm', () => {
  it('asks for both fields before calling the API', async () => {
    renderWithProviders(<SignInForm onSignedIn={vi.fn()} />);
    await fillAndSubmit('', '');
    expect(await screen.findAllByText('Ce champ est obligatoire.')).toHaveLength(2);
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('signs in and hands the user over', async () => {
    const onSignedIn = vi.fn();
    const response = buildLoginResponse();
    fetchMock.mockResolvedValueOnce(jsonResponse(response));
    renderWithProviders(<SignInForm onSignedIn={onSignedIn} />);

    await fillAndSubmit('coordination.roubaix@demo.test', 'passerelle-demo');

    await vi.waitFor(() => expect(onSignedIn).toHaveBeenCalledWith(response.user));
    expect(getSession()?.accessToken).toBe(response.accessToken);
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe('/api/v1/auth/login');
    expect(JSON.parse(String(init?.body))).toEqual({
      email: 'coordination.roubaix@demo.test',
      password: 'passerelle-demo',
    });
  });

  it('says only "wrong e-mail or password" on a 401, without trying to refresh', async () => {
    fetchMock.mockResolvedValueOnce(problemResponse(401, { code: 'invalid_credentials' }));
    renderWithProviders(<SignInForm onSignedIn={vi.fn()} />);

    await fillAndSubmit('coordination.roubaix@demo.test', 'wrong-password');

    expect(await screen.findByRole('alert')).toHaveTextContent('E-mail ou mot de passe incorrect.');
    expect(fetchMock).toHaveBeenCalledOnce();
    expect(screen.getByLabelText(/Mot de passe/)).toHaveValue('');
  });

  it('tells how long to wait when rate-limited', async () => {
    fetchMock.mockResolvedValueOnce(problemResponse(429, { code: 'rate_limited' }, { 'retry-after': '42' }));
    renderWithProviders(<SignInForm onSignedIn={vi.fn()} />);

    await fillAndSubmit('coordination.roubaix@demo.test', 'passerelle-demo');

    expect(await screen.findByRole('alert')).toHaveTextContent('Patientez 42 secondes');
  });

  it('puts server validation errors on the matching field', async () => {
    fetchMock.mockResolvedValueOnce(
      problemResponse(400, {
        code: 'validation_failed',
        errors: [{ path: 'body.email', message: 'too long' }],
      }),
    );
    renderWithProviders(<SignInForm onSignedIn={vi.fn()} />);

    await fillAndSubmit('x@demo.test', 'passerelle-demo');

    expect(await screen.findByText('too long')).toBeInTheDocument();
    expect(screen.getByLabelText(/Adresse e-mail/)).toHaveAttribute('aria-invalid', 'true');
  });
});
