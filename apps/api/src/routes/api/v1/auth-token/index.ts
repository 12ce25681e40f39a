import {
  OAuthErrorSchema,
  TokenRequestSchema,
  TokenResponseSchema,
} from '@passerelle/domain/api-client/api-client.schema';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { OAuthTokenError } from '../../../../plugins/app/api-clients/api-client-service.ts';

/** Client credentials from `Authorization: Basic` (RFC 6749 §2.3.1: form-encoded id and secret). */
function readBasicCredentials(request: FastifyRequest): { id: string; secret: string } | null {
  const header = request.headers.authorization;
  if (!header?.toLowerCase().startsWith('basic ')) return null;
  const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  const decode = (value: string) => {
    try {
      return decodeURIComponent(value.replace(/\+/g, ' '));
    } catch {
      return value;
    }
  };
  return { id: decode(decoded.slice(0, colon)), secret: decode(decoded.slice(colon + 1)) };
}

/**
 * OAuth 2.0 token endpoint. Its own plugin, because it alone parses
 * `application/x-www-form-urlencoded` (RFC 6749 §4.4.2) and answers errors in the OAuth format.
 */
export default async function authTokenRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 16 * 1024 },
    (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))),
  );

  app.post(
    '/token',
    {
      attachValidation: true,
      config: {
        rateLimit: { max: app.config.AUTH_RATE_LIMIT_PER_MINUTE * 3, timeWindow: '1 minute' },
      },
      schema: {
        tags: ['auth'],
        summary: 'Get an access token for an API client (OAuth 2.0 client credentials)',
        description:
          'RFC 6749 §4.4. Send `grant_type=client_credentials` with `client_id` and `client_secret` in the body ' +
          '(`application/x-www-form-urlencoded` or JSON) or as HTTP Basic credentials, and optionally `scope`, a ' +
          'space-separated subset of the client’s scopes. The token is a short-lived JWT carrying the scopes and ' +
          'fabriques; use it as `Authorization: Bearer <token>`. A revoked client gets no token, and its issued ' +
          'tokens stop working at once (each request checks the client). **Errors here follow RFC 6749 §5.2** ' +
          '(`{ error, error_description }`, 400, or 401 for `invalid_client`), not problem+json.',
        security: [{}, { clientBasic: [] }],
        body: TokenRequestSchema,
        response: {
          200: TokenResponseSchema,
          400: OAuthErrorSchema.describe('invalid_request, unsupported_grant_type or invalid_scope'),
          401: OAuthErrorSchema.describe('invalid_client: unknown client, wrong secret, or revoked'),
        },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store').header('pragma', 'no-cache');
      const body = (request.body ?? {}) as Record<string, unknown>;
      const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
      const basic = readBasicCredentials(request);
      try {
        if (request.validationError)
          throw new OAuthTokenError('invalid_request', 'the body must hold string parameters');
        if (basic && (body.client_id !== undefined || body.client_secret !== undefined))
          throw new OAuthTokenError(
            'invalid_request',
            'send the credentials once: HTTP Basic or body, not both',
          );
        const token = await app.services.apiClients.issueToken({
          grantType: text(body.grant_type),
          clientId: basic?.id ?? text(body.client_id),
          clientSecret: basic?.secret ?? text(body.client_secret),
          scope: text(body.scope),
        });
        return reply.code(200).send(token);
      } catch (error) {
        if (!(error instanceof OAuthTokenError)) throw error;
        if (error.status === 401 && basic) reply.header('www-authenticate', 'Basic realm="passerelle"');
        return reply
          .code(error.status)
          .type('application/json; charset=utf-8')
          .send({ error: error.error, error_description: error.description });
      }
    },
  );
}
