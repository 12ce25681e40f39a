import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { addExamples } from './openapi-examples.ts';

type OpenApiDocument = ReturnType<typeof jsonSchemaTransformObject>;
type Operation = { responses?: Record<string, { content?: Record<string, unknown> }> };

/** Error responses are problem+json: rename the media type the generator writes as JSON. */
function useProblemMediaType(document: OpenApiDocument): OpenApiDocument {
  const paths = (document as { paths?: Record<string, Record<string, Operation>> }).paths ?? {};
  for (const pathItem of Object.values(paths)) {
    for (const operation of Object.values(pathItem)) {
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        const json = response.content?.['application/json'];
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

**Authentication.** Staff sign in with \`POST /api/v1/auth/login\`, which returns a short-lived bearer access token
and sets a rotating refresh token in an httpOnly cookie (\`POST /api/v1/auth/refresh\`). Send the access token as
\`Authorization: Bearer <token>\`.

**Errors** are RFC 9457 \`application/problem+json\` documents with a stable \`code\`; validation errors list every
invalid field in \`errors[]\` as \`{ path, message }\` (paths such as \`body.email\` or \`query.limit\`).

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
          { name: 'public', description: 'No authentication, rate-limited, no personal data' },
        ],
        components: {
          securitySchemes: {
            bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
            refreshCookie: { type: 'apiKey', in: 'cookie', name: 'passerelle_refresh' },
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
