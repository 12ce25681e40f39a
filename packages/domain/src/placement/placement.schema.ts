import { z } from 'zod';
import {
  CalendarDateSchema,
  IdSchema,
  InstantSchema,
  PageQuerySchema,
  VersionSchema,
} from '../shared/common.schema.ts';
import { withoutDefaults } from '../shared/update-shape.ts';
import { checkPlacementFields, type PlacementFields } from './placement.ts';

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

function refinePlacement(placement: PlacementFields, ctx: z.RefinementCtx) {
  for (const issue of checkPlacementFields(placement)) {
    ctx.addIssue({ code: 'custom', path: [issue.path], message: issue.message });
  }
}

export const CreatePlacementSchema = z
  .object(placementShape)
  .superRefine(refinePlacement)
  .meta({ id: 'CreatePlacement' });
export type CreatePlacement = z.infer<typeof CreatePlacementSchema>;

export const UpdatePlacementSchema = z
  .object({ ...withoutDefaults(placementShape), version: VersionSchema })
  .omit({ candidacyId: true })
  .partial()
  .meta({ id: 'UpdatePlacement', description: 'Partial update; the service re-checks the merged placement' });
export type UpdatePlacement = z.infer<typeof UpdatePlacementSchema>;

export const PlacementSchema = z
  .object({
    id: IdSchema,
    candidacyId: IdSchema,
    fabriqueId: IdSchema,
    sessionId: IdSchema,
    learner: z
      .object({ firstName: z.string(), lastName: z.string() })
      .describe('The learner (personal data)'),
    kind: PlacementKindSchema,
    partnerId: IdSchema.nullable(),
    partnerName: z.string().nullable().describe('The partner’s name, when the employer is a partner'),
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

export const PlacementListQuerySchema = PageQuerySchema.extend({
  candidacyId: IdSchema.optional().describe('One learner’s history'),
  sessionId: IdSchema.optional(),
  fabriqueId: IdSchema.optional(),
  partnerId: IdSchema.optional(),
  kind: PlacementKindSchema.optional(),
});
export type PlacementListQuery = z.infer<typeof PlacementListQuerySchema>;
