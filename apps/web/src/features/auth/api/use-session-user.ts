import type { Me } from '@passerelle/domain/auth/auth.schema';
import { useSyncExternalStore } from 'react';
import { getSession, subscribeToSession } from '../../../lib/api-client';

function getSessionUser(): Me | null {
  return getSession()?.user ?? null;
}

/** The signed-in user, re-rendering on sign-in, refresh and sign-out. */
export function useSessionUser(): Me | null {
  return useSyncExternalStore(subscribeToSession, getSessionUser, getSessionUser);
}
