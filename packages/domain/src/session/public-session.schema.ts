import { z } from 'zod';
import { CriterionCodeSchema, EligibilityRulesSchema } from '../eligibility/eligibility.schema.ts';
import { ProgramKindSchema } from '../program/program.schema.ts';
import { CalendarDateSchema, IdSchema } from '../shared/common.schema.ts';

export const PublicSessionSchema = z
  .object({
    id: IdSchema,
    name: z.string(),
    fabrique: z.object({ id: IdSchema, name: z.string(), city: z.string() }),
    program: z.object({
      id: IdSchema,
      title: z.string(),
      kind: ProgramKindSchema,
      durationHours: z.number().int(),
    }),
    applicationOpensOn: CalendarDateSchema,
    applicationClosesOn: CalendarDateSchema.describe('Last day to apply'),
    startDate: CalendarDateSchema,
    endDate: CalendarDateSchema,
    capacity: z.number().int(),
    placesLeft: z.number().int().min(0).describe('Capacity minus admitted and enrolled candidacies'),
    eligibility: z
      .object({
        criteria: z
          .array(
            z.object({
              code: CriterionCodeSchema,
              labels: z.object({ fr: z.string(), en: z.string() }),
              sufficientAlone: z.boolean(),
              isRequired: z.boolean(),
            }),
          )
          .describe('The enabled criteria of the session’s policy (current version)'),
        minCriteria: z.number().int().describe('Criteria to meet, at least'),
        minAge: z.number().int(),
        maxAge: z.number().int().nullable(),
        rules: EligibilityRulesSchema.describe(
          'The whole rule set, so that a public self-check runs the same engine as the server',
        ),
      })
      .describe('Who the session is for'),
  })
  .meta({
    id: 'PublicSession',
    description: 'A session open to applications, as a public site shows it (no personal data)',
    example: {
      id: '019ac1f2-7b3e-7c41-9a55-2f1e8d0c4b7a',
      name: 'Roubaix — promotion 2026',
      fabrique: { id: '019ac1f2-7b3e-7c41-9a55-2f1e8d0c4b7b', name: 'Fabrique de Roubaix', city: 'Roubaix' },
      program: {
        id: '019ac1f2-7b3e-7c41-9a55-2f1e8d0c4b7c',
        title: 'Développeur·se web',
        kind: 'qualifying_free',
        durationHours: 700,
      },
      applicationOpensOn: '2026-01-05',
      applicationClosesOn: '2026-02-15',
      startDate: '2026-03-02',
      endDate: '2026-09-30',
      capacity: 20,
      placesLeft: 14,
      eligibility: {
        criteria: [
          {
            code: 'qpv_resident',
            labels: { fr: 'résident·e QPV', en: 'QPV resident' },
            sufficientAlone: false,
            isRequired: false,
          },
        ],
        minCriteria: 1,
        minAge: 16,
        maxAge: null,
        rules: EligibilityRulesSchema.parse({}),
      },
    },
  });
export type PublicSession = z.infer<typeof PublicSessionSchema>;
