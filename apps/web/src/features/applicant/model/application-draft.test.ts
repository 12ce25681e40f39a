import { ApplicationSchema } from '@passerelle/domain/application/application.schema';
import { afterEach, describe, expect, it } from 'vitest';
import { EMPTY_DRAFT_VALUES, toApplication } from '../../../components/application/application-values';
import { PRIVACY_NOTICE_VERSION } from '../../../components/application/privacy-notice';
import {
  clearDraft,
  createDraft,
  loadDraft,
  loadSubmitted,
  saveDraft,
  saveSubmitted,
} from './application-draft';

const SESSION = '019ac1f2-7b3e-7c41-9a55-2f1e8d0c4b7a';
const TODAY = '2026-11-26';

afterEach(() => localStorage.clear());

describe('the application draft kept on the device', () => {
  it('gives back what was typed, the step and the same idempotency key after a reload', () => {
    const draft = createDraft(SESSION);
    saveDraft({ ...draft, step: 3, values: { ...draft.values, firstName: 'Inès', consentAccepted: true } });

    const reloaded = loadDraft(SESSION);
    expect(reloaded.step).toBe(3);
    expect(reloaded.values.firstName).toBe('Inès');
    expect(reloaded.values.consentAccepted).toBe(true);
    expect(reloaded.idempotencyKey).toBe(draft.idempotencyKey);
  });

  it('keeps one draft per session', () => {
    saveDraft({ ...createDraft(SESSION), values: { ...EMPTY_DRAFT_VALUES, lastName: 'Martin' } });
    expect(loadDraft('019ac1f2-0000-7000-8000-000000000000').values.lastName).toBe('');
  });

  it('starts afresh from a corrupt or foreign entry, keeping only well-typed answers', () => {
    localStorage.setItem(`passerelle.application-draft.${SESSION}`, '{not json');
    expect(loadDraft(SESSION).values).toEqual(EMPTY_DRAFT_VALUES);

    localStorage.setItem(
      `passerelle.application-draft.${SESSION}`,
      JSON.stringify({ step: -4, values: { firstName: 42, lastName: 'Diallo', unknown: 'x' } }),
    );
    const draft = loadDraft(SESSION);
    expect(draft.step).toBe(0);
    expect(draft.values.firstName).toBe('');
    expect(draft.values.lastName).toBe('Diallo');
    expect(draft.idempotencyKey).toMatch(/^application-[\w-]+$/);
  });

  it('forgets the draft once sent and remembers the receipt', () => {
    saveDraft(createDraft(SESSION));
    clearDraft(SESSION);
    saveSubmitted({
      sessionId: SESSION,
      candidacyId: '019ac1f2-7b3e-7c41-9a55-2f1e8d0c4b7b',
      submittedAt: '2026-11-26T10:00:00.000Z',
      contact: { email: 'a@b.fr', phone: '' },
    });
    expect(localStorage.getItem(`passerelle.application-draft.${SESSION}`)).toBeNull();
    expect(loadSubmitted(SESSION)?.candidacyId).toBe('019ac1f2-7b3e-7c41-9a55-2f1e8d0c4b7b');
  });

  it('turns a complete draft into a body the shared schema accepts', () => {
    const body = toApplication(
      {
        ...EMPTY_DRAFT_VALUES,
        firstName: 'Inès',
        lastName: 'Martin',
        birthDate: '14/07/2003',
        gender: 'female',
        email: 'ines.martin@example.fr',
        phone: '06 12 34 56 78',
        employmentSituation: 'job_seeker',
        rsaBeneficiary: 'no',
        street: '12 rue de la Paix',
        postalCode: '59100',
        inseeCode: '59512',
        communeName: 'Roubaix',
        highestLevel: '3',
        jobSeekerRegistered: 'yes',
        jobSeekerBucket: '12_23m',
        franceTravailId: '1234567 a',
        motivation: 'Je veux coder.',
        sourceKind: 'mission_locale',
        consentAccepted: true,
      },
      TODAY,
    );
    const parsed = ApplicationSchema.parse(body);
    expect(parsed.birthDate).toBe('2003-07-14');
    expect(parsed.phone).toBe('+33612345678');
    expect(parsed.jobSeeker).toEqual({
      registered: true,
      sinceBucket: { bucket: '12_23m', statedOn: TODAY },
      identifier: '1234567A',
    });
    expect(parsed.consent).toEqual({ privacyNoticeVersion: PRIVACY_NOTICE_VERSION, futureContact: false });
    expect(parsed.answers).toEqual([{ questionId: 'motivation', answer: 'Je veux coder.' }]);
    expect(body).not.toHaveProperty('website');
  });
});
