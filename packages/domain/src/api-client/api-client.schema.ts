import { z } from 'zod';

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
