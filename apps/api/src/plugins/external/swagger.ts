import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { API_SCOPES, type ApiScope } from '@passerelle/domain/api-client/api-client.schema';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { addExamples } from './openapi-examples.ts';

const SCOPE_DESCRIPTIONS: Record<ApiScope, string> = {
  'candidacies:read': 'Read candidacies, candidates and their timeline',
  'candidacies:write': 'Submit, import, update and move candidacies',
  'sessions:read': 'Read sessions and their composition',
  'placements:read': 'Read placements and follow-ups',
  'placements:write': 'Record and update placements',
  'reports:read': 'Read aggregated reports',
  'partners:read': 'Read partners and offers',
  'webhooks:manage': 'Manage the webhook subscriptions of the client’s fabriques',
};

type OpenApiDocument = ReturnType<typeof jsonSchemaTransformObject>;
type Operation = { responses?: Record<string, { content?: Record<string, unknown> }> };

/** The one route whose errors follow another standard: RFC 6749 §5.2 (`{ error, error_description }`). */
export const OAUTH_TOKEN_PATH = '/api/v1/auth/token';
const OAUTH_ERROR_STATUSES = new Set(['400', '401']);

/**
 * Error responses are problem+json: rename the media type the generator writes as JSON (but for
 * the OAuth token endpoint's own errors). The token endpoint also takes a form-encoded body.
 */
function useProblemMediaType(document: OpenApiDocument): OpenApiDocument {
  const paths = (document as { paths?: Record<string, Record<string, Operation>> }).paths ?? {};
  for (const [path, pathItem] of Object.entries(paths)) {
    for (const operation of Object.values(pathItem)) {
      if (path === OAUTH_TOKEN_PATH) {
        const body = (operation as { requestBody?: { content?: Record<string, unknown> } }).requestBody;
        const json = body?.content?.['application/json'];
        if (body?.content && json) body.content['application/x-www-form-urlencoded'] = json;
      }
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        const json = response.content?.['application/json'];
        if (path === OAUTH_TOKEN_PATH && OAUTH_ERROR_STATUSES.has(status)) continue;
        if (Number(status) >= 400 && json && response.content) {
          response.content = { 'application/problem+json': json };
        }
      }
    }
  }
  return document;
}

export const API_DESCRIPTION = `Passerelle runs the cycle of social digital-skills schools ("fabriques"): candidacy intake,
eligibility against funders' priority criteria, selection into sessions, placements and follow-ups.

Integration guide (with a runnable example): \`apps/api/docs/integration.en.md\` (English) and
\`apps/api/docs/integration.fr.md\` (français) in the repository.

**Authentication.** Staff sign in with \`POST /api/v1/auth/login\`, which returns a short-lived bearer access token
and sets a rotating refresh token in an httpOnly cookie (\`POST /api/v1/auth/refresh\`). Integrations use an API client
(created by an admin) and the OAuth 2.0 client-credentials grant at \`POST /api/v1/auth/token\`. Either way, send the
access token as \`Authorization: Bearer <token>\`. A client acts only in its fabriques and only through routes whose scope
its token holds (see each operation's \`oauth2\` security requirement): another scope answers 403 naming the scope, a
route for staff only 403, a record of another fabrique 404. A revoked client's tokens stop working at once.

**Errors** are RFC 9457 \`application/problem+json\` documents with a stable \`code\`; validation errors list every
invalid field in \`errors[]\` as \`{ path, message }\` (paths such as \`body.email\` or \`query.limit\`). The one
exception is \`POST /api/v1/auth/token\`, whose 400 and 401 follow OAuth 2.0 (RFC 6749 §5.2): \`{ error, error_description }\`.

**Idempotency.** Every \`POST\` accepts an \`Idempotency-Key\` header: the same key and body within 24 h return the first
response without doing the work again; the same key with another body answers 422.

**Webhooks** (\`/api/v1/webhooks\`) deliver \`candidacy.submitted\`, \`candidacy.stage_changed\`,
\`session.status_changed\`, \`placement.recorded\` and \`placement.updated\` at least once, signed per Standard
Webhooks (\`webhook-id\`, \`webhook-timestamp\`, \`webhook-signature\`), retried with exponential backoff for about a day.

**Lists** are paginated with \`limit\` (1–200, default 50) and an opaque \`cursor\`; responses are
\`{ data, nextCursor }\`, \`nextCursor\` being null on the last page.

**Writes.** Mutable records carry a \`version\` and an \`ETag\`; send \`If-Match\` (412 when stale) or \`version\` in the
body (409 when stale): a concurrent change is never silently overwritten.`;

export default fp(
  async function swaggerPlugin(app: FastifyInstance) {
    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: { title: 'Passerelle API', version: '1.0.0', description: API_DESCRIPTION },
        servers: [{ url: '/', description: 'This server' }],
        tags: [
          { name: 'health', description: 'Liveness and readiness' },
          { name: 'auth', description: 'Sign-in, token refresh and sign-out' },
          { name: 'me', description: 'The authenticated caller' },
          { name: 'users', description: 'Staff accounts (admin)' },
          { name: 'fabriques', description: 'Training sites' },
          { name: 'audit-log', description: 'Who did what, when, from where (admin)' },
          { name: 'programs', description: 'Trainings offered (admin writes)' },
          { name: 'eligibility-policies', description: 'Versioned eligibility rules (admin writes)' },
          { name: 'sessions', description: 'Cohorts: status machine and composition against targets' },
          {
            name: 'candidacies',
            description: 'The recruitment pipeline: list, stages, evaluations, timeline',
          },
          {
            name: 'candidates',
            description: 'People, across the sessions they apply to; duplicate detection',
          },
          { name: 'partners', description: 'Organisations: contacts, sessions funded or hosted, referrals' },
          { name: 'offers', description: 'Internships and jobs from partners; learners proposed to them' },
          { name: 'placements', description: 'Where learners went after the training' },
          { name: 'follow-ups', description: 'Learners’ situations at exit, +3, +6 and +12 months' },
          { name: 'api-clients', description: 'Integrations and their credentials (admin)' },
          { name: 'webhooks', description: 'Event subscriptions and their delivery log' },
          { name: 'public', description: 'No authentication, rate-limited, no personal data' },
        ],
        components: {
          securitySchemes: {
            bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
            refreshCookie: { type: 'apiKey', in: 'cookie', name: 'passerelle_refresh' },
            clientBasic: {
              type: 'http',
              scheme: 'basic',
              description: 'client_id and client_secret (token endpoint)',
            },
            oauth2: {
              type: 'oauth2',
              description: 'API clients: OAuth 2.0 client credentials; the token carries the granted scopes',
              flows: {
                clientCredentials: {
                  tokenUrl: OAUTH_TOKEN_PATH,
                  scopes: Object.fromEntries(API_SCOPES.map((scope) => [scope, SCOPE_DESCRIPTIONS[scope]])),
                },
              },
            },
          },
        },
      },
      transform: jsonSchemaTransform,
      transformObject: (input) => addExamples(useProblemMediaType(jsonSchemaTransformObject(input))),
    });

    await app.register(swaggerUi, {
      routePrefix: '/api/docs',
      staticCSP: true,
      uiConfig: { deepLinking: true, persistAuthorization: false },
    });
  },
  { name: 'swagger' },
);
