import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { createApiClientRepository } from './api-clients/api-client-repository.ts';
import { type ApiClientService, createApiClientService } from './api-clients/api-client-service.ts';
import { createAuditRepository } from './audit/audit-repository.ts';
import { type AuditService, createAuditService } from './audit/audit-service.ts';
import { type AuthService, createAuthService } from './auth/auth-service.ts';
import { createRefreshTokenRepository } from './auth/refresh-token-repository.ts';
import { createCandidacyRepository } from './candidacies/candidacy-repository.ts';
import { type CandidacyService, createCandidacyService } from './candidacies/candidacy-service.ts';
import { createCandidateRepository } from './candidates/candidate-repository.ts';
import { type CandidateService, createCandidateService } from './candidates/candidate-service.ts';
import { createEligibilityPolicyRepository } from './eligibility-policies/eligibility-policy-repository.ts';
import {
  createEligibilityPolicyService,
  type EligibilityPolicyService,
} from './eligibility-policies/eligibility-policy-service.ts';
import { createFabriqueRepository } from './fabriques/fabrique-repository.ts';
import { createFabriqueService, type FabriqueService } from './fabriques/fabrique-service.ts';
import { type CandidacyImportService, createCandidacyImportService } from './intake/candidacy-import.ts';
import { createIntakeRepository } from './intake/intake-repository.ts';
import { createIntakeService, type IntakeService } from './intake/intake-service.ts';
import { createProgramRepository } from './programs/program-repository.ts';
import { createProgramService, type ProgramService } from './programs/program-service.ts';
import { createSessionRepository } from './sessions/session-repository.ts';
import { createSessionService, type SessionService } from './sessions/session-service.ts';
import { createUserRepository } from './users/user-repository.ts';
import { createUserService, type UserService } from './users/user-service.ts';
import { createWebhookRepository } from './webhooks/webhook-repository.ts';
import { createWebhookService, type WebhookService } from './webhooks/webhook-service.ts';

export interface Services {
  intake: IntakeService;
  candidacyImport: CandidacyImportService;
  candidates: CandidateService;
  candidacies: CandidacyService;
  auth: AuthService;
  users: UserService;
  fabriques: FabriqueService;
  auditLog: AuditService;
  programs: ProgramService;
  eligibilityPolicies: EligibilityPolicyService;
  sessions: SessionService;
  apiClients: ApiClientService;
  webhooks: WebhookService;
}

declare module 'fastify' {
  interface FastifyInstance {
    services: Services;
  }
}

/** Wires repositories into services once; handlers reach use cases through `app.services`. */
export default fp(
  async function servicesPlugin(app: FastifyInstance) {
    const repositories = {
      audit: createAuditRepository(),
      users: createUserRepository(),
      fabriques: createFabriqueRepository(),
      refreshTokens: createRefreshTokenRepository(),
      programs: createProgramRepository(),
      eligibilityPolicies: createEligibilityPolicyRepository(),
      sessions: createSessionRepository(),
    };
    const db = app.db;
    const intakeDeps = {
      db,
      candidates: createCandidateRepository(),
      intake: createIntakeRepository(),
      audit: repositories.audit,
    };
    const intake = createIntakeService(intakeDeps);
    app.decorate('services', {
      intake,
      candidacyImport: createCandidacyImportService({ db, intakeService: intake, audit: repositories.audit }),
      candidates: createCandidateService(intakeDeps),
      candidacies: createCandidacyService({
        db,
        candidacies: createCandidacyRepository(),
        audit: repositories.audit,
      }),
      auditLog: createAuditService({ db, audit: repositories.audit }),
      auth: createAuthService({
        db,
        users: repositories.users,
        refreshTokens: repositories.refreshTokens,
        audit: repositories.audit,
        signAccessToken: (userId) => app.jwt.sign({ sub: userId, kind: 'user' }),
        accessTokenTtlSeconds: app.config.ACCESS_TOKEN_TTL_SECONDS,
        refreshTokenTtlDays: app.config.REFRESH_TOKEN_TTL_DAYS,
      }),
      users: createUserService({ db, ...repositories }),
      fabriques: createFabriqueService({ db, fabriques: repositories.fabriques, audit: repositories.audit }),
      programs: createProgramService({
        db,
        programs: repositories.programs,
        fabriques: repositories.fabriques,
        policies: repositories.eligibilityPolicies,
        audit: repositories.audit,
      }),
      eligibilityPolicies: createEligibilityPolicyService({
        db,
        policies: repositories.eligibilityPolicies,
        programs: repositories.programs,
        audit: repositories.audit,
      }),
      sessions: createSessionService({
        db,
        sessions: repositories.sessions,
        programs: repositories.programs,
        policies: repositories.eligibilityPolicies,
        fabriques: repositories.fabriques,
        audit: repositories.audit,
      }),
      apiClients: createApiClientService({
        db,
        apiClients: createApiClientRepository(),
        fabriques: repositories.fabriques,
        audit: repositories.audit,
        signClientToken: (claims) => app.jwt.sign(claims),
        accessTokenTtlSeconds: app.config.ACCESS_TOKEN_TTL_SECONDS,
      }),
      webhooks: createWebhookService({
        db,
        webhooks: createWebhookRepository(),
        fabriques: repositories.fabriques,
        audit: repositories.audit,
      }),
    });
  },
  { name: 'services', dependencies: ['db', 'jwt'] },
);
