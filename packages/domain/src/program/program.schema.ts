import { z } from 'zod';
import { OutcomeMappingSchema } from '../outcome/outcome.schema.ts';
import { IdSchema, InstantSchema, VersionSchema } from '../shared/common.schema.ts';

export const PROGRAM_KINDS = ['qualifying_free', 'certifying_paid'] as const;
export const ProgramKindSchema = z
  .enum(PROGRAM_KINDS)
  .describe('qualifying_free: free qualifying training; certifying_paid: certifying training, trainees paid')
  .meta({ id: 'ProgramKind' });
export type ProgramKind = z.infer<typeof ProgramKindSchema>;

const programShape = {
  title: z.string().trim().min(2).max(160),
  kind: ProgramKindSchema,
  rncpCode: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^RNCP\d{3,6}$/, 'RNCP code, e.g. RNCP37827')
    .nullable()
    .default(null)
    .describe('RNCP code of the certification, for certifying programs'),
  rncpLevel: z
    .number()
    .int()
    .min(3)
    .max(8)
    .nullable()
    .default(null)
    .describe('Level of the certification (3–8)'),
  durationHours: z.number().int().min(1).max(5000).describe('Training duration in hours'),
  defaultEligibilityPolicyId: IdSchema.nullable().default(null).describe('Policy new sessions start from'),
};

function refineCertification(
  program: {
    kind?: ProgramKind | undefined;
    rncpCode?: string | null | undefined;
    rncpLevel?: number | null | undefined;
  },
  ctx: z.RefinementCtx,
) {
  if (program.kind === 'certifying_paid' && (!program.rncpCode || !program.rncpLevel)) {
    ctx.addIssue({ code: 'custom', path: ['rncpCode'], message: 'program.rncp_required' });
  }
}

export const ProgramSchema = z
  .object({
    id: IdSchema,
    fabriqueId: IdSchema.nullable().describe('Owning fabrique; null for a network-wide program'),
    title: z.string(),
    kind: ProgramKindSchema,
    rncpCode: z.string().nullable(),
    rncpLevel: z.number().int().nullable(),
    durationHours: z.number().int(),
    defaultEligibilityPolicyId: IdSchema.nullable(),
    outcomeMapping: OutcomeMappingSchema.nullable().describe(
      'The positive-exit mapping its reports apply; null: the default of the domain',
    ),
    version: VersionSchema,
    createdAt: InstantSchema,
    updatedAt: InstantSchema,
  })
  .meta({ id: 'Program', description: 'A training offered (formation)' });
export type Program = z.infer<typeof ProgramSchema>;

export const CreateProgramSchema = z
  .object({ ...programShape, fabriqueId: IdSchema.nullable().default(null) })
  .superRefine(refineCertification)
  .meta({ id: 'CreateProgram' });
export type CreateProgram = z.infer<typeof CreateProgramSchema>;

export const UpdateProgramSchema = z
  .object({
    title: programShape.title,
    kind: ProgramKindSchema,
    rncpCode: programShape.rncpCode.unwrap(),
    rncpLevel: programShape.rncpLevel.unwrap(),
    durationHours: programShape.durationHours,
    defaultEligibilityPolicyId: IdSchema.nullable(),
    outcomeMapping: OutcomeMappingSchema.nullable().describe(
      'Situation → category mapping for this program’s reports; null restores the default',
    ),
    version: VersionSchema,
  })
  .partial()
  .superRefine(refineCertification)
  .meta({ id: 'UpdateProgram', description: 'Partial update; `version` guards against lost updates' });
export type UpdateProgram = z.infer<typeof UpdateProgramSchema>;
