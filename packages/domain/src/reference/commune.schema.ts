import { z } from 'zod';

export const CommuneSchema = z
  .object({
    inseeCode: z.string().describe('INSEE code of the commune'),
    name: z.string(),
    departmentCode: z.string(),
    postalCodes: z.array(z.string()).describe('Postal codes serving the commune'),
  })
  .meta({
    id: 'Commune',
    description: 'A current French commune (INSEE), arrondissements folded into their city',
  });
export type CommuneDto = z.infer<typeof CommuneSchema>;

export const CommuneQuerySchema = z.object({
  postalCode: z
    .string()
    .trim()
    .regex(/^\d{5}$/, 'postal_code.invalid')
    .describe('Five-digit postal code, e.g. 59100'),
});

export const CommuneListSchema = z
  .object({ data: z.array(CommuneSchema).describe('Every commune the postal code serves, by name') })
  .meta({ id: 'CommuneList' });
