import { CandidateSchema, UpdateCandidateSchema } from '@passerelle/domain/candidate/candidate.schema';
import { createPageSchema, IdParamsSchema, PageQuerySchema } from '@passerelle/domain/shared/common.schema';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, requireRole } from '../../../../plugins/app/authentication.ts';
import { contextOf } from '../../../../plugins/app/http/context.ts';
import { readExpectedVersion, setEtag } from '../../../../plugins/app/http/versioning.ts';

const CandidatePageSchema = createPageSchema(CandidateSchema).meta({ id: 'CandidatePage' });

const CandidateListQuerySchema = PageQuerySchema.extend({
  q: z
    .string()
    .trim()
    .min(2)
    .max(100)
    .optional()
    .describe('Search in names, e-mail and phone (accents and case ignored; a phone number by its digits)'),
});

export default async function candidateRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/candidates',
    {
      config: { scope: 'candidacies:read' },
      schema: {
        tags: ['candidates'],
        summary: 'List candidates',
        description:
          'Admins see every candidate; coordinators those with a candidacy in their fabriques; trainers and ' +
          'viewers are refused (personal data).',
        querystring: CandidateListQuerySchema,
        response: { 200: CandidatePageSchema },
      },
    },
    async (request) => app.services.candidates.listCandidates(actorOf(request), request.query),
  );

  app.get(
    '/candidates/:id',
    {
      config: { scope: 'candidacies:read' },
      schema: {
        tags: ['candidates'],
        summary: 'Get a candidate',
        description:
          'A candidate without a candidacy in the caller’s fabriques answers 404. `disabilityRecognition` is ' +
          'shown to admins and the candidacy’s coordinators only.',
        params: IdParamsSchema,
        response: { 200: CandidateSchema },
      },
    },
    async (request, reply) => {
      const candidate = await app.services.candidates.getCandidate(actorOf(request), request.params.id);
      setEtag(reply, candidate.version);
      return candidate;
    },
  );

  app.patch(
    '/candidates/:id',
    {
      config: { scope: 'candidacies:write' },
      schema: {
        tags: ['candidates'],
        summary: 'Update a candidate',
        description:
          'Partial update, guarded by `version` or If-Match. Given facts replace those of the same name; the ' +
          'eligibility of the candidate’s candidacies not yet decided is evaluated again, each with an ' +
          '`eligibility_reevaluated` event.',
        params: IdParamsSchema,
        body: UpdateCandidateSchema,
        response: { 200: CandidateSchema },
      },
    },
    async (request, reply) => {
      const context = { ...contextOf(request), actor: requireRole(request, 'admin', 'coordinator') };
      const expected = readExpectedVersion(request, request.body.version);
      const candidate = await app.services.candidates.updateCandidate(
        context,
        request.params.id,
        request.body,
        expected,
      );
      setEtag(reply, candidate.version);
      return candidate;
    },
  );
}
