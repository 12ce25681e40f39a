import {
  type ApplicationDraftValues,
  EMPTY_DRAFT_VALUES,
} from '../../../components/application/application-values';

export interface ApplicationDraft {
  sessionId: string;
  /** Sent with every attempt to submit this application: a retry or a double click creates one candidacy. */
  idempotencyKey: string;
  step: number;
  values: ApplicationDraftValues;
}

export interface ApplicationSubmitted {
  sessionId: string;
  candidacyId: string;
  submittedAt: string;
  contact: { email: string; phone: string };
}

const DRAFT_PREFIX = 'passerelle.application-draft.';
const SUBMITTED_PREFIX = 'passerelle.application-sent.';

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    // Storage disabled (strict privacy settings): the form still works, it just forgets on reload.
    return null;
  }
}

export function createIdempotencyKey(): string {
  return `application-${crypto.randomUUID()}`;
}

export function createDraft(sessionId: string): ApplicationDraft {
  return { sessionId, idempotencyKey: createIdempotencyKey(), step: 0, values: { ...EMPTY_DRAFT_VALUES } };
}

/** The draft kept for this session, or a fresh one; unknown or missing fields take their empty value. */
export function loadDraft(sessionId: string): ApplicationDraft {
  const raw = storage()?.getItem(`${DRAFT_PREFIX}${sessionId}`);
  if (!raw) return createDraft(sessionId);
  try {
    const stored = JSON.parse(raw) as Partial<ApplicationDraft>;
    const values = { ...EMPTY_DRAFT_VALUES };
    for (const key of Object.keys(EMPTY_DRAFT_VALUES) as (keyof ApplicationDraftValues)[]) {
      const value = stored.values?.[key];
      if (typeof value === typeof EMPTY_DRAFT_VALUES[key]) (values as Record<string, unknown>)[key] = value;
    }
    return {
      sessionId,
      idempotencyKey:
        typeof stored.idempotencyKey === 'string' && stored.idempotencyKey
          ? stored.idempotencyKey
          : createIdempotencyKey(),
      step: typeof stored.step === 'number' && stored.step >= 0 ? Math.floor(stored.step) : 0,
      values,
    };
  } catch {
    return createDraft(sessionId);
  }
}

export function saveDraft(draft: ApplicationDraft) {
  try {
    storage()?.setItem(`${DRAFT_PREFIX}${draft.sessionId}`, JSON.stringify(draft));
  } catch {
    // Quota exceeded or storage disabled: keep going, the answers stay in memory.
  }
}

export function clearDraft(sessionId: string) {
  storage()?.removeItem(`${DRAFT_PREFIX}${sessionId}`);
}

export function saveSubmitted(submitted: ApplicationSubmitted) {
  try {
    storage()?.setItem(`${SUBMITTED_PREFIX}${submitted.sessionId}`, JSON.stringify(submitted));
  } catch {
    // The confirmation page then shows its general text.
  }
}

export function loadSubmitted(sessionId: string): ApplicationSubmitted | null {
  const raw = storage()?.getItem(`${SUBMITTED_PREFIX}${sessionId}`);
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as ApplicationSubmitted;
    return parsed.sessionId === sessionId && typeof parsed.candidacyId === 'string' ? parsed : null;
  } catch {
    return null;
  }
}
