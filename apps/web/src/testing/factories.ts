import type { LoginResponse, Me } from '@passerelle/domain/auth/auth.schema';
import type { CandidacyDetail } from '@passerelle/domain/candidacy/candidacy-pipeline.schema';
import type { User } from '@passerelle/domain/user/user.schema';

export function buildMe(overrides: Partial<Me> = {}): Me {
  return {
    kind: 'user',
    id: '019ac1f2-7b3e-7c41-9a55-2f1e8d0c4b7a',
    email: 'coordination.roubaix@demo.test',
    displayName: 'Camille Martin',
    role: 'coordinator',
    locale: 'fr',
    fabriques: [{ id: '019ac1f2-7b3e-7c41-9a55-2f1e8d0c4b7b', name: 'Roubaix' }],
    ...overrides,
  };
}

export function buildLoginResponse(overrides: Partial<LoginResponse> = {}): LoginResponse {
  return { accessToken: 'access-1', expiresIn: 900, user: buildMe(), ...overrides };
}

export function buildUser(overrides: Partial<User> = {}): User {
  return {
    id: '019ac1f2-7b3e-7c41-9a55-2f1e8d0c4b7c',
    email: 'formation.roubaix@demo.test',
    displayName: 'Sami Benali',
    role: 'trainer',
    locale: 'fr',
    isActive: true,
    fabriques: [{ id: '019ac1f2-7b3e-7c41-9a55-2f1e8d0c4b7b', name: 'Roubaix' }],
    lastLoginAt: null,
    version: 3,
    createdAt: '2026-11-20T10:00:00.000Z',
    updatedAt: '2026-11-20T10:00:00.000Z',
    ...overrides,
  };
}

export function buildCandidacyDetail(overrides: Partial<CandidacyDetail> = {}): CandidacyDetail {
  const sessionId = '019ac1f2-7b3e-7c41-9a55-2f1e8d0c4b70';
  return {
    id: '019ac1f2-7b3e-7c41-9a55-2f1e8d0c4b01',
    sessionId,
    candidateId: '019ac1f2-7b3e-7c41-9a55-2f1e8d0c4b73',
    fabriqueId: '019ac1f2-7b3e-7c41-9a55-2f1e8d0c4b7b',
    stage: 'interview',
    applicationDate: '2026-11-02',
    submittedAt: '2026-11-02T09:00:00.000Z',
    stageChangedAt: '2026-11-10T09:00:00.000Z',
    source: 'website',
    referrerPartnerId: null,
    answers: [],
    rejection: null,
    withdrawalReason: null,
    eligibility: null,
    eligibilityStatus: 'incomplete',
    eligibilityInputs: null,
    eligibilityDecision: null,
    isEligibilityFrozen: false,
    criteriaMet: [],
    isFlaggedEnrolledElsewhere: false,
    version: 3,
    createdAt: '2026-11-02T09:00:00.000Z',
    updatedAt: '2026-11-10T09:00:00.000Z',
    candidate: {
      id: '019ac1f2-7b3e-7c41-9a55-2f1e8d0c4b73',
      firstName: 'Léa',
      lastName: 'Lefebvre',
      email: 'lea.lefebvre@example.test',
      phone: null,
      address: null,
      facts: {},
      source: null,
      consent: {
        acceptedAt: '2026-11-02T09:00:00.000Z',
        privacyNoticeVersion: '2026-09',
        futureContact: false,
      },
      version: 1,
      createdAt: '2026-11-02T09:00:00.000Z',
      updatedAt: '2026-11-02T09:00:00.000Z',
    },
    session: {
      id: sessionId,
      name: 'Promo hiver 2027',
      fabriqueId: '019ac1f2-7b3e-7c41-9a55-2f1e8d0c4b7b',
      capacity: 20,
    },
    scorecards: [],
    latestEvents: [],
    duplicates: [],
    ...overrides,
  };
}
