import type { LoginResponse, Me } from '@passerelle/domain/auth/auth.schema';
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
