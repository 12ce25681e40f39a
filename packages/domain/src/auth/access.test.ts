import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ROLES } from '../user/user.schema.ts';
import {
  type Actor,
  canAccessFabrique,
  checkRouteScope,
  computeLockUntil,
  LOGIN_LOCK,
  visibleFabriqueIds,
} from './access.ts';

const actorArb = fc.record({
  id: fc.uuid(),
  role: fc.constantFrom(...ROLES),
  fabriqueIds: fc.uniqueArray(fc.uuid(), { maxLength: 5 }),
});

describe('canAccessFabrique', () => {
  it('lets an admin see every fabrique', () => {
    expect(canAccessFabrique({ id: 'a', role: 'admin', fabriqueIds: [] }, 'f1')).toBe(true);
  });

  it('never lets a viewer see a fabrique’s records', () => {
    expect(canAccessFabrique({ id: 'v', role: 'viewer', fabriqueIds: ['f1'] }, 'f1')).toBe(false);
  });

  it('scopes coordinators and trainers to their fabriques', () => {
    const actor: Actor = { id: 'c', role: 'coordinator', fabriqueIds: ['f1'] };
    expect(canAccessFabrique(actor, 'f1')).toBe(true);
    expect(canAccessFabrique(actor, 'f2')).toBe(false);
  });

  it('agrees with visibleFabriqueIds for every actor and fabrique', () => {
    fc.assert(
      fc.property(actorArb, fc.uuid(), (actor, fabriqueId) => {
        const visible = visibleFabriqueIds(actor);
        const expected = visible === 'all' || visible.includes(fabriqueId);
        expect(canAccessFabrique(actor, fabriqueId)).toBe(expected);
      }),
    );
  });
});

describe('computeLockUntil', () => {
  const now = new Date('2026-11-26T10:00:00Z');

  it('does not lock below the threshold', () => {
    expect(computeLockUntil(LOGIN_LOCK.maxFailures - 1, now)).toBeNull();
  });

  it('locks for the configured minutes from the threshold on', () => {
    fc.assert(
      fc.property(fc.integer({ min: LOGIN_LOCK.maxFailures, max: 1000 }), (failures) => {
        const until = computeLockUntil(failures, now);
        expect(until?.getTime()).toBe(now.getTime() + LOGIN_LOCK.lockMinutes * 60_000);
      }),
    );
  });
});

describe('checkRouteScope', () => {
  const client = {
    kind: 'api_client' as const,
    id: 'c',
    role: 'coordinator' as const,
    fabriqueIds: ['f'],
    scopes: ['candidacies:read' as const],
  };
  it('lets users through, and clients only with the declared scope', () => {
    expect(checkRouteScope({ id: 'u', role: 'viewer', fabriqueIds: [] }, undefined)).toEqual({
      allowed: true,
    });
    expect(checkRouteScope(client, 'candidacies:read')).toEqual({ allowed: true });
    expect(checkRouteScope(client, 'candidacies:write')).toEqual({
      allowed: false,
      missing: 'candidacies:write',
    });
    expect(checkRouteScope(client, undefined)).toEqual({ allowed: false, missing: null });
  });
});
