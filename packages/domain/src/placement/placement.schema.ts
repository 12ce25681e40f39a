import { z } from 'zod';
import { CalendarDateSchema, IdSchema, InstantSchema, VersionSchema } from '../shared/common.schema.ts';

export const PLACEMENT_KINDS = [
  'internship',
  'cdi',
  'cdd',
  'interim',
  'apprenticeship',
  'freelance',
  'business_creation',
  'incubation',
  'further_training',
  'civic_service',
  'other',
] as const;
export const PlacementKindSchema = z.enum(PLACEMENT_KINDS).meta({ id: 'PlacementKind' });
export type PlacementKind = z.infer<typeof PlacementKindSchema>;

const placementShape = {
  candidacyId: IdSchema.describe('The learner’s candidacy'),
  kind: PlacementKindSchema,
  partnerId: IdSchema.nullable().default(null).describe('Employer or incubator partner'),
  employerName: z
    .string()
    .trim()
    .max(200)
    .nullable()
    .default(null)
    .describe('Free-text employer when not a partner'),
  jobTitle: z.string().trim().max(200).nullable().default(null),
  startDate: CalendarDateSchema,
  endDate: CalendarDateSchema.nullable().default(null),
  durationMonths: z
    .number()
    .int()
    .min(1)
    .max(120)
    .nullable()
    .default(null)
    .describe('For cdd, interim, internship'),
  hasHiringPromise: z.boolean().default(false).describe('For an internship: a written hiring promise'),
  isQualifyingTraining: z
    .boolean()
    .nullable()
    .default(null)
    .describe('For further_training: qualifying or not'),
  previousPlacementId: IdSchema.nullable()
    .default(null)
    .describe('The placement this one follows from (internship → CDI)'),
};

type PlacementFields = {
  kind?: string | undefined;
  durationMonths?: number | null | undefined;
  startDate?: string | undefined;
  endDate?: string | null | undefined;
  partnerId?: string | null | undefined;
  employerName?: string | null | undefined;
};

function refinePlacement(placement: PlacementFields, ctx: z.RefinementCtx) {
  if ((placement.kind === 'cdd' || placement.kind === 'interim') && !placement.durationMonths) {
    ctx.addIssue({ code: 'custom', path: ['durationMonths'], message: 'placement.duration_required' });
  }
  if (placement.startDate && placement.endDate && placement.endDate < placement.startDate) {
    ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'placement.dates_inverted' });
  }
  const needsEmployer =
    placement.kind !== undefined && !['business_creation', 'freelance', 'other'].includes(placement.kind);
  if (needsEmployer && !placement.partnerId && !placement.employerName) {
    ctx.addIssue({ code: 'custom', path: ['partnerId'], message: 'placement.employer_required' });
  }
}

export const CreatePlacementSchema = z
  .object(placementShape)
  .superRefine(refinePlacement)
  .meta({ id: 'CreatePlacement' });
export type CreatePlacement = z.infer<typeof CreatePlacementSchema>;

export const UpdatePlacementSchema = z
  .object({ ...placementShape, version: VersionSchema })
  .omit({ candidacyId: true })
  .partial()
  .meta({ id: 'UpdatePlacement', description: 'Partial update; the service re-checks the merged placement' });
export type UpdatePlacement = z.infer<typeof UpdatePlacementSchema>;

export const PlacementSchema = z
  .object({
    id: IdSchema,
    candidacyId: IdSchema,
    kind: PlacementKindSchema,
    partnerId: IdSchema.nullable(),
    employerName: z.string().nullable(),
    jobTitle: z.string().nullable(),
    startDate: CalendarDateSchema,
    endDate: CalendarDateSchema.nullable(),
    durationMonths: z.number().int().nullable(),
    hasHiringPromise: z.boolean(),
    isQualifyingTraining: z.boolean().nullable(),
    previousPlacementId: IdSchema.nullable(),
    version: VersionSchema,
    createdAt: InstantSchema,
    updatedAt: InstantSchema,
  })
  .meta({ id: 'Placement', description: 'A position a learner takes after (or at the end of) training' });
export type Placement = z.infer<typeof PlacementSchema>;
