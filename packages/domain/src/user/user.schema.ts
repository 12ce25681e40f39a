import { z } from 'zod';
import { EmailSchema, IdSchema, InstantSchema, VersionSchema } from '../shared/common.schema.ts';

export const ROLES = ['admin', 'coordinator', 'trainer', 'viewer'] as const;
export const RoleSchema = z
  .enum(ROLES)
  .describe(
    'admin: everything; coordinator: recruitment and outcomes of their fabriques; trainer: their sessions; viewer: aggregated reports',
  )
  .meta({ id: 'Role' });
export type Role = z.infer<typeof RoleSchema>;

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;
export const PasswordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, 'password.too_short')
  .max(PASSWORD_MAX_LENGTH)
  .describe(`At least ${PASSWORD_MIN_LENGTH} characters`);

export const UserFabriqueSchema = z.object({ id: IdSchema, name: z.string() });

export const UserSchema = z
  .object({
    id: IdSchema,
    email: z.string().describe('Lower-case e-mail, unique'),
    displayName: z.string(),
    role: RoleSchema,
    locale: z.enum(['fr', 'en']),
    isActive: z.boolean(),
    fabriques: z.array(UserFabriqueSchema).describe('Fabriques a coordinator or trainer works in'),
    lastLoginAt: InstantSchema.nullable(),
    version: VersionSchema,
    createdAt: InstantSchema,
    updatedAt: InstantSchema,
  })
  .meta({ id: 'User' });
export type User = z.infer<typeof UserSchema>;

export const FabriqueTrainerSchema = z.object({ id: IdSchema, displayName: z.string() }).meta({
  id: 'FabriqueTrainer',
  description: 'An active trainer of a fabrique, as a session form offers them',
});
export type FabriqueTrainer = z.infer<typeof FabriqueTrainerSchema>;

const DisplayNameSchema = z.string().trim().min(1).max(120);

export const CreateUserSchema = z
  .object({
    email: EmailSchema,
    displayName: DisplayNameSchema,
    role: RoleSchema,
    password: PasswordSchema,
    locale: z.enum(['fr', 'en']).default('fr'),
    fabriqueIds: z.array(IdSchema).max(100).default([]),
  })
  .superRefine((value, ctx) => {
    const issue = checkRoleFabriques(value.role, value.fabriqueIds);
    if (issue) ctx.addIssue({ code: 'custom', path: ['fabriqueIds'], message: issue });
  })
  .meta({ id: 'CreateUser' });
export type CreateUser = z.infer<typeof CreateUserSchema>;

export const UpdateUserSchema = z
  .object({
    displayName: DisplayNameSchema,
    role: RoleSchema,
    password: PasswordSchema,
    locale: z.enum(['fr', 'en']),
    isActive: z.boolean(),
    fabriqueIds: z.array(IdSchema).max(100),
    version: VersionSchema,
  })
  .partial()
  .meta({
    id: 'UpdateUser',
    description: 'Partial update; `version` (or If-Match) guards against lost updates',
  });
export type UpdateUser = z.infer<typeof UpdateUserSchema>;

export const UserListQuerySchema = z.object({
  role: RoleSchema.optional(),
  fabriqueId: IdSchema.optional(),
  q: z.string().trim().min(1).max(100).optional().describe('Search in e-mail and name'),
});

/**
 * Coordinators and trainers work in at least one fabrique; admins and viewers hold none.
 * Returns the message key of the problem, or null.
 */
export function checkRoleFabriques(
  role: Role,
  fabriqueIds: readonly string[],
): 'user.fabrique_required' | 'user.no_fabrique' | null {
  if (isFabriqueScopedRole(role) && fabriqueIds.length === 0) {
    return 'user.fabrique_required';
  }
  if (!isFabriqueScopedRole(role) && fabriqueIds.length > 0) {
    return 'user.no_fabrique';
  }
  return null;
}

export function isFabriqueScopedRole(role: Role): boolean {
  return role === 'coordinator' || role === 'trainer';
}
