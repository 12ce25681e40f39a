import { z } from 'zod';
import { IdSchema, InstantSchema, VersionSchema } from '../shared/common.schema.ts';

export const FabriqueSchema = z
  .object({
    id: IdSchema,
    name: z.string().describe('Display name, e.g. "Roubaix"'),
    slug: z.string().describe('URL-safe unique key'),
    city: z.string(),
    departmentCode: z.string().describe('French department code, e.g. "59"'),
    isActive: z.boolean(),
    version: VersionSchema,
    createdAt: InstantSchema,
    updatedAt: InstantSchema,
  })
  .meta({ id: 'Fabrique', description: 'A training site in a territory; the unit of access control' });
export type Fabrique = z.infer<typeof FabriqueSchema>;

const NameSchema = z.string().trim().min(2).max(120);
const SlugSchema = z
  .string()
  .trim()
  .min(2)
  .max(60)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'slug must be lower-case letters, digits and dashes');
const DepartmentCodeSchema = z
  .string()
  .trim()
  .regex(/^(?:0[1-9]|[1-8]\d|9[0-5]|2A|2B|97[1-6])$/, 'invalid French department code');

export const CreateFabriqueSchema = z
  .object({
    name: NameSchema,
    slug: SlugSchema,
    city: z.string().trim().min(1).max(120),
    departmentCode: DepartmentCodeSchema,
  })
  .meta({ id: 'CreateFabrique' });
export type CreateFabrique = z.infer<typeof CreateFabriqueSchema>;

export const UpdateFabriqueSchema = z
  .object({
    name: NameSchema,
    slug: SlugSchema,
    city: z.string().trim().min(1).max(120),
    departmentCode: DepartmentCodeSchema,
    isActive: z.boolean(),
    version: VersionSchema,
  })
  .partial()
  .meta({
    id: 'UpdateFabrique',
    description: 'Partial update; `version` (or If-Match) guards against lost updates',
  });
export type UpdateFabrique = z.infer<typeof UpdateFabriqueSchema>;
