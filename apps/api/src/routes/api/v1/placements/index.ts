import {
  FollowUpListQuerySchema,
  FollowUpSchema,
  RecordFollowUpSchema,
} from '@passerelle/domain/follow-up/follow-up.schema';
import {
  CreatePlacementSchema,
  PlacementListQuerySchema,
  PlacementSchema,
  UpdatePlacementSchema,
} from '@passerelle/domain/placement/placement.schema';
import { createPageSchema, IdParamsSchema } from '@passerelle/domain/shared/common.schema';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../../../../plugins/app/authentication.ts';
import { contextOf } from '../../../../plugins/app/http/context.ts';
import { readExpectedVersion, setEtag } from '../../../../plugins/app/http/versioning.ts';

const PlacementPageSchema = createPageSchema(PlacementSchema).meta({ id: 'PlacementPage' });
const FollowUpPageSchema = createPageSchema(FollowUpSchema).meta({ id: 'FollowUpPage' });
const ACCESS =
  'Admins see every learner, coordinators those of their fabriques, trainers those of the sessions they teach; viewers get 403 (personal data).';

export default async function placementRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const context = (request: Parameters<typeof contextOf>[0]) => ({
    ...contextOf(request),
    actor: actorOf(request),
  });

  app.get(
    '/placements',
    {
      config: { scope: 'placements:read' },
      schema: {
        tags: ['placements'],
        summary: 'List placements',
        description: `Newest first; \`candidacyId\` gives one learner’s history. ${ACCESS}`,
        querystring: PlacementListQuerySchema,
        response: { 200: PlacementPageSchema },
      },
    },
    async (request) => app.services.placements.listPlacements(actorOf(request), request.query),
  );

  app.post(
    '/placements',
    {
      config: { scope: 'placements:write' },
      schema: {
        tags: ['placements'],
        summary: 'Record a learner’s placement',
        description:
          'For an enrolled, completed or dropped-out learner (422 otherwise). Per kind (domain.md): a duration for an internship, CDD or interim; an employer (partner or free text) for a job; the incubator partner for an incubation; the qualifying flag for further training; a hiring promise only on an internship. `previousPlacementId` (an internship turned into a CDI) must be another placement of the same learner (422). ' +
          ACCESS,
        body: CreatePlacementSchema,
        response: { 201: PlacementSchema },
      },
    },
    async (request, reply) => {
      const placement = await app.services.placements.createPlacement(context(request), request.body);
      setEtag(reply, placement.version);
      return reply.code(201).header('location', `/api/v1/placements/${placement.id}`).send(placement);
    },
  );

  app.get(
    '/placements/follow-ups',
    {
      config: { scope: 'placements:read' },
      schema: {
        tags: ['follow-ups'],
        summary: 'List follow-ups: the to-do of situations to record',
        description:
          'Sorted by due date. Each learner has four, scheduled when they enrol: exit, +3, +6 and +12 months after the session’s end. `status=todo` lists those due or overdue (due for 30 days, overdue after). ' +
          ACCESS,
        querystring: FollowUpListQuerySchema,
        response: { 200: FollowUpPageSchema },
      },
    },
    async (request) => app.services.followUps.listFollowUps(actorOf(request), request.query),
  );

  app.get(
    '/placements/follow-ups/:id',
    {
      config: { scope: 'placements:read' },
      schema: {
        tags: ['follow-ups'],
        summary: 'Get a follow-up',
        params: IdParamsSchema,
        response: { 200: FollowUpSchema },
      },
    },
    async (request, reply) => {
      const followUp = await app.services.followUps.getFollowUp(actorOf(request), request.params.id);
      setEtag(reply, followUp.version);
      return followUp;
    },
  );

  app.patch(
    '/placements/follow-ups/:id',
    {
      config: { scope: 'placements:write' },
      schema: {
        tags: ['follow-ups'],
        summary: 'Record a follow-up: the learner’s situation at the milestone',
        description:
          'Either `placementId` (a placement of the same learner, held then: its kind and what the positive-exit mapping reads are copied into `situation`) or `situationKind` (job_seeking, inactive, unknown: not reached). Recording again corrects it. Trainers record for the sessions they teach. A stale `version` answers 409 (If-Match: 412).',
        params: IdParamsSchema,
        body: RecordFollowUpSchema,
        response: { 200: FollowUpSchema },
      },
    },
    async (request, reply) => {
      const expected = readExpectedVersion(request, request.body.version);
      const followUp = await app.services.followUps.recordFollowUp(
        context(request),
        request.params.id,
        request.body,
        expected,
      );
      setEtag(reply, followUp.version);
      return followUp;
    },
  );

  app.get(
    '/placements/:id',
    {
      config: { scope: 'placements:read' },
      schema: {
        tags: ['placements'],
        summary: 'Get a placement',
        description: `A placement of a learner outside the caller’s scope answers 404. ${ACCESS}`,
        params: IdParamsSchema,
        response: { 200: PlacementSchema },
      },
    },
    async (request, reply) => {
      const placement = await app.services.placements.getPlacement(actorOf(request), request.params.id);
      setEtag(reply, placement.version);
      return placement;
    },
  );

  app.patch(
    '/placements/:id',
    {
      config: { scope: 'placements:write' },
      schema: {
        tags: ['placements'],
        summary: 'Update a placement',
        description:
          'Partial update; the merged placement meets the same rules as on creation (422). A stale `version` answers 409 (If-Match: 412).',
        params: IdParamsSchema,
        body: UpdatePlacementSchema,
        response: { 200: PlacementSchema },
      },
    },
    async (request, reply) => {
      const expected = readExpectedVersion(request, request.body.version);
      const placement = await app.services.placements.updatePlacement(
        context(request),
        request.params.id,
        request.body,
        expected,
      );
      setEtag(reply, placement.version);
      return placement;
    },
  );
}
