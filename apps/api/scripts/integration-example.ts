/**
 * A working integration with Passerelle, as described in docs/integration.en.md (and .fr.md):
 * get a token, submit a candidacy with an idempotency key, list candidacies page by page, and
 * check a webhook signature. Dependencies: none but Node 22 (fetch, crypto).
 *
 *   PASSERELLE_URL=http://localhost:3000 CLIENT_ID=… CLIENT_SECRET=… SESSION_ID=… \
 *     pnpm --filter @passerelle/api exec tsx scripts/integration-example.ts
 *
 * test/integration-example.test.ts runs these functions against the API, so the guide cannot rot.
 */
import crypto from 'node:crypto';
import { pathToFileURL } from 'node:url';

export interface Credentials {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
}

/** 1. OAuth 2.0 client credentials: a bearer token valid `expires_in` seconds. */
export async function getAccessToken(credentials: Credentials, scope?: string): Promise<string> {
  const response = await fetch(`${credentials.baseUrl}/api/v1/auth/token`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `Basic ${Buffer.from(`${credentials.clientId}:${credentials.clientSecret}`).toString('base64')}`,
    },
    body: new URLSearchParams({ grant_type: 'client_credentials', ...(scope ? { scope } : {}) }),
  });
  const body = (await response.json()) as {
    access_token?: string;
    error?: string;
    error_description?: string;
  };
  if (!response.ok || !body.access_token)
    throw new Error(`token refused: ${body.error} ${body.error_description}`);
  return body.access_token;
}

/**
 * 2. Submit a candidacy. The Idempotency-Key makes a retry (after a timeout, say) safe: the same
 * key and body within 24 h return the first answer and create nothing more.
 */
export async function submitCandidacy(
  baseUrl: string,
  token: string,
  candidacy: Record<string, unknown>,
  idempotencyKey: string = crypto.randomUUID(),
): Promise<{ status: number; body: { candidacyId: string; eligibility: { status: string } } }> {
  const response = await fetch(`${baseUrl}/api/v1/candidacies`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      'idempotency-key': idempotencyKey,
    },
    body: JSON.stringify(candidacy),
  });
  const body = (await response.json()) as { candidacyId: string; eligibility: { status: string } };
  if (!response.ok) throw new Error(`candidacy refused (${response.status}): ${JSON.stringify(body)}`);
  return { status: response.status, body };
}

/** 3. Every candidacy matching the filters, following `nextCursor` page after page. */
export async function listAllCandidacies(
  baseUrl: string,
  token: string,
  filters: Record<string, string> = {},
  pageSize = 50,
): Promise<{ id: string; stage: string }[]> {
  const rows: { id: string; stage: string }[] = [];
  let cursor: string | null = null;
  do {
    const query = new URLSearchParams({ ...filters, limit: String(pageSize), ...(cursor ? { cursor } : {}) });
    const response = await fetch(`${baseUrl}/api/v1/candidacies?${query}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (!response.ok) throw new Error(`list refused (${response.status}): ${await response.text()}`);
    const page = (await response.json()) as {
      data: { id: string; stage: string }[];
      nextCursor: string | null;
    };
    rows.push(...page.data);
    cursor = page.nextCursor;
  } while (cursor);
  return rows;
}

/**
 * 4. Check a webhook before trusting it (Standard Webhooks): HMAC-SHA256 of
 * `{webhook-id}.{webhook-timestamp}.{raw body}` keyed with the base64-decoded secret after
 * `whsec_`, compared in constant time with each `v1,` signature; refuse stale timestamps (replays).
 */
export function verifyWebhook(
  secret: string,
  headers: { 'webhook-id': string; 'webhook-timestamp': string; 'webhook-signature': string },
  rawBody: string,
  toleranceSeconds = 300,
  now: Date = new Date(),
): boolean {
  const timestamp = Number(headers['webhook-timestamp']);
  if (!Number.isInteger(timestamp) || Math.abs(now.getTime() / 1000 - timestamp) > toleranceSeconds)
    return false;
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const expected = crypto
    .createHmac('sha256', key)
    .update(`${headers['webhook-id']}.${headers['webhook-timestamp']}.${rawBody}`)
    .digest();
  return headers['webhook-signature'].split(' ').some((entry) => {
    const [version, signature] = entry.split(',');
    if (version !== 'v1' || !signature) return false;
    const given = Buffer.from(signature, 'base64');
    return given.length === expected.length && crypto.timingSafeEqual(given, expected);
  });
}

async function main() {
  const env = process.env;
  const baseUrl = env.PASSERELLE_URL ?? 'http://localhost:3000';
  if (!env.CLIENT_ID || !env.CLIENT_SECRET || !env.SESSION_ID) {
    throw new Error(
      'set CLIENT_ID, CLIENT_SECRET (an API client with candidacies:read and :write) and SESSION_ID',
    );
  }
  const token = await getAccessToken({ baseUrl, clientId: env.CLIENT_ID, clientSecret: env.CLIENT_SECRET });
  console.log('1. token obtained');
  const key = crypto.randomUUID();
  const candidacy = {
    sessionId: env.SESSION_ID,
    firstName: 'Camille',
    lastName: 'Exemple',
    email: `camille.${key.slice(0, 8)}@example.org`,
    birthDate: '2001-04-12',
    employmentSituation: 'job_seeker',
    jobSeeker: { registered: true, category: 'A' },
    diploma: { highestLevel: '4' },
    address: { street: '12 rue de Lannoy', postalCode: '59100', inseeCode: '59512' },
    source: { kind: 'france_travail' },
    consent: { privacyNoticeVersion: '2026-11', futureContact: false },
  };
  const first = await submitCandidacy(baseUrl, token, candidacy, key);
  const retry = await submitCandidacy(baseUrl, token, candidacy, key);
  console.log(
    `2. candidacy ${first.body.candidacyId} (${first.body.eligibility.status}); retry gave the same: ${retry.body.candidacyId === first.body.candidacyId}`,
  );
  const all = await listAllCandidacies(baseUrl, token, { sessionId: env.SESSION_ID }, 20);
  console.log(`3. ${all.length} candidacies in the session, read 20 at a time`);
  if (
    env.WEBHOOK_SECRET &&
    env.WEBHOOK_ID &&
    env.WEBHOOK_TIMESTAMP &&
    env.WEBHOOK_SIGNATURE &&
    env.WEBHOOK_BODY
  ) {
    const isValid = verifyWebhook(
      env.WEBHOOK_SECRET,
      {
        'webhook-id': env.WEBHOOK_ID,
        'webhook-timestamp': env.WEBHOOK_TIMESTAMP,
        'webhook-signature': env.WEBHOOK_SIGNATURE,
      },
      env.WEBHOOK_BODY,
    );
    console.log(`4. webhook signature ${isValid ? 'valid' : 'INVALID'}`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
