import {
  type Application,
  type ApplicationReceipt,
  type CandidacyIntake,
  type EligibilityCheck,
  type EligibilityCheckResult,
  type IntakeResult,
  type SessionEligibilityCheck,
  toDeclaredFacts,
} from '@passerelle/domain/application/application.schema';
import { type Actor, canAccessFabrique } from '@passerelle/domain/auth/access';
import { calendarDateInParis } from '@passerelle/domain/calendar/paris-date';
import type { CandidateFacts, CandidateSource } from '@passerelle/domain/candidate/candidate.schema';
import { computeDuplicateKeys } from '@passerelle/domain/candidate/candidate-identity';
import type { EligibilityEvaluation } from '@passerelle/domain/eligibility/eligibility.schema';
import { formatMessage, type Message } from '@passerelle/domain/messages/messages';
import { findCommunesByPostalCode } from '@passerelle/domain/reference/communes';
import { isAcceptingApplications } from '@passerelle/domain/session/session';
import { DomainError } from '@passerelle/domain/shared/errors';
import type { Database, Executor } from '../../../db/client.ts';
import { isUniqueViolation } from '../../../db/errors.ts';
import type { AuditRepository } from '../audit/audit-repository.ts';
import { evaluateCandidacyEligibility } from '../candidacies/eligibility-evaluator.ts';
import type { CandidateRepository, CandidateRow } from '../candidates/candidate-repository.ts';
import { buildSearchText } from '../candidates/candidate-search.ts';
import { auditMeta, type RequestContext } from '../http/context.ts';
import { isPartnerOfFabrique } from '../partners/partner-repository.ts';
import { recordEvent } from '../webhooks/webhook-outbox.ts';
import type { IntakeRepository, SessionRow } from './intake-repository.ts';

/** Where an application came in. */
export type IntakeDoor = 'public_form' | 'coordinator' | 'import';

/** One application, whatever the door, once its body is validated. */
export interface IntakeInput {
  application: Omit<Application, 'website'>;
  /** The partner who referred the candidate, if any. */
  referrerPartnerId?: string | undefined;
  door: IntakeDoor;
}

/** Session statuses in which a coordinator may still record a candidacy. */
const FINISHED_SESSION_STATUSES: readonly SessionRow['status'][] = ['completed', 'archived', 'cancelled'];

const DUPLICATE_CANDIDACY = () => new DomainError('duplicate', 'application.duplicate');

function identityKeyOf(candidate: { firstName: string; lastName: string; birthDate?: string | undefined }) {
  return computeDuplicateKeys(candidate).find((key) => key.startsWith('name_birth:')) ?? null;
}

/** New declared facts replace declared ones; a verified or computed fact is kept until a coordinator changes it. */
export function mergeDeclaredFacts(existing: CandidateFacts, declared: CandidateFacts): CandidateFacts {
  const merged: Record<string, unknown> = { ...existing };
  for (const [key, fact] of Object.entries(declared)) {
    const current = (existing as Record<string, { origin?: string } | undefined>)[key];
    if (!current || current.origin === 'declared') merged[key] = fact;
  }
  return merged as CandidateFacts;
}

/** Department codes a postal code serves (a postal code may cross a department border). */
function departmentsOfPostalCode(postalCode: string): string[] {
  return [...new Set(findCommunesByPostalCode(postalCode).map((commune) => commune.departmentCode))];
}

function render(message: Message) {
  return { fr: formatMessage(message, 'fr'), en: formatMessage(message, 'en') };
}

function toSessionCheck(session: SessionRow, evaluation: EligibilityEvaluation): SessionEligibilityCheck {
  return {
    session: {
      id: session.id,
      name: session.name,
      fabriqueId: session.fabriqueId,
      programId: session.programId,
      startDate: session.startDate,
      endDate: session.endDate,
      applicationClosesOn: session.applicationClosesOn,
    },
    status: evaluation.status,
    policyVersion: evaluation.policyVersion ?? 0,
    referenceDate: evaluation.referenceDate,
    criteria: evaluation.criteria.map((criterion) => ({
      code: criterion.code,
      status: criterion.status,
      label: render({ key: `criterion.${criterion.code}` }),
      reason: render(criterion.reason),
    })),
    limits: evaluation.limits.map((limit) => ({
      code: limit.code,
      status: limit.status,
      label: render({ key: `limit.${limit.code}` }),
      reason: render(limit.reason),
    })),
    reason: render(evaluation.reason),
  };
}

export function createIntakeService(deps: {
  db: Database;
  candidates: CandidateRepository;
  intake: IntakeRepository;
  audit: AuditRepository;
}) {
  const { db, candidates, intake, audit } = deps;

  /** Same e-mail first, then same phone (unless that person has another e-mail). */
  async function findCandidate(
    executor: Executor,
    application: IntakeInput['application'],
  ): Promise<{ found: CandidateRow | undefined; phoneMatchNotMerged: string | undefined }> {
    if (application.email) {
      const byEmail = await candidates.findByEmail(executor, application.email);
      if (byEmail) return { found: byEmail, phoneMatchNotMerged: undefined };
    }
    if (application.phone) {
      const byPhone = await candidates.findByPhone(executor, application.phone);
      if (byPhone && (!application.email || !byPhone.email))
        return { found: byPhone, phoneMatchNotMerged: undefined };
      if (byPhone) return { found: undefined, phoneMatchNotMerged: byPhone.id };
    }
    return { found: undefined, phoneMatchNotMerged: undefined };
  }

  /**
   * The intake use case, on an open transaction: finds or creates the candidate, refuses a second
   * open candidacy for the session, evaluates eligibility with the session's policy, stores the
   * candidacy with its evaluation, and records the event and the audit entry.
   */
  async function intakeApplication(
    tx: Executor,
    context: RequestContext,
    session: SessionRow,
    input: IntakeInput,
  ): Promise<IntakeResult> {
    const { application } = input;
    const declared = toDeclaredFacts(application);
    const consent = {
      acceptedAt: new Date().toISOString(),
      privacyNoticeVersion: application.consent.privacyNoticeVersion,
      futureContact: application.consent.futureContact,
    };
    const source: CandidateSource | undefined = application.source;
    const { found, phoneMatchNotMerged } = await findCandidate(tx, application);

    let candidate: CandidateRow;
    let evaluatedFacts: CandidateFacts;
    // Anybody who knows a person's e-mail can fill the public form: it never rewrites an existing
    // profile. Its answers count for this candidacy's evaluation, and a coordinator applies them.
    const isProfileUpdatePending = Boolean(found) && input.door === 'public_form';
    if (found) {
      if (await intake.findOpenCandidacy(tx, found.id, session.id)) throw DUPLICATE_CANDIDACY();
      const facts = mergeDeclaredFacts(found.facts as CandidateFacts, declared);
      evaluatedFacts = facts;
      if (isProfileUpdatePending) {
        candidate = found;
      } else {
        const email = found.email ?? application.email ?? null;
        const phone = found.phone ?? application.phone ?? null;
        const birthDate = facts.birthDate?.value;
        const updated = await candidates.update(tx, found.id, {
          email,
          phone,
          facts,
          consent,
          ...(application.address ? { address: application.address } : {}),
          ...(source ? { source } : {}),
          ...(application.disabilityRecognition !== undefined
            ? { disabilityRecognition: application.disabilityRecognition }
            : {}),
          searchText: buildSearchText({ ...found, email, phone }),
          identityKey: identityKeyOf({ firstName: found.firstName, lastName: found.lastName, birthDate }),
        });
        if (!updated) throw new Error('candidate vanished during intake');
        candidate = updated;
      }
    } else {
      candidate = await candidates.insert(tx, {
        firstName: application.firstName,
        lastName: application.lastName,
        email: application.email ?? null,
        phone: application.phone ?? null,
        address: application.address ?? null,
        facts: declared,
        source: source ?? null,
        consent,
        disabilityRecognition: application.disabilityRecognition ?? null,
        searchText: buildSearchText(application),
        identityKey: identityKeyOf(application),
      });
      evaluatedFacts = declared;
    }

    const possibleDuplicates = candidate.identityKey
      ? await candidates.findIdsByIdentityKey(tx, candidate.identityKey, candidate.id)
      : [];
    if (phoneMatchNotMerged && !possibleDuplicates.includes(phoneMatchNotMerged))
      possibleDuplicates.push(phoneMatchNotMerged);

    const referrerPartnerId = input.referrerPartnerId ?? source?.partnerId ?? null;
    if (referrerPartnerId && !(await isPartnerOfFabrique(tx, referrerPartnerId, session.fabriqueId))) {
      throw new DomainError('rule_violated', `no partner ${referrerPartnerId} working with this fabrique`);
    }
    const applicationDate = calendarDateInParis(new Date());
    const eligibility = await evaluateCandidacyEligibility(tx, {
      session,
      facts: evaluatedFacts,
      applicationDate,
    });
    const candidacy = await intake.insertCandidacy(tx, {
      sessionId: session.id,
      candidateId: candidate.id,
      fabriqueId: session.fabriqueId,
      stage: 'submitted',
      applicationDate,
      source: source?.kind ?? null,
      referrerPartnerId,
      answers: application.answers,
      ...eligibility,
      eligibility: eligibility.eligibility as unknown as Record<string, unknown>,
      eligibilityInputs: eligibility.eligibilityInputs as Record<string, unknown>,
    });
    const meta = auditMeta(context);
    await intake.insertEvent(tx, {
      candidacyId: candidacy.id,
      actorType: meta.actorType,
      actorId: meta.actorId,
      type: 'submitted',
      fromStage: null,
      toStage: 'submitted',
      details: {
        door: input.door,
        source: source?.kind ?? null,
        eligibilityStatus: eligibility.eligibilityStatus,
        consent,
        ...(isProfileUpdatePending
          ? { isProfileUpdatePending, declaredFacts: declared, declaredAddress: application.address ?? null }
          : {}),
      },
      requestId: context.requestId,
    });
    await audit.record(tx, {
      ...meta,
      action: 'candidacy.submitted',
      entityType: 'candidacy',
      entityId: candidacy.id,
      fabriqueId: session.fabriqueId,
      details: {
        door: input.door,
        sessionId: session.id,
        candidateId: candidate.id,
        isNewCandidate: !found,
        eligibilityStatus: eligibility.eligibilityStatus,
        policyVersion: eligibility.eligibility.policyVersion,
        possibleDuplicates,
      },
    });
    await recordEvent(tx, {
      type: 'candidacy.submitted',
      fabriqueId: session.fabriqueId,
      occurredAt: candidacy.submittedAt,
      data: {
        candidacyId: candidacy.id,
        candidateId: candidate.id,
        sessionId: session.id,
        fabriqueId: session.fabriqueId,
        stage: candidacy.stage,
        source: candidacy.source,
        eligibilityStatus: eligibility.eligibilityStatus,
        submittedAt: candidacy.submittedAt.toISOString(),
      },
    });
    return {
      candidacyId: candidacy.id,
      candidateId: candidate.id,
      eligibility: eligibility.eligibility,
      possibleDuplicates,
    };
  }

  /**
   * One transaction; retried once when a concurrent intake created the same person first (the
   * e-mail is unique), so that the retry finds them. A second open candidacy is a 409.
   */
  async function runIntake(context: RequestContext, session: SessionRow, input: IntakeInput) {
    for (let attempt = 1; ; attempt++) {
      try {
        return await db.transaction((tx) => intakeApplication(tx, context, session, input));
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        if (attempt >= 2) throw DUPLICATE_CANDIDACY();
      }
    }
  }

  /** The session a coordinator records a candidacy for: in their fabriques (404 otherwise), not finished. */
  async function findSessionForStaff(executor: Executor, actor: Actor, sessionId: string) {
    const session = await intake.findSession(executor, sessionId);
    if (!session || !canAccessFabrique(actor, session.fabriqueId))
      throw new DomainError('not_found', 'no such session');
    if (FINISHED_SESSION_STATUSES.includes(session.status))
      throw new DomainError('conflict', 'application.session_closed');
    return session;
  }

  return {
    intakeApplication,
    findSessionForStaff,

    /** The public form: only while the session is recruiting and its window is open (Europe/Paris). */
    async submitPublicApplication(
      context: RequestContext,
      sessionId: string,
      application: Application,
    ): Promise<ApplicationReceipt> {
      const session = await intake.findSession(db, sessionId);
      if (!session || session.status === 'draft') throw new DomainError('not_found', 'no such session');
      if (!isAcceptingApplications(session, calendarDateInParis(new Date())))
        throw new DomainError('conflict', 'application.session_closed');
      const { website: _honeypot, ...fields } = application;
      const result = await runIntake(context, session, { application: fields, door: 'public_form' });
      return { candidacyId: result.candidacyId, eligibility: result.eligibility };
    },

    /** A coordinator's (or an integration's) intake, for a session of their fabriques. */
    async createCandidacy(
      context: RequestContext & { actor: Actor },
      body: CandidacyIntake,
    ): Promise<IntakeResult> {
      const session = await findSessionForStaff(db, context.actor, body.sessionId);
      const { sessionId: _sessionId, prescriberPartnerId, website: _honeypot, ...application } = body;
      return runIntake(context, session, {
        application,
        referrerPartnerId: prescriberPartnerId,
        door: 'coordinator',
      });
    },

    /** The anonymous self-check: the answers against each open session's policy. Reads only. */
    async checkEligibility(input: EligibilityCheck): Promise<EligibilityCheckResult> {
      const today = calendarDateInParis(new Date());
      const sessions = await intake.listRecruitingSessions(db, {
        today,
        fabriqueIds: input.fabriqueId ? [input.fabriqueId] : undefined,
        departmentCodes: input.postalCode ? departmentsOfPostalCode(input.postalCode) : undefined,
      });
      const facts = toDeclaredFacts(input);
      const evaluations: SessionEligibilityCheck[] = [];
      for (const session of sessions) {
        const columns = await evaluateCandidacyEligibility(db, { session, facts, applicationDate: today });
        evaluations.push(toSessionCheck(session, columns.eligibility));
      }
      return {
        evaluations,
        matchingSessionIds: evaluations
          .filter((evaluation) => evaluation.status !== 'ineligible')
          .map((evaluation) => evaluation.session.id),
      };
    },
  };
}

export type IntakeService = ReturnType<typeof createIntakeService>;
