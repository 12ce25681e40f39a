import { describe, expect, it } from 'vitest';
import {
  APPLICATION_STEPS,
  fieldErrorsFromProblem,
  fieldOfPath,
  stepOfField,
  validateApplication,
  validateStep,
} from './application-rules';
import { type ApplicationDraftValues, EMPTY_DRAFT_VALUES } from './application-values';

const TODAY = '2026-11-26';

const COMPLETE: ApplicationDraftValues = {
  ...EMPTY_DRAFT_VALUES,
  firstName: 'Inès',
  lastName: 'Martin',
  birthDate: '14/07/2003',
  email: 'ines.martin@example.fr',
  employmentSituation: 'job_seeker',
  street: '12 rue de la Paix',
  postalCode: '59100',
  inseeCode: '59512',
  highestLevel: '3',
  jobSeekerRegistered: 'no',
  motivation: 'Je veux coder.',
  sourceKind: 'website',
  consentAccepted: true,
};

const keysOf = (values: ApplicationDraftValues, step: number) =>
  Object.fromEntries(validateStep(values, step, TODAY).map((issue) => [issue.field, issue.key]));

describe('step validation', () => {
  it('accepts a complete application', () => {
    expect(validateApplication(COMPLETE, TODAY)).toEqual([]);
  });

  it('reports only the fields of the step in front of the person', () => {
    expect(keysOf(EMPTY_DRAFT_VALUES, 0)).toEqual({
      firstName: 'required',
      lastName: 'required',
      birthDate: 'required',
      email: 'contact_required',
    });
    expect(keysOf(EMPTY_DRAFT_VALUES, stepOfField('motivation'))).toEqual({
      motivation: 'motivation_required',
    });
  });

  it('phrases the shared schema’s refusals for the field concerned', () => {
    const identity = keysOf(
      { ...COMPLETE, email: 'ines@', phone: '12', birthDate: '31/02/2003' },
      stepOfField('email'),
    );
    expect(identity).toEqual({
      email: 'email_invalid',
      phone: 'phone_invalid',
      birthDate: 'birth_date_invalid',
    });
    expect(keysOf({ ...COMPLETE, birthDate: '01/01/2099' }, 0)).toEqual({ birthDate: 'birth_date_future' });
    expect(keysOf({ ...COMPLETE, postalCode: '591', inseeCode: '' }, stepOfField('postalCode'))).toEqual({
      postalCode: 'postal_code_invalid',
      inseeCode: 'commune_required',
    });
    expect(
      keysOf(
        { ...COMPLETE, jobSeekerRegistered: 'yes', franceTravailId: 'abc' },
        stepOfField('franceTravailId'),
      ),
    ).toEqual({ jobSeekerBucket: 'choose_one', franceTravailId: 'france_travail_id_invalid' });
    expect(keysOf({ ...COMPLETE, consentAccepted: false }, APPLICATION_STEPS.length - 1)).toEqual({
      consentAccepted: 'consent_required',
    });
  });

  it('asks for a guardian’s consent under 18 only', () => {
    const situation = stepOfField('guardianConsent');
    expect(keysOf({ ...COMPLETE, birthDate: '01/01/2010' }, situation)).toEqual({
      guardianConsent: 'choose_one',
    });
    expect(keysOf(COMPLETE, situation)).toEqual({});
  });

  it('leaves a filled honeypot to the server', () => {
    expect(validateApplication({ ...COMPLETE, website: 'http://spam.example' }, TODAY)).toEqual([]);
  });

  it('puts the server’s errors on the right field and step', () => {
    expect(fieldOfPath('address.postalCode')).toBe('postalCode');
    expect(fieldOfPath('jobSeeker.sinceBucket.bucket')).toBe('jobSeekerBucket');
    const errors = fieldErrorsFromProblem([
      { path: 'body.email', message: 'adresse e-mail invalide' },
      { path: 'body.address.inseeCode', message: 'code INSEE invalide' },
      { path: 'body', message: 'candidature refusée' },
      { path: 'params.id', message: 'invalid' },
    ]);
    expect([...errors]).toEqual([
      ['email', 'adresse e-mail invalide'],
      ['inseeCode', 'code INSEE invalide'],
      ['website', 'candidature refusée'],
    ]);
    expect(stepOfField('inseeCode')).toBe(2);
  });
});
