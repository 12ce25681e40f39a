import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildLoginResponse } from '../testing/factories';
import { jsonResponse, problemResponse } from '../testing/render';
import {
  ApiError,
  apiRequest,
  getSession,
  refreshSession,
  setSession,
  setSessionExpiredHandler,
} from './api-client';

const fetchMock = vi.fn<typeof fetch>();

function urlOf(call: Parameters<typeof fetch>) {
  return String(call[0]);
}

function authorizationOf(call: Parameters<typeof fetch>) {
  return new Headers(call[1]?.headers).get('authorization');
}

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
  setSession(buildLoginResponse({ accessToken: 'expired-token' }));
});

afterEach(() => {
  vi.unstubAllGlobals();
  setSessionExpiredHandler(null);
  setSession(null);
});

describe('apiRequest', () => {
  it('sends the access token and returns the JSON body', async () => {
    fetchMock.mockResolvedValueOnce(jsonResponse({ ok: true }));
    await expect(apiRequest('/me')).resolves.toEqual({ ok: true });
    const call = fetchMock.mock.calls[0];
    expect(call && urlOf(call)).toBe('/api/v1/me');
    expect(call && authorizationOf(call)).toBe('Bearer expired-token');
  });

  it('drops empty query values from the URL', async () => {
    fetchMock.mockResolvedValueOnce(jsonResponse({ data: [], nextCursor: null }));
    await apiRequest('/users', { query: { limit: 50, cursor: undefined, role: 'admin', q: '' } });
    const call = fetchMock.mock.calls[0];
    expect(call && urlOf(call)).toBe('/api/v1/users?limit=50&role=admin');
  });

  it('on a 401 refreshes once, then retries with the new token', async () => {
    fetchMock
      .mockResolvedValueOnce(problemResponse(401, { code: 'invalid_token' }))
      .mockResolvedValueOnce(jsonResponse(buildLoginResponse({ accessToken: 'fresh-token' })))
      .mockResolvedValueOnce(jsonResponse({ id: 'me' }));

    await expect(apiRequest('/me')).resolves.toEqual({ id: 'me' });

    const urls = fetchMock.mock.calls.map(urlOf);
    expect(urls).toEqual(['/api/v1/me', '/api/v1/auth/refresh', '/api/v1/me']);
    const refreshCall = fetchMock.mock.calls[1];
    expect(refreshCall?.[1]).toMatchObject({ method: 'POST', credentials: 'same-origin' });
    const retry = fetchMock.mock.calls[2];
    expect(retry && authorizationOf(retry)).toBe('Bearer fresh-token');
    expect(getSession()?.accessToken).toBe('fresh-token');
  });

  it('shares one refresh between concurrent 401s', async () => {
    let releaseRefresh: (response: Response) => void = () => {};
    fetchMock.mockImplementation((input, init) => {
      const url = String(input);
      if (url.endsWith('/auth/refresh')) {
        return new Promise<Response>((resolve) => {
          releaseRefresh = resolve;
        });
      }
      const authorization = new Headers(init?.headers).get('authorization');
      return Promise.resolve(
        authorization === 'Bearer fresh-token'
          ? jsonResponse({ url })
          : problemResponse(401, { code: 'invalid_token' }),
      );
    });

    const calls = Promise.all([apiRequest('/users'), apiRequest('/fabriques'), apiRequest('/me')]);
    await vi.waitFor(() =>
      expect(fetchMock.mock.calls.some((call) => urlOf(call).endsWith('/auth/refresh'))).toBe(true),
    );
    // Let the three 401s arrive before the refresh answers.
    await new Promise((resolve) => setTimeout(resolve, 10));
    releaseRefresh(jsonResponse(buildLoginResponse({ accessToken: 'fresh-token' })));

    await expect(calls).resolves.toEqual([
      { url: '/api/v1/users' },
      { url: '/api/v1/fabriques' },
      { url: '/api/v1/me' },
    ]);
    const refreshes = fetchMock.mock.calls.filter((call) => urlOf(call).endsWith('/auth/refresh'));
    expect(refreshes).toHaveLength(1);
  });

  it('when the refresh fails, clears the session, reports the expiry and throws the 401', async () => {
    const onExpired = vi.fn();
    setSessionExpiredHandler(onExpired);
    fetchMock
      .mockResolvedValueOnce(problemResponse(401, { code: 'invalid_token' }))
      .mockResolvedValueOnce(problemResponse(401, { code: 'invalid_token' }));

    const error = await apiRequest('/me').catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(401);
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(getSession()).toBeNull();
    expect(onExpired).toHaveBeenCalledOnce();
  });

  it('does not refresh on a 401 from sign-in itself', async () => {
    fetchMock.mockResolvedValueOnce(problemResponse(401, { code: 'invalid_credentials' }));
    await expect(
      apiRequest('/auth/login', { method: 'POST', body: {}, retryOnUnauthorized: false }),
    ).rejects.toMatchObject({ status: 401, code: 'invalid_credentials' });
    expect(fetchMock).toHaveBeenCalledOnce();
  });

  it('exposes problem details, body field errors and Retry-After', async () => {
    fetchMock.mockResolvedValueOnce(
      problemResponse(
        400,
        {
          code: 'validation_failed',
          errors: [
            { path: 'body.email', message: 'invalid_email' },
            { path: 'query.limit', message: 'too big' },
          ],
        },
        { 'retry-after': '30' },
      ),
    );
    const error = (await apiRequest('/users', { method: 'POST', body: {} }).catch(
      (caught: unknown) => caught,
    )) as ApiError;
    expect(error.code).toBe('validation_failed');
    expect(error.bodyFieldErrors).toEqual({ email: 'invalid_email' });
    expect(error.retryAfterSeconds).toBe(30);
  });

  it('turns a network failure into an ApiError with status 0', async () => {
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    await expect(apiRequest('/me')).rejects.toMatchObject({ status: 0 });
  });
});

describe('refreshSession', () => {
  it('restores the session from the refresh cookie', async () => {
    setSession(null);
    fetchMock.mockResolvedValueOnce(jsonResponse(buildLoginResponse({ accessToken: 'restored' })));
    await expect(refreshSession()).resolves.toBe(true);
    expect(getSession()?.user.displayName).toBe('Camille Martin');
  });

  it('answers false without a valid cookie', async () => {
    fetchMock.mockResolvedValueOnce(problemResponse(401));
    await expect(refreshSession()).resolves.toBe(false);
    expect(getSession()).toBeNull();
  });
});
