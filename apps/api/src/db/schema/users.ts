import { ROLES } from '@passerelle/domain/user/user.schema';
import { boolean, index, integer, pgEnum, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { idColumn, instant, timestampColumns, versionColumn } from './columns.ts';
import { fabriques } from './fabriques.ts';

export const roleEnum = pgEnum('role', ROLES);

export const users = pgTable('users', {
  id: idColumn(),
  email: text('email').notNull().unique(),
  displayName: text('display_name').notNull(),
  role: roleEnum('role').notNull(),
  locale: text('locale', { enum: ['fr', 'en'] })
    .notNull()
    .default('fr'),
  passwordHash: text('password_hash').notNull(),
  isActive: boolean('is_active').notNull().default(true),
  failedLoginCount: integer('failed_login_count').notNull().default(0),
  lockedUntil: instant('locked_until'),
  lastLoginAt: instant('last_login_at'),
  version: versionColumn(),
  ...timestampColumns(),
});

export type UserRow = typeof users.$inferSelect;

export const userFabriques = pgTable(
  'user_fabriques',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    fabriqueId: uuid('fabrique_id')
      .notNull()
      .references(() => fabriques.id, { onDelete: 'restrict' }),
  },
  (table) => [primaryKey({ columns: [table.userId, table.fabriqueId] }), index().on(table.fabriqueId)],
);

export const refreshTokens = pgTable(
  'refresh_tokens',
  {
    id: idColumn(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    familyId: uuid('family_id').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    expiresAt: instant('expires_at').notNull(),
    createdAt: instant('created_at').notNull().defaultNow(),
    rotatedAt: instant('rotated_at'),
    revokedAt: instant('revoked_at'),
    userAgent: text('user_agent'),
    ip: text('ip'),
  },
  (table) => [index().on(table.familyId), index().on(table.userId)],
);

export type RefreshTokenRow = typeof refreshTokens.$inferSelect;
