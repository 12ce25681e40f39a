import { boolean, pgTable, text } from 'drizzle-orm/pg-core';
import { idColumn, timestampColumns, versionColumn } from './columns.ts';

export const fabriques = pgTable('fabriques', {
  id: idColumn(),
  name: text('name').notNull(),
  slug: text('slug').notNull().unique(),
  city: text('city').notNull(),
  departmentCode: text('department_code').notNull(),
  isActive: boolean('is_active').notNull().default(true),
  version: versionColumn(),
  ...timestampColumns(),
});

export type FabriqueRow = typeof fabriques.$inferSelect;
