import fs from 'node:fs';
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateOpenApiDocument, OPENAPI_FILE } from '../../scripts/write-openapi.ts';
import { buildTestApp, type TestApp } from '../helper.ts';

type Operation = {
  summary?: string;
  tags?: string[];
  security?: unknown[];
  responses: Record<string, { content?: Record<string, unknown> }>;
};
type Media = { schema?: Record<string, unknown>; example?: unknown };
type Document = { openapi: string; paths: Record<string, Record<string, Operation>> };

let t: TestApp;
let document: Document;
beforeAll(async () => {
  t = await buildTestApp();
  const response = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
  expect(response.statusCode).toBe(200);
  document = response.json();
});
afterAll(async () => t.close());

const PUBLIC_PATHS = [
  '/api/v1/health',
  '/api/v1/ready',
  '/api/v1/auth/login',
  '/api/v1/auth/refresh',
  '/api/v1/auth/logout',
  '/api/v1/auth/token',
  '/api/v1/public/sessions',
  '/api/v1/public/communes',
  '/api/v1/public/sessions/{id}/applications',
  '/api/v1/public/eligibility-check',
];

function operations() {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, operation]) => ({ path, method, operation })),
  );
}

describe('GET /api/v1/openapi.json', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    expect(document.openapi).toBe('3.1.0');
    const validator = new Validator();
    const result = await validator.validate(document as never);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('documents every route with a summary, tags and problem+json errors', () => {
    const routes = operations();
    expect(routes.length).toBeGreaterThanOrEqual(14);
    for (const { path, method, operation } of routes) {
      const where = `${method.toUpperCase()} ${path}`;
      expect(operation.summary, where).toBeTruthy();
      expect(operation.tags?.length, where).toBeGreaterThan(0);
      expect(operation.responses['500']?.content?.['application/problem+json'], where).toBeDefined();
    }
  });

  it('marks every non-public route as needing a bearer token, with 401 and 403 documented', () => {
    for (const { path, method, operation } of operations()) {
      if (PUBLIC_PATHS.includes(path)) continue;
      const where = `${method.toUpperCase()} ${path}`;
      expect(operation.security?.[0], where).toEqual({ bearerAuth: [] });
      // API clients: at most one OAuth requirement, naming the route's scope.
      expect(operation.security?.length, where).toBeLessThanOrEqual(2);
      expect(operation.responses['401'], where).toBeDefined();
      expect(operation.responses['403'], where).toBeDefined();
    }
  });

  it('gives every request body and success response an example that its schema accepts', () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    const components = (document as unknown as { components: unknown }).components;
    const problems: string[] = [];
    for (const { path, method, operation } of operations()) {
      const bodies = Object.entries(
        (operation as { requestBody?: { content?: Record<string, Media> } }).requestBody?.content ?? {},
      ).map(([type, media]) => ({ where: `${method.toUpperCase()} ${path} request ${type}`, media }));
      const successes = Object.entries(operation.responses)
        .filter(([status]) => status.startsWith('2'))
        .flatMap(([status, response]) =>
          Object.entries((response.content ?? {}) as Record<string, Media>).map(([type, media]) => ({
            where: `${method.toUpperCase()} ${path} ${status} ${type}`,
            media,
          })),
        );
      for (const { where, media } of [...bodies, ...successes]) {
        if (media.example === undefined) {
          problems.push(`${where}: no example`);
          continue;
        }
        const validate = ajv.compile({ ...media.schema, components });
        if (!validate(media.example)) problems.push(`${where}: ${ajv.errorsText(validate.errors)}`);
      }
    }
    expect(problems).toEqual([]);
  });

  describe('api.md conventions, on every route', () => {
    type Schema = { $ref?: string; type?: string; properties?: Record<string, Schema>; items?: Schema };
    type Parameter = { name: string; in: string };
    const resolve = (schema: Schema | undefined): Schema | undefined => {
      if (!schema?.$ref) return schema;
      const name = schema.$ref.split('/').at(-1) ?? '';
      const components = (document as unknown as { components: { schemas: Record<string, Schema> } })
        .components;
      return resolve(components.schemas[name]);
    };
    const jsonOf = (operation: Operation, status: string) =>
      resolve(
        (operation.responses[status]?.content?.['application/json'] as Media | undefined)?.schema as Schema,
      );
    const parametersOf = (operation: Operation) =>
      ((operation as { parameters?: Parameter[] }).parameters ?? []).map(
        (parameter) => `${parameter.in}:${parameter.name}`,
      );

    /**
     * Lists that are bounded by nature and answer `{ data }` without a cursor. Keep this short: a
     * new entry needs a reason an integrator would accept.
     */
    const BOUNDED_LISTS: Record<string, string> = {
      '/api/v1/public/communes': 'the communes of one postal code: a handful at most',
      '/api/v1/eligibility-policies/{id}/versions':
        'the versions of one policy: tens at most, all needed at once',
      '/api/v1/fabriques/{id}/trainers': 'the active trainers of one fabrique: a few, all offered at once',
      '/api/v1/sessions/{id}/fundings': 'the funders of one session: a handful',
      '/api/v1/sessions/{id}/hosts': 'the partners hosting one session: a handful',
      '/api/v1/offers/{id}/proposals': 'the learners proposed to one offer: a few per position',
    };

    it('paginates every list: limit and cursor in, { data, nextCursor } out, never a bare array', () => {
      const problems: string[] = [];
      let lists = 0;
      for (const { path, method, operation } of operations()) {
        if (method !== 'get' || BOUNDED_LISTS[path]) continue;
        const where = `GET ${path}`;
        const body = jsonOf(operation, '200');
        if (body?.type === 'array') problems.push(`${where}: answers a bare array`);
        const data = resolve(body?.properties?.data);
        if (data?.type !== 'array') continue;
        lists += 1;
        if (!body?.properties?.nextCursor) problems.push(`${where}: no nextCursor`);
        const parameters = parametersOf(operation);
        if (!parameters.includes('query:limit')) problems.push(`${where}: no limit`);
        if (!parameters.includes('query:cursor')) problems.push(`${where}: no cursor`);
      }
      expect(problems).toEqual([]);
      expect(lists).toBeGreaterThanOrEqual(10);
    });

    it('documents Idempotency-Key on every POST (sign-in and token requests excepted: nothing to repeat)', () => {
      const missing = operations()
        .filter(({ method, path }) => method === 'post' && !path.startsWith('/api/v1/auth/'))
        .filter(({ operation }) => !parametersOf(operation).includes('header:idempotency-key'))
        .map(({ path }) => `POST ${path}`);
      expect(missing).toEqual([]);
    });

    it('answers every error as problem+json, but for the OAuth token endpoint’s RFC 6749 errors', () => {
      const problems: string[] = [];
      for (const { path, method, operation } of operations()) {
        for (const [status, response] of Object.entries(operation.responses)) {
          if (Number(status) < 400) continue;
          const types = Object.keys(response.content ?? {});
          const isOAuthError = path === '/api/v1/auth/token' && (status === '400' || status === '401');
          const expected = isOAuthError ? 'application/json' : 'application/problem+json';
          if (types.length !== 1 || types[0] !== expected)
            problems.push(`${method.toUpperCase()} ${path} ${status}: ${types.join(', ')}`);
        }
      }
      expect(problems).toEqual([]);
    });

    it('documents the OAuth client-credentials flow with every scope', () => {
      const schemes = (document as unknown as { components: { securitySchemes: Record<string, unknown> } })
        .components.securitySchemes;
      expect(schemes.oauth2).toMatchObject({
        type: 'oauth2',
        flows: { clientCredentials: { tokenUrl: '/api/v1/auth/token' } },
      });
      const token = document.paths['/api/v1/auth/token']?.post as unknown as {
        requestBody: { content: Record<string, unknown> };
      };
      expect(Object.keys(token.requestBody.content).sort()).toEqual([
        'application/json',
        'application/x-www-form-urlencoded',
      ]);
    });
  });

  it('matches the committed openapi.json (run `pnpm --filter @passerelle/api openapi:write`)', async () => {
    const committed = fs.readFileSync(OPENAPI_FILE, 'utf8');
    expect(await generateOpenApiDocument()).toBe(committed);
  });

  it('serves the interactive docs', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/api/docs' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('swagger-ui');
  });
});
