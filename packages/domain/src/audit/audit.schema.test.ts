import { describe, expect, it } from 'vitest';
import { AuditLogEntrySchema, AuditLogQuerySchema } from './audit.schema.ts';

const ID = '019ac1f2-7b3e-7c41-9a55-2f1e8d0c4b7a';

const entry = {
  id: ID,
  occurredAt: '2026-02-01T09:30:00.000Z',
  actorType: 'user',
  actorId: ID,
  action: 'user.updated',
  entityType: 'user',
  entityId: ID,
  fabriqueId: null,
  requestId: 'req-1',
  ip: '203.0.113.7',
  details: { changed: ['displayName'] },
};

describe('AuditLogEntrySchema', () => {
  it('describes an entry, with or without an actor and an entity', () => {
    expect(AuditLogEntrySchema.parse(entry)).toEqual(entry);
    const anonymous = {
      ...entry,
      actorType: 'anonymous',
      actorId: null,
      action: 'auth.login_failed',
      entityId: null,
      requestId: null,
      ip: null,
      details: null,
    };
    expect(AuditLogEntrySchema.parse(anonymous)).toEqual(anonymous);
  });

  it('refuses an unknown actor type and a local time', () => {
    expect(AuditLogEntrySchema.safeParse({ ...entry, actorType: 'robot' }).error?.issues[0]?.path).toEqual([
      'actorType',
    ]);
    expect(
      AuditLogEntrySchema.safeParse({ ...entry, occurredAt: '2026-02-01T10:30:00+01:00' }).error?.issues[0]
        ?.path,
    ).toEqual(['occurredAt']);
  });
});

describe('AuditLogQuerySchema', () => {
  it('accepts no filter at all', () => {
    expect(AuditLogQuerySchema.parse({})).toEqual({});
  });

  it('trims the entity type and the action', () => {
    expect(AuditLogQuerySchema.parse({ entityType: ' user ', action: ' user.updated ' })).toEqual({
      entityType: 'user',
      action: 'user.updated',
    });
  });

  it.each([
    [{ entityType: '   ' }, 'entityType'],
    [{ entityType: 'x'.repeat(61) }, 'entityType'],
    [{ action: 'x'.repeat(101) }, 'action'],
    [{ entityId: 'user-1' }, 'entityId'],
    [{ actorId: '42' }, 'actorId'],
    [{ from: '2026-02-01' }, 'from'],
    [{ to: '2026-02-01T10:30:00+01:00' }, 'to'],
  ])('refuses %j', (query, path) => {
    expect(AuditLogQuerySchema.safeParse(query).error?.issues.map((issue) => issue.path)).toEqual([[path]]);
  });
});
