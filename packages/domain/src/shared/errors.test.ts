import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError, ERROR_CODES, type ErrorCode, isDomainError } from './errors.ts';

const CODES = Object.keys(ERROR_CODES) as ErrorCode[];

describe('DomainError', () => {
  it('carries its code and detail, the detail as its message', () => {
    const error = new DomainError('rule_violated', 'candidacy.comment_required');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('DomainError');
    expect(error.code).toBe('rule_violated');
    expect(error.detail).toBe('candidacy.comment_required');
    expect(error.message).toBe('candidacy.comment_required');
  });

  it('uses the code as its message when it has no detail', () => {
    const error = new DomainError('not_found');
    expect(error.detail).toBeUndefined();
    expect(error.message).toBe('not_found');
  });

  it('keeps any code and detail it is given', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CODES), fc.option(fc.string(), { nil: undefined }), (code, detail) => {
        const error = new DomainError(code, detail);
        expect([error.code, error.detail, error.message]).toEqual([code, detail, detail ?? code]);
      }),
    );
  });
});

describe('ERROR_CODES', () => {
  it('maps every code to an HTTP error status', () => {
    for (const status of Object.values(ERROR_CODES)) {
      expect(status >= 400 && status < 600).toBe(true);
    }
    expect(ERROR_CODES.stale_version).toBe(409);
    expect(ERROR_CODES.rule_violated).toBe(422);
  });
});

describe('isDomainError', () => {
  it('recognises a domain error, even thrown and caught', () => {
    let caught: unknown;
    try {
      throw new DomainError('conflict');
    } catch (error) {
      caught = error;
    }
    expect(isDomainError(caught)).toBe(true);
  });

  it.each([
    ['a plain error', new Error('not_found')],
    ['a look-alike object', { name: 'DomainError', code: 'not_found', message: 'not_found' }],
    ['an error with a code', Object.assign(new Error('x'), { code: 'not_found' })],
    ['a string', 'not_found'],
    ['null', null],
    ['undefined', undefined],
  ])('refuses %s', (_label, value) => {
    expect(isDomainError(value)).toBe(false);
  });
});
