import {
  EligibilityCheckResultSchema,
  EligibilityCheckSchema,
} from '@passerelle/domain/application/application.schema';
import { ProblemSchema } from '@passerelle/domain/shared/common.schema';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';

export default async function eligibilityCheckRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.post(
    '/public/eligibility-check',
    {
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['public'],
        summary: 'Check eligibility anonymously',
        description:
          'No authentication; rate-limited per IP. The answers are evaluated against the policy of each open ' +
          'session (recruiting, window open today), optionally only those of a fabrique or of the department ' +
          'of a postal code; each criterion is met, not met or unknown, with its reason in French and English. ' +
          'Nothing is stored.',
        body: EligibilityCheckSchema,
        response: {
          200: EligibilityCheckResultSchema,
          429: ProblemSchema.describe('Rate limited: see Retry-After'),
        },
      },
    },
    async (request) => app.services.intake.checkEligibility(request.body),
  );
}
