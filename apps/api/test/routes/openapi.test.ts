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
      expect(operation.responses['400']?.content?.['application/problem+json'], where).toBeDefined();
    }
  });

  it('marks every non-public route as needing a bearer token, with 401 and 403 documented', () => {
    for (const { path, method, operation } of operations()) {
      if (PUBLIC_PATHS.includes(path)) continue;
      const where = `${method.toUpperCase()} ${path}`;
      expect(operation.security, where).toEqual([{ bearerAuth: [] }]);
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
