import { z } from 'zod';

export const IdSchema = z
  .uuid()
  .describe('UUIDv7 identifier')
  .meta({ example: '019ac1f2-7b3e-7c41-9a55-2f1e8d0c4b7a' });

export const InstantSchema = z.iso
  .datetime({ offset: false })
  .describe('Instant, ISO 8601 in UTC')
  .meta({ example: '2026-11-26T10:00:00.000Z' });

export const CalendarDateSchema = z.iso
  .date()
  .describe('Calendar date, YYYY-MM-DD')
  .meta({ example: '2026-11-26' });

export const VersionSchema = z
  .number()
  .int()
  .min(1)
  .describe('Optimistic-concurrency version: send it back (or as If-Match) to update');

export const EmailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: 'email.invalid' }).max(254))
  .describe('E-mail address; stored in lower case');

export const IdParamsSchema = z.object({ id: IdSchema });

export const PAGE_LIMIT_DEFAULT = 50;
export const PAGE_LIMIT_MAX = 200;

export const PageQuerySchema = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(PAGE_LIMIT_MAX)
    .default(PAGE_LIMIT_DEFAULT)
    .describe(`Page size, 1–${PAGE_LIMIT_MAX}`),
  cursor: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .describe('Opaque cursor from the previous page’s `nextCursor`'),
});
export type PageQuery = z.infer<typeof PageQuerySchema>;

export function createPageSchema<T extends z.ZodType>(item: T) {
  return z.object({
    data: z.array(item),
    nextCursor: z.string().nullable().describe('Cursor of the next page, or null on the last page'),
  });
}

export const ProblemFieldErrorSchema = z.object({
  path: z.string().describe('Dotted path of the invalid field, e.g. `body.email`'),
  message: z.string(),
});

export const ProblemSchema = z
  .object({
    type: z.string().describe('URI identifying the problem type'),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional().describe('The request path'),
    code: z.string().optional().describe('Stable machine-readable error code'),
    requestId: z.string().optional(),
    errors: z.array(ProblemFieldErrorSchema).optional(),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details (application/problem+json)' });
export type Problem = z.infer<typeof ProblemSchema>;
