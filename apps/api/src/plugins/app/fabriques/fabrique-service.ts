import { type Actor, canAccessFabrique, visibleFabriqueIds } from '@passerelle/domain/auth/access';
import type { CreateFabrique, Fabrique, UpdateFabrique } from '@passerelle/domain/fabrique/fabrique.schema';
import { DomainError } from '@passerelle/domain/shared/errors';
import type { Database } from '../../../db/client.ts';
import { isUniqueViolation } from '../../../db/errors.ts';
import type { FabriqueRow } from '../../../db/schema/index.ts';
import type { AuditRepository } from '../audit/audit-repository.ts';
import { type AuthenticatedContext, auditMeta } from '../http/context.ts';
import { decodeCursor, toPage } from '../http/pagination.ts';
import { type ExpectedVersion, staleVersionError } from '../http/versioning.ts';
import type { FabriqueRepository } from './fabrique-repository.ts';

export function toFabriqueDto(row: FabriqueRow): Fabrique {
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    city: row.city,
    departmentCode: row.departmentCode,
    isActive: row.isActive,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function requireAdmin(actor: Actor): void {
  if (actor.role !== 'admin') throw new DomainError('forbidden', 'only an admin may change fabriques');
}

function duplicateSlug(slug: string): DomainError {
  return new DomainError('duplicate', `a fabrique with slug "${slug}" already exists`);
}

export function createFabriqueService(deps: {
  db: Database;
  fabriques: FabriqueRepository;
  audit: AuditRepository;
}) {
  const { db, fabriques, audit } = deps;

  async function getVisible(actor: Actor, id: string): Promise<FabriqueRow> {
    const row = await fabriques.findById(db, id);
    if (!row || !canAccessFabrique(actor, row.id)) throw new DomainError('not_found', 'no such fabrique');
    return row;
  }

  return {
    async listFabriques(actor: Actor, query: { limit: number; cursor?: string | undefined }) {
      const rows = await fabriques.list(db, {
        limit: query.limit,
        afterId: decodeCursor(query.cursor),
        visibleIds: visibleFabriqueIds(actor),
      });
      const page = toPage(rows, query.limit);
      return { data: page.data.map(toFabriqueDto), nextCursor: page.nextCursor };
    },

    async getFabrique(actor: Actor, id: string): Promise<Fabrique> {
      return toFabriqueDto(await getVisible(actor, id));
    },

    async createFabrique(context: AuthenticatedContext, input: CreateFabrique): Promise<Fabrique> {
      requireAdmin(context.actor);
      try {
        return await db.transaction(async (tx) => {
          const row = await fabriques.insert(tx, input);
          await audit.record(tx, {
            ...auditMeta(context),
            action: 'fabrique.created',
            entityType: 'fabrique',
            entityId: row.id,
            fabriqueId: row.id,
            details: { after: toFabriqueDto(row) },
          });
          return toFabriqueDto(row);
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw duplicateSlug(input.slug);
        throw error;
      }
    },

    async updateFabrique(
      context: AuthenticatedContext,
      id: string,
      input: UpdateFabrique,
      expected: ExpectedVersion | undefined,
    ): Promise<Fabrique> {
      requireAdmin(context.actor);
      const { version: _ignored, ...changes } = input;
      try {
        return await db.transaction(async (tx) => {
          const before = await fabriques.findById(tx, id);
          if (!before) throw new DomainError('not_found', 'no such fabrique');
          const row = await fabriques.update(tx, id, changes, expected?.version);
          if (!row) throw staleVersionError(expected ?? { version: 0, source: 'body' }, before.version);
          await audit.record(tx, {
            ...auditMeta(context),
            action: 'fabrique.updated',
            entityType: 'fabrique',
            entityId: id,
            fabriqueId: id,
            details: { changes },
          });
          return toFabriqueDto(row);
        });
      } catch (error) {
        if (isUniqueViolation(error) && changes.slug) throw duplicateSlug(changes.slug);
        throw error;
      }
    },
  };
}

export type FabriqueService = ReturnType<typeof createFabriqueService>;
