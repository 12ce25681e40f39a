import type { ApiScope } from '../api-client/api-client.schema.ts';
import type { Role } from '../user/user.schema.ts';

/**
 * Who calls: a signed-in user, governed by their role, or an API client, which acts in its
 * fabriques like a coordinator and is further limited by the scopes of its token.
 */
export type Actor = UserActor | ApiClientActor;

export interface UserActor {
  kind?: 'user';
  id: string;
  role: Role;
  fabriqueIds: readonly string[];
}

export interface ApiClientActor {
  kind: 'api_client';
  id: string;
  /** Always `coordinator`: a client never has an admin's or a trainer's powers. */
  role: 'coordinator';
  fabriqueIds: readonly string[];
  scopes: readonly ApiScope[];
}

export function isApiClient(actor: Actor): actor is ApiClientActor {
  return actor.kind === 'api_client';
}

/**
 * Whether the actor may call a route: users always reach the handler (their role decides there);
 * a client needs the route to declare a scope, and its token to hold it.
 */
export function checkRouteScope(
  actor: Actor,
  routeScope: ApiScope | undefined,
): { allowed: true } | { allowed: false; missing: ApiScope | null } {
  if (!isApiClient(actor)) return { allowed: true };
  if (!routeScope) return { allowed: false, missing: null };
  return actor.scopes.includes(routeScope) ? { allowed: true } : { allowed: false, missing: routeScope };
}

/** Whether the actor may see records of the given fabrique (404 otherwise, never 403). */
export function canAccessFabrique(actor: Actor, fabriqueId: string): boolean {
  if (actor.role === 'admin') return true;
  if (actor.role === 'viewer') return false;
  return actor.fabriqueIds.includes(fabriqueId);
}

/** The fabriques whose records the actor sees; `'all'` for admins. */
export function visibleFabriqueIds(actor: Actor): readonly string[] | 'all' {
  if (actor.role === 'admin') return 'all';
  if (actor.role === 'viewer') return [];
  return actor.fabriqueIds;
}

export function isAdmin(actor: Actor): boolean {
  return actor.role === 'admin';
}

export const LOGIN_LOCK = {
  /** Failed attempts that lock the account. */
  maxFailures: 5,
  /** How long the account stays locked. */
  lockMinutes: 15,
} as const;

/** When the account must stay locked until, after `failures` consecutive failed sign-ins. */
export function computeLockUntil(failures: number, now: Date): Date | null {
  if (failures < LOGIN_LOCK.maxFailures) return null;
  return new Date(now.getTime() + LOGIN_LOCK.lockMinutes * 60_000);
}
