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
import { createFollowUpRepository } from './follow-ups/follow-up-repository.ts';
import { createFollowUpService, type FollowUpService } from './follow-ups/follow-up-service.ts';
import { type CandidacyImportService, createCandidacyImportService } from './intake/candidacy-import.ts';
import { createIntakeRepository } from './intake/intake-repository.ts';
import { createIntakeService, type IntakeService } from './intake/intake-service.ts';
import { createOfferRepository } from './offers/offer-repository.ts';
import { createOfferService, type OfferService } from './offers/offer-service.ts';
import { createPartnerRepository } from './partners/partner-repository.ts';
import { createPartnerService, type PartnerService } from './partners/partner-service.ts';
import { createPlacementRepository } from './placements/placement-repository.ts';
import { createPlacementService, type PlacementService } from './placements/placement-service.ts';
import { createProgramRepository } from './programs/program-repository.ts';
import { createProgramService, type ProgramService } from './programs/program-service.ts';
import { createReportsRepository } from './reports/reports-repository.ts';
import { createReportsService, type ReportsService } from './reports/reports-service.ts';
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
  reports: ReportsService;
  partners: PartnerService;
  offers: OfferService;
  placements: PlacementService;
  followUps: FollowUpService;
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
      partners: createPartnerRepository(),
      offers: createOfferRepository(),
      placements: createPlacementRepository(),
      followUps: createFollowUpRepository(),
    };
    const db = app.db;
    const followUps = createFollowUpService({
      db,
      followUps: repositories.followUps,
      placements: repositories.placements,
      audit: repositories.audit,
    });
    const placements = createPlacementService({
      db,
      placements: repositories.placements,
      partners: repositories.partners,
      audit: repositories.audit,
    });
    const offers = createOfferService({
      db,
      offers: repositories.offers,
      partners: repositories.partners,
      placements: repositories.placements,
      placementService: placements,
      audit: repositories.audit,
    });
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
        followUps,
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
        followUps,
      }),
      reports: createReportsService({
        db,
        reports: createReportsRepository(),
        fabriques: repositories.fabriques,
        programs: repositories.programs,
        sessions: repositories.sessions,
      }),
      partners: createPartnerService({
        db,
        partners: repositories.partners,
        sessions: repositories.sessions,
        fabriques: repositories.fabriques,
        audit: repositories.audit,
        listPartnerOffers: offers.listAllPartnerOffers,
      }),
      offers,
      placements,
      followUps,
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
