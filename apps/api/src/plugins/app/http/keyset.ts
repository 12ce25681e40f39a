import { DomainError } from '@passerelle/domain/shared/errors';

/** A keyset cursor over (sort value, id), opaque to clients. */
export interface Keyset {
  value: string;
  id: string;
}

export function encodeKeyset(keyset: Keyset): string {
  return Buffer.from(JSON.stringify([keyset.value, keyset.id]), 'utf8').toString('base64url');
}

export function decodeKeyset(cursor: string | undefined): Keyset | undefined {
  if (cursor === undefined) return undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      typeof parsed[0] === 'string' &&
      parsed[0].length <= 300 &&
      typeof parsed[1] === 'string' &&
      /^[0-9a-f-]{36}$/.test(parsed[1])
    ) {
      return { value: parsed[0], id: parsed[1] };
    }
  } catch {
    // falls through to the validation error
  }
  throw new DomainError('validation_failed', 'query.cursor: invalid cursor');
}

/** Rows fetched with limit + 1: the page, and the cursor of the next one from its last row. */
export function toKeysetPage<T extends { id: string }>(
  rows: T[],
  limit: number,
  sortValueOf: (row: T) => string,
) {
  const data = rows.slice(0, limit);
  const last = data.at(-1);
  return {
    data,
    nextCursor: rows.length > limit && last ? encodeKeyset({ value: sortValueOf(last), id: last.id }) : null,
  };
}
