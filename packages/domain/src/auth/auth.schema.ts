import { z } from 'zod';
import { IdSchema } from '../shared/common.schema.ts';
import { RoleSchema, UserFabriqueSchema } from '../user/user.schema.ts';

export const LoginRequestSchema = z
  .object({
    email: z.string().trim().min(1).max(254).describe('E-mail address (case-insensitive)'),
    password: z.string().min(1).max(256),
  })
  .meta({
    id: 'LoginRequest',
    example: { email: 'coordination.roubaix@demo.test', password: '••••••••••••' },
  });
export type LoginRequest = z.infer<typeof LoginRequestSchema>;

export const MeSchema = z
  .object({
    kind: z.literal('user'),
    id: IdSchema,
    email: z.string(),
    displayName: z.string(),
    role: RoleSchema,
    locale: z.enum(['fr', 'en']),
    fabriques: z.array(UserFabriqueSchema),
  })
  .meta({ id: 'Me', description: 'The authenticated caller' });
export type Me = z.infer<typeof MeSchema>;

export const LoginResponseSchema = z
  .object({
    accessToken: z.string().describe('Bearer JWT for the Authorization header'),
    expiresIn: z.number().int().describe('Lifetime of the access token, in seconds'),
    user: MeSchema,
  })
  .meta({ id: 'LoginResponse' });
export type LoginResponse = z.infer<typeof LoginResponseSchema>;

/** Claims carried by an access token. */
export const AccessTokenClaimsSchema = z.object({
  sub: IdSchema,
  kind: z.literal('user'),
  role: RoleSchema,
  fabriqueIds: z.array(IdSchema),
});
export type AccessTokenClaims = z.infer<typeof AccessTokenClaimsSchema>;
