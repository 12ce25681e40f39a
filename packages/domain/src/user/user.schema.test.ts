import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CreateUserSchema, checkRoleFabriques, ROLES } from './user.schema.ts';

describe('CreateUserSchema', () => {
  const base = { email: '  Alice@Example.FR ', displayName: 'Alice', password: 'correct horse battery' };

  it('normalises the e-mail to lower case', () => {
    const parsed = CreateUserSchema.parse({ ...base, role: 'admin' });
    expect(parsed.email).toBe('alice@example.fr');
    expect(parsed.locale).toBe('fr');
  });

  it('requires a fabrique for coordinators', () => {
    const result = CreateUserSchema.safeParse({ ...base, role: 'coordinator', fabriqueIds: [] });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['fabriqueIds']);
  });

  it('refuses short passwords', () => {
    const result = CreateUserSchema.safeParse({ ...base, role: 'viewer', password: 'short' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['password']);
  });
});

describe('checkRoleFabriques', () => {
  it('accepts exactly the scoped roles with fabriques and the others without', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ROLES), fc.array(fc.uuid(), { maxLength: 3 }), (role, ids) => {
        const scoped = role === 'coordinator' || role === 'trainer';
        expect(checkRoleFabriques(role, ids) === null).toBe(scoped ? ids.length > 0 : ids.length === 0);
      }),
    );
  });
});
