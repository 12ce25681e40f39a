import { DomainError } from '@passerelle/domain/shared/errors';
import type { FastifyReply, FastifyRequest } from 'fastify';

export function formatEtag(version: number): string {
  return `"v${version}"`;
}

export function setEtag(reply: FastifyReply, version: number): void {
  reply.header('etag', formatEtag(version));
}

export interface ExpectedVersion {
  version: number;
  /** Where it came from: a stale If-Match is 412, a stale body version 409. */
  source: 'if-match' | 'body';
}

/** The version the client based its write on, from If-Match or the body's `version`. */
export function readExpectedVersion(
  request: FastifyRequest,
  bodyVersion: number | undefined,
): ExpectedVersion | undefined {
  const header = request.headers['if-match'];
  if (typeof header === 'string' && header.trim() !== '') {
    const match = /^(?:W\/)?"v(\d+)"$/.exec(header.trim());
    if (!match?.[1]) {
      throw new DomainError('precondition_failed', 'If-Match must be an ETag of this resource, e.g. "v3"');
    }
    return { version: Number(match[1]), source: 'if-match' };
  }
  return bodyVersion === undefined ? undefined : { version: bodyVersion, source: 'body' };
}

export function staleVersionError(expected: ExpectedVersion, current: number): DomainError {
  const detail = `the record is at version ${current}, the change was based on version ${expected.version}; reload it and retry`;
  return expected.source === 'if-match'
    ? new DomainError('precondition_failed', detail)
    : new DomainError('stale_version', detail);
}
