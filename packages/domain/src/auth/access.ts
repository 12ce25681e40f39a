import type { Role } from '../user/user.schema.ts';

export interface Actor {
  id: string;
  role: Role;
  fabriqueIds: readonly string[];
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
