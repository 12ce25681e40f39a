import type { LoginResponse, Me } from '@passerelle/domain/auth/auth.schema';
import type { Problem } from '@passerelle/domain/shared/common.schema';
import { env } from '../config/env';

/** A failed API call, carrying the RFC 9457 problem the server answered (or one built for it). */
export class ApiError extends Error {
  readonly problem: Problem;
  /** Seconds to wait, from `Retry-After` on a 429. */
  readonly retryAfterSeconds: number | null;

  constructor(problem: Problem, retryAfterSeconds: number | null = null) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
    this.problem = problem;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  get status() {
    return this.problem.status;
  }

  get code() {
    return this.problem.code;
  }

  /** Field errors of the request body, keyed by field name (`body.email` → `email`). */
  get bodyFieldErrors(): Record<string, string> {
    const fields: Record<string, string> = {};
    for (const error of this.problem.errors ?? []) {
      if (!error.path.startsWith('body.')) continue;
      const field = error.path.slice('body.'.length);
      fields[field] ??= error.message;
    }
    return fields;
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}

export const NETWORK_ERROR_STATUS = 0;

// The session lives in memory only: the access token is never written to storage; the refresh
// token is an httpOnly cookie the browser sends to /api/v1/auth/* on its own.
export interface Session {
  accessToken: string;
  user: Me;
}

let session: Session | null = null;
const sessionListeners = new Set<() => void>();
let refreshInFlight: Promise<boolean> | null = null;
let onSessionExpired: (() => void) | null = null;

export function getSession(): Session | null {
  return session;
}

export function subscribeToSession(listener: () => void): () => void {
  sessionListeners.add(listener);
  return () => sessionListeners.delete(listener);
}

export function setSession(response: LoginResponse | null) {
  session = response ? { accessToken: response.accessToken, user: response.user } : null;
  for (const listener of sessionListeners) listener();
}

export function updateSessionUser(user: Me) {
  if (!session) return;
  session = { ...session, user };
  for (const listener of sessionListeners) listener();
}

/** Called when a call was refused and the session could not be renewed (the app sends the user to sign in). */
export function setSessionExpiredHandler(handler: (() => void) | null) {
  onSessionExpired = handler;
}

/**
 * Renews the access token with the refresh cookie. Concurrent callers share one request: the
 * server rotates the cookie on each refresh and revokes the whole family when one is reused.
 */
export function refreshSession(): Promise<boolean> {
  if (refreshInFlight) return refreshInFlight;
  const attempt = (async () => {
    try {
      const response = await fetch(`${env.apiBaseUrl}/auth/refresh`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { accept: 'application/json' },
      });
      if (!response.ok) {
        setSession(null);
        return false;
      }
      setSession((await response.json()) as LoginResponse);
      return true;
    } catch {
      setSession(null);
      return false;
    }
  })();
  refreshInFlight = attempt;
  void attempt.finally(() => {
    if (refreshInFlight === attempt) refreshInFlight = null;
  });
  return attempt;
}

type QueryValue = string | number | boolean | null | undefined;

export interface ApiRequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** Sent as JSON; a Blob (a CSV file) is sent as is, with its own type. */
  body?: unknown;
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
  /** Extra request headers, e.g. `Idempotency-Key`. */
  headers?: Record<string, string>;
  /** Renew the session and retry once on a 401 (off for the auth endpoints themselves). */
  retryOnUnauthorized?: boolean;
  /** `blob` asks for another representation (the `accept` header says which, e.g. text/csv) as a file. */
  responseType?: 'json' | 'blob';
}

function buildUrl(path: string, query: ApiRequestOptions['query']) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const queryString = search.toString();
  return `${env.apiBaseUrl}${path}${queryString ? `?${queryString}` : ''}`;
}

function parseRetryAfter(header: string | null): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

async function toApiError(response: Response): Promise<ApiError> {
  const retryAfter = parseRetryAfter(response.headers.get('retry-after'));
  const fallback: Problem = {
    type: 'about:blank',
    title: response.statusText || 'Error',
    status: response.status,
  };
  const contentType = response.headers.get('content-type') ?? '';
  if (!contentType.includes('json')) return new ApiError(fallback, retryAfter);
  try {
    const body = (await response.json()) as Partial<Problem>;
    return new ApiError({ ...fallback, ...body, status: body.status ?? response.status }, retryAfter);
  } catch {
    return new ApiError(fallback, retryAfter);
  }
}

/** The one way the app talks to `/api/v1`. Throws `ApiError` for any non-2xx answer or network failure. */
export async function apiRequest<T>(path: string, options: ApiRequestOptions = {}): Promise<T> {
  const { method = 'GET', body, query, signal, retryOnUnauthorized = true } = options;
  const extraHeaders = options.headers ?? {};
  const url = buildUrl(path, query);

  const send = async (accessToken: string | undefined) => {
    const headers: Record<string, string> = { accept: 'application/json', ...extraHeaders };
    const isRawBody = body instanceof Blob;
    if (body !== undefined) headers['content-type'] = isRawBody ? body.type : 'application/json';
    // The server phrases refusals (a move not allowed, a session full) in the page's language.
    const language = globalThis.document?.documentElement.lang;
    if (language && !headers['accept-language']) headers['accept-language'] = language;
    if (accessToken) headers.authorization = `Bearer ${accessToken}`;
    try {
      return await fetch(url, {
        method,
        headers,
        body: body === undefined ? undefined : isRawBody ? body : JSON.stringify(body),
        credentials: 'same-origin',
        signal,
      });
    } catch (error) {
      if (signal?.aborted) throw error;
      throw new ApiError({ type: 'about:blank', title: 'Network error', status: NETWORK_ERROR_STATUS });
    }
  };

  const tokenUsed = session?.accessToken;
  let response = await send(tokenUsed);

  if (response.status === 401 && retryOnUnauthorized) {
    // Another call may already have renewed the token while this one was in flight.
    const renewed = session?.accessToken !== undefined && session.accessToken !== tokenUsed;
    if (renewed || (await refreshSession())) {
      response = await send(session?.accessToken);
    } else {
      onSessionExpired?.();
    }
  }

  if (!response.ok) throw await toApiError(response);
  if (response.status === 204 || response.headers.get('content-length') === '0') return undefined as T;
  if (options.responseType === 'blob') return (await response.blob()) as T;
  return (await response.json()) as T;
}
