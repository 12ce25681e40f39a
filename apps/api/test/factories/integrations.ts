import type { FastifyInstance } from 'fastify';

/** Creates an API client through the API (as an admin) and returns its credentials. */
export async function createApiClient(
  app: FastifyInstance,
  adminHeaders: Record<string, string>,
  body: { scopes: string[]; fabriqueIds?: string[]; isAllFabriques?: boolean; name?: string },
) {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/api-clients',
    headers: adminHeaders,
    payload: { name: body.name ?? 'Intégration de test', ...body },
  });
  if (response.statusCode !== 201) throw new Error(`client creation failed: ${response.body}`);
  const client = response.json() as { id: string; clientSecret: string };
  return { id: client.id, secret: client.clientSecret };
}

/** Client-credentials grant; returns the Authorization headers of the token. */
export async function clientToken(
  app: FastifyInstance,
  client: { id: string; secret: string },
  scope?: string,
) {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/token',
    payload: {
      grant_type: 'client_credentials',
      client_id: client.id,
      client_secret: client.secret,
      ...(scope ? { scope } : {}),
    },
  });
  if (response.statusCode !== 200) throw new Error(`token failed: ${response.body}`);
  const token = response.json() as { access_token: string };
  return { authorization: `Bearer ${token.access_token}` };
}
