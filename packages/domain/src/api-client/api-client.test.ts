import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { API_SCOPES, CreateApiClientSchema, grantScopes, parseScopeParameter } from './api-client.schema.ts';

describe('OAuth scope parameter', () => {
  it('parses space-separated scopes and refuses an unknown one', () => {
    expect(parseScopeParameter('candidacies:read  sessions:read')).toEqual([
      'candidacies:read',
      'sessions:read',
    ]);
    expect(parseScopeParameter('')).toEqual([]);
    expect(parseScopeParameter('candidacies:read admin')).toBeNull();
  });

  it('grants every scope by default, a subset on request, nothing beyond (property)', () => {
    const scopes = fc.subarray([...API_SCOPES]);
    fc.assert(
      fc.property(scopes, scopes, (granted, requested) => {
        const result = grantScopes(granted, requested);
        if (requested.length === 0) expect(result).toEqual(granted);
        else if (requested.every((scope) => granted.includes(scope))) expect(result).toEqual(requested);
        else expect(result).toBeNull();
      }),
    );
  });
});

describe('CreateApiClientSchema', () => {
  const base = { name: 'Intégration', scopes: ['candidacies:read'] };
  it('needs fabriques unless global, and none when global', () => {
    expect(CreateApiClientSchema.safeParse(base).success).toBe(false);
    expect(CreateApiClientSchema.safeParse({ ...base, isAllFabriques: true }).success).toBe(true);
    expect(
      CreateApiClientSchema.safeParse({ ...base, fabriqueIds: ['01936b8e-8f5a-7c3d-9a1b-2c3d4e5f6a7b'] })
        .success,
    ).toBe(true);
    expect(
      CreateApiClientSchema.safeParse({
        ...base,
        isAllFabriques: true,
        fabriqueIds: ['01936b8e-8f5a-7c3d-9a1b-2c3d4e5f6a7b'],
      }).success,
    ).toBe(false);
  });
});
