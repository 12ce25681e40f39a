import {
  BulkTransitionResultSchema,
  CandidacyBulkTransitionSchema,
  CandidacyDetailSchema,
  CandidacyEventSchema,
  CandidacyListItemSchema,
  CandidacyListQuerySchema,
  CandidacyNoteSchema,
  CandidacyTransitionSchema,
  CreateCandidacyNoteSchema,
  CreateCandidacyScorecardSchema,
  FactParamsSchema,
  FactVerificationSchema,
  PutEligibilityDecisionSchema,
  UpdateCandidacySchema,
} from '@passerelle/domain/candidacy/candidacy-pipeline.schema';
import { formatMessage, isMessageKey, type Locale } from '@passerelle/domain/messages/messages';
import { ScorecardSchema } from '@passerelle/domain/scorecard/scorecard.schema';
import {
  createPageSchema,
  IdParamsSchema,
  PageQuerySchema,
  ProblemSchema,
} from '@passerelle/domain/shared/common.schema';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../../../../plugins/app/authentication.ts';
import { type AuthenticatedContext, contextOf } from '../../../../plugins/app/http/context.ts';
import { readExpectedVersion, setEtag } from '../../../../plugins/app/http/versioning.ts';

const CandidacyPageSchema = createPageSchema(CandidacyListItemSchema).meta({ id: 'CandidacyPage' });
const CandidacyEventPageSchema = createPageSchema(CandidacyEventSchema).meta({ id: 'CandidacyEventPage' });
const ScorecardPageSchema = createPageSchema(ScorecardSchema).meta({ id: 'ScorecardPage' });
const CandidacyNotePageSchema = createPageSchema(CandidacyNoteSchema).meta({ id: 'CandidacyNotePage' });

const TAGS = ['candidacies'];

/** PUT and DELETE are not covered by the common error documentation of PATCH and POST. */
const DECISION_PROBLEMS = {
  409: ProblemSchema.describe('Stale `version`'),
  412: ProblemSchema.describe('If-Match does not match the current version'),
  422: ProblemSchema.describe('The eligibility is frozen (admitted, rejected and after)'),
};

function authenticatedContext(request: FastifyRequest): AuthenticatedContext {
  return { ...contextOf(request), actor: actorOf(request) };
}

function localeOf(request: FastifyRequest): Locale {
  return request.headers['accept-language']?.trim().toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

export default async function candidacyRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const service = () => app.services.candidacies;

  app.get(
    '/candidacies',
    {
      config: { scope: 'candidacies:read' },
      schema: {
        tags: TAGS,
        summary: 'List candidacies',
        description:
          'Filters combine (AND). `q` searches the candidate’s name, e-mail and phone, ignoring case and accents. ' +
          'Coordinators see their fabriques’ candidacies, trainers their learners (admitted and after) in the sessions ' +
          'they teach; viewers get 403 (no personal data). Cursor pagination on the sort key and id.',
        querystring: CandidacyListQuerySchema,
        response: { 200: CandidacyPageSchema },
      },
    },
    async (request) => service().listCandidacies(actorOf(request), request.query),
  );

  app.post(
    '/candidacies/bulk-transitions',
    {
      config: { scope: 'candidacies:write' },
      schema: {
        tags: TAGS,
        summary: 'Move several candidacies at once',
        description:
          'Up to 200 ids, each moved in its own transaction: a refusal (illegal move, session full, out of scope → ' +
          '`not_found`) is reported for that id and leaves the others moved.',
        body: CandidacyBulkTransitionSchema,
        response: { 200: BulkTransitionResultSchema },
      },
    },
    async (request) => {
      const result = await service().moveCandidacies(authenticatedContext(request), request.body);
      const locale = localeOf(request);
      for (const entry of result.results) {
        if (entry.problem && isMessageKey(entry.problem.detail))
          entry.problem.detail = formatMessage({ key: entry.problem.detail }, locale);
      }
      return result;
    },
  );

  app.get(
    '/candidacies/:id',
    {
      config: { scope: 'candidacies:read' },
      schema: {
        tags: TAGS,
        summary: 'Get a candidacy',
        description:
          'With its candidate, eligibility evaluation and decision, scorecards, latest 20 events and the candidate’s ' +
          'other candidacies. A candidacy outside the caller’s scope answers 404.',
        params: IdParamsSchema,
        response: { 200: CandidacyDetailSchema },
      },
    },
    async (request, reply) => {
      const candidacy = await service().getCandidacy(actorOf(request), request.params.id);
      setEtag(reply, candidacy.version);
      return candidacy;
    },
  );

  app.patch(
    '/candidacies/:id',
    {
      config: { scope: 'candidacies:write' },
      schema: {
        tags: TAGS,
        summary: 'Update a candidacy’s answers and the candidate’s facts',
        description:
          'Facts are merged by key into the candidate’s facts; the eligibility of the candidate’s candidacies is ' +
          're-evaluated unless frozen (admitted, rejected and after). Send `version` or If-Match.',
        params: IdParamsSchema,
        body: UpdateCandidacySchema,
        response: { 200: CandidacyDetailSchema },
      },
    },
    async (request, reply) => {
      const expected = readExpectedVersion(request, request.body.version);
      const candidacy = await service().updateCandidacy(
        authenticatedContext(request),
        request.params.id,
        request.body,
        expected,
      );
      setEtag(reply, candidacy.version);
      return candidacy;
    },
  );

  app.post(
    '/candidacies/:id/transitions',
    {
      config: { scope: 'candidacies:write' },
      schema: {
        tags: TAGS,
        summary: 'Move a candidacy to another stage',
        description:
          'The stage machine of domain.md. An illegal move or admitting past the session’s capacity is 409; a ' +
          'missing rejection or withdrawal reason, or a reopening without a comment, is 422. Reopening: a ' +
          'rejected or withdrawn candidacy back to `screening` or `waitlisted`.',
        params: IdParamsSchema,
        body: CandidacyTransitionSchema,
        response: { 200: CandidacyDetailSchema },
      },
    },
    async (request, reply) => {
      const expected = readExpectedVersion(request, request.body.version);
      const candidacy = await service().moveCandidacy(
        authenticatedContext(request),
        request.params.id,
        request.body,
        expected,
      );
      setEtag(reply, candidacy.version);
      return candidacy;
    },
  );

  app.get(
    '/candidacies/:id/events',
    {
      config: { scope: 'candidacies:read' },
      schema: {
        tags: TAGS,
        summary: 'A candidacy’s timeline, newest first',
        description: 'Every change: who, when, from which stage to which, and why.',
        params: IdParamsSchema,
        querystring: PageQuerySchema,
        response: { 200: CandidacyEventPageSchema },
      },
    },
    async (request) => service().listEvents(actorOf(request), request.params.id, request.query),
  );

  app.get(
    '/candidacies/:id/evaluations',
    {
      config: { scope: 'candidacies:read' },
      schema: {
        tags: TAGS,
        summary: 'List a candidacy’s scorecards',
        params: IdParamsSchema,
        querystring: PageQuerySchema,
        response: { 200: ScorecardPageSchema },
      },
    },
    async (request) => service().listScorecards(actorOf(request), request.params.id, request.query),
  );

  app.post(
    '/candidacies/:id/evaluations',
    {
      config: { usersOnly: true },
      schema: {
        tags: TAGS,
        summary: 'Record a scorecard (assessment or interview)',
        description: 'Total and maximum are computed from the scores. Trainers may evaluate their learners.',
        params: IdParamsSchema,
        body: CreateCandidacyScorecardSchema,
        response: { 201: ScorecardSchema },
      },
    },
    async (request, reply) => {
      const scorecard = await service().createScorecard(
        authenticatedContext(request),
        request.params.id,
        request.body,
      );
      return reply.code(201).send(scorecard);
    },
  );

  app.get(
    '/candidacies/:id/notes',
    {
      config: { scope: 'candidacies:read' },
      schema: {
        tags: TAGS,
        summary: 'List a candidacy’s notes, newest first',
        params: IdParamsSchema,
        querystring: PageQuerySchema,
        response: { 200: CandidacyNotePageSchema },
      },
    },
    async (request) => service().listNotes(actorOf(request), request.params.id, request.query),
  );

  app.post(
    '/candidacies/:id/notes',
    {
      config: { usersOnly: true },
      schema: {
        tags: TAGS,
        summary: 'Add a note to a candidacy',
        params: IdParamsSchema,
        body: CreateCandidacyNoteSchema,
        response: { 201: CandidacyNoteSchema },
      },
    },
    async (request, reply) => {
      const note = await service().createNote(authenticatedContext(request), request.params.id, request.body);
      return reply.code(201).send(note);
    },
  );

  app.put(
    '/candidacies/:id/eligibility-decision',
    {
      config: { usersOnly: true },
      schema: {
        tags: TAGS,
        summary: 'Record a coordinator’s eligibility decision (derogation)',
        description:
          'Overrides the computed status, with a reason; kept apart from the evaluation and counted apart in ' +
          'reports. Refused (422) once the eligibility is frozen (admitted, rejected and after).',
        params: IdParamsSchema,
        body: PutEligibilityDecisionSchema,
        response: { 200: CandidacyDetailSchema, ...DECISION_PROBLEMS },
      },
    },
    async (request, reply) => {
      const expected = readExpectedVersion(request, request.body.version);
      const candidacy = await service().setEligibilityDecision(
        authenticatedContext(request),
        request.params.id,
        request.body,
        expected,
      );
      setEtag(reply, candidacy.version);
      return candidacy;
    },
  );

  app.delete(
    '/candidacies/:id/eligibility-decision',
    {
      config: { usersOnly: true },
      schema: {
        tags: TAGS,
        summary: 'Withdraw a coordinator’s eligibility decision',
        params: IdParamsSchema,
        response: { 200: CandidacyDetailSchema, ...DECISION_PROBLEMS },
      },
    },
    async (request, reply) => {
      const expected = readExpectedVersion(request, undefined);
      const candidacy = await service().setEligibilityDecision(
        authenticatedContext(request),
        request.params.id,
        null,
        expected,
      );
      setEtag(reply, candidacy.version);
      return candidacy;
    },
  );

  app.post(
    '/candidacies/:id/facts/:fact/verification',
    {
      config: { usersOnly: true },
      schema: {
        tags: TAGS,
        summary: 'Record that a candidate fact was verified',
        description:
          'The fact becomes `verified` with the proof seen (type, document date, who, when); the eligibility is ' +
          're-evaluated unless frozen. The fact must already be known (declared or computed).',
        params: FactParamsSchema,
        body: FactVerificationSchema,
        response: { 200: CandidacyDetailSchema },
      },
    },
    async (request, reply) => {
      const candidacy = await service().verifyFact(
        authenticatedContext(request),
        request.params.id,
        request.params.fact,
        request.body,
      );
      setEtag(reply, candidacy.version);
      return candidacy;
    },
  );
}
