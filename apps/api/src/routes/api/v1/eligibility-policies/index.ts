import { EligibilityPolicySchema } from '@passerelle/domain/eligibility/eligibility.schema';
import {
  CreateEligibilityPolicySchema,
  UpdateEligibilityPolicySchema,
} from '@passerelle/domain/eligibility/eligibility-policy.schema';
import {
  EligibilityPolicyResourceSchema,
  EligibilityPolicyVersionQuerySchema,
} from '@passerelle/domain/eligibility/eligibility-policy-resource.schema';
import { createPageSchema, IdParamsSchema, PageQuerySchema } from '@passerelle/domain/shared/common.schema';
import { DomainError } from '@passerelle/domain/shared/errors';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf, requireRole } from '../../../../plugins/app/authentication.ts';
import { contextOf } from '../../../../plugins/app/http/context.ts';
import { readExpectedVersion, setEtag } from '../../../../plugins/app/http/versioning.ts';

const EligibilityPolicyPageSchema = createPageSchema(EligibilityPolicyResourceSchema).meta({
  id: 'EligibilityPolicyPage',
});
const EligibilityPolicyVersionListSchema = createPageSchema(EligibilityPolicySchema).meta({
  id: 'EligibilityPolicyVersionList',
  description: 'Every version of a policy, latest first, in one page',
});

export default async function eligibilityPolicyRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/eligibility-policies',
    {
      config: { usersOnly: true },
      schema: {
        tags: ['eligibility-policies'],
        summary: 'List eligibility policies',
        description: 'Each with its current version. Rules hold no personal data: every role may read them.',
        querystring: PageQuerySchema,
        response: { 200: EligibilityPolicyPageSchema },
      },
    },
    async (request) => {
      actorOf(request);
      return app.services.eligibilityPolicies.listPolicies(request.query);
    },
  );

  app.get(
    '/eligibility-policies/:id',
    {
      config: { usersOnly: true },
      schema: {
        tags: ['eligibility-policies'],
        summary: 'Get an eligibility policy',
        description:
          'The current version, or the one asked with `?version=`; the ETag is the current version.',
        params: IdParamsSchema,
        querystring: EligibilityPolicyVersionQuerySchema,
        response: { 200: EligibilityPolicyResourceSchema },
      },
    },
    async (request, reply) => {
      actorOf(request);
      const policy = await app.services.eligibilityPolicies.getPolicy(
        request.params.id,
        request.query.version,
      );
      setEtag(reply, policy.currentVersion);
      return policy;
    },
  );

  app.get(
    '/eligibility-policies/:id/versions',
    {
      config: { usersOnly: true },
      schema: {
        tags: ['eligibility-policies'],
        summary: 'List the versions of an eligibility policy',
        description: 'Every version ever made, latest first; evaluations name the version they used.',
        params: IdParamsSchema,
        response: { 200: EligibilityPolicyVersionListSchema },
      },
    },
    async (request) => {
      actorOf(request);
      const data = await app.services.eligibilityPolicies.listVersions(request.params.id);
      return { data, nextCursor: null };
    },
  );

  app.post(
    '/eligibility-policies',
    {
      config: { usersOnly: true },
      schema: {
        tags: ['eligibility-policies'],
        summary: 'Create an eligibility policy (admin)',
        description:
          'Stored as version 1. Omitted parameters take the defaults; an impossible or contradictory policy answers 400 listing the issues.',
        body: CreateEligibilityPolicySchema,
        response: { 201: EligibilityPolicyResourceSchema },
      },
    },
    async (request, reply) => {
      const context = { ...contextOf(request), actor: requireRole(request, 'admin') };
      const policy = await app.services.eligibilityPolicies.createPolicy(context, request.body);
      setEtag(reply, policy.currentVersion);
      return reply.code(201).header('location', `/api/v1/eligibility-policies/${policy.id}`).send(policy);
    },
  );

  app.patch(
    '/eligibility-policies/:id',
    {
      config: { usersOnly: true },
      schema: {
        tags: ['eligibility-policies'],
        summary: 'Change an eligibility policy: make its next version (admin)',
        description:
          'The body carries the whole rules and the version it replaces (or `If-Match`); earlier versions are kept and evaluations keep the version they used.',
        params: IdParamsSchema,
        body: UpdateEligibilityPolicySchema,
        response: { 200: EligibilityPolicyResourceSchema },
      },
    },
    async (request, reply) => {
      const context = { ...contextOf(request), actor: requireRole(request, 'admin') };
      const expected = readExpectedVersion(request, request.body.version);
      if (!expected) throw new DomainError('validation_failed', 'body.version: required');
      const policy = await app.services.eligibilityPolicies.updatePolicy(
        context,
        request.params.id,
        request.body,
        expected,
      );
      setEtag(reply, policy.currentVersion);
      return policy;
    },
  );
}
