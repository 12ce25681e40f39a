import { z } from 'zod';
import { IdSchema, InstantSchema } from '../shared/common.schema.ts';

/** What an API client may do; each guarded route declares the one it needs (`config.scope`). */
export const API_SCOPES = [
  'candidacies:read',
  'candidacies:write',
  'sessions:read',
  'placements:read',
  'placements:write',
  'reports:read',
  'partners:read',
  'webhooks:manage',
] as const;
export const ApiScopeSchema = z.enum(API_SCOPES).meta({ id: 'ApiScope' });
export type ApiScope = z.infer<typeof ApiScopeSchema>;

export const ApiScopeListSchema = z
  .array(ApiScopeSchema)
  .min(1)
  .max(API_SCOPES.length)
  .refine((scopes) => new Set(scopes).size === scopes.length, 'scopes must not repeat');

const ClientFabriqueSchema = z.object({ id: IdSchema, name: z.string() });

export const ApiClientSchema = z
  .object({
    id: IdSchema.describe('Also the OAuth `client_id`'),
    name: z.string(),
    description: z.string().nullable(),
    scopes: z.array(ApiScopeSchema),
    isAllFabriques: z
      .boolean()
      .describe('A global client acts in every fabrique, present and future; otherwise only in `fabriques`'),
    fabriques: z.array(ClientFabriqueSchema),
    secretPrefix: z.string().describe('The first characters of the secret, to tell secrets apart'),
    secretRotatedAt: InstantSchema,
    lastUsedAt: InstantSchema.nullable().describe('Last time a token was issued to the client'),
    revokedAt: InstantSchema.nullable(),
    createdAt: InstantSchema,
    updatedAt: InstantSchema,
  })
  .meta({
    id: 'ApiClient',
    description: 'An integration that authenticates with the OAuth 2.0 client-credentials grant',
  });
export type ApiClient = z.infer<typeof ApiClientSchema>;

export const ApiClientWithSecretSchema = ApiClientSchema.extend({
  clientSecret: z.string().describe('Shown once: only its hash is stored. Keep it in a secret store.'),
}).meta({ id: 'ApiClientWithSecret' });
export type ApiClientWithSecret = z.infer<typeof ApiClientWithSecretSchema>;

export const CreateApiClientSchema = z
  .object({
    name: z.string().trim().min(2).max(120),
    description: z.string().trim().max(500).optional(),
    scopes: ApiScopeListSchema,
    fabriqueIds: z
      .array(IdSchema)
      .max(100)
      .optional()
      .describe('The fabriques the client acts in; omit (with `isAllFabriques: true`) for a global client'),
    isAllFabriques: z.boolean().default(false),
  })
  .superRefine((input, ctx) => {
    const count = input.fabriqueIds?.length ?? 0;
    if (input.isAllFabriques && count > 0)
      ctx.addIssue({
        code: 'custom',
        path: ['fabriqueIds'],
        message: 'a global client lists no fabriques',
      });
    if (!input.isAllFabriques && count === 0)
      ctx.addIssue({
        code: 'custom',
        path: ['fabriqueIds'],
        message: 'list at least one fabrique, or set isAllFabriques',
      });
  })
  .meta({
    id: 'CreateApiClient',
    example: {
      name: 'France Travail — orientations',
      scopes: ['candidacies:read', 'candidacies:write'],
      fabriqueIds: ['01936b8e-8f5a-7c3d-9a1b-2c3d4e5f6a7b'],
      isAllFabriques: false,
    },
  });
export type CreateApiClient = z.infer<typeof CreateApiClientSchema>;

/** Parses an OAuth `scope` parameter (space-separated); null when a scope is unknown. */
export function parseScopeParameter(value: string): ApiScope[] | null {
  const parts = value.split(' ').filter(Boolean);
  const scopes: ApiScope[] = [];
  for (const part of parts) {
    const parsed = ApiScopeSchema.safeParse(part);
    if (!parsed.success) return null;
    if (!scopes.includes(parsed.data)) scopes.push(parsed.data);
  }
  return scopes;
}

/**
 * The scopes a token gets: all the client's when none are requested, else the requested ones,
 * provided each is granted to the client (RFC 6749 §3.3); null when one is not.
 */
export function grantScopes(granted: readonly ApiScope[], requested: readonly ApiScope[]): ApiScope[] | null {
  if (requested.length === 0) return [...granted];
  return requested.every((scope) => granted.includes(scope)) ? [...requested] : null;
}

export const TokenRequestSchema = z
  .object({
    grant_type: z.string().describe('Must be `client_credentials`'),
    client_id: z.string().optional().describe('Or in HTTP Basic authentication'),
    client_secret: z.string().optional().describe('Or in HTTP Basic authentication'),
    scope: z
      .string()
      .optional()
      .describe('Space-separated subset of the client’s scopes; all of them by default'),
  })
  .meta({
    id: 'TokenRequest',
    description:
      'OAuth 2.0 client-credentials grant (RFC 6749 §4.4), as `application/x-www-form-urlencoded` or JSON',
    example: {
      grant_type: 'client_credentials',
      client_id: '01936b8e-8f5a-7c3d-9a1b-2c3d4e5f6a7b',
      client_secret: 'pcs_••••••••',
      scope: 'candidacies:read',
    },
  });
export type TokenRequest = z.infer<typeof TokenRequestSchema>;

export const TokenResponseSchema = z
  .object({
    access_token: z.string().describe('Bearer JWT for the Authorization header'),
    token_type: z.literal('Bearer'),
    expires_in: z.number().int().describe('Lifetime in seconds'),
    scope: z.string().describe('The granted scopes, space-separated'),
  })
  .meta({ id: 'TokenResponse' });
export type TokenResponse = z.infer<typeof TokenResponseSchema>;

export const OAUTH_ERRORS = [
  'invalid_request',
  'invalid_client',
  'invalid_grant',
  'unauthorized_client',
  'unsupported_grant_type',
  'invalid_scope',
] as const;
export const OAuthErrorSchema = z
  .object({
    error: z.enum(OAUTH_ERRORS),
    error_description: z.string().optional(),
  })
  .meta({
    id: 'OAuthError',
    description: 'RFC 6749 §5.2 error: the token endpoint answers in the OAuth format, not problem+json',
    example: { error: 'invalid_client', error_description: 'unknown client or wrong secret' },
  });
export type OAuthError = z.infer<typeof OAuthErrorSchema>;

export const ApiClientMeSchema = z
  .object({
    kind: z.literal('api_client'),
    id: IdSchema,
    name: z.string(),
    scopes: z.array(ApiScopeSchema).describe('The scopes of this token'),
    isAllFabriques: z.boolean(),
    fabriques: z.array(ClientFabriqueSchema).describe('The fabriques the client acts in'),
  })
  .meta({ id: 'ApiClientMe', description: 'The API client behind a client-credentials token' });
export type ApiClientMe = z.infer<typeof ApiClientMeSchema>;
