import type { Actor } from '@passerelle/domain/auth/access';
import type { FastifyRequest } from 'fastify';

/** What a use case needs to know about the request: who acts, and where from (for the audit log). */
export interface RequestContext {
  actor: Actor | null;
  requestId: string;
  ip: string;
  userAgent: string | undefined;
}

export type AuthenticatedContext = RequestContext & { actor: Actor };

export function contextOf(request: FastifyRequest): RequestContext {
  return {
    actor: request.actor ?? null,
    requestId: request.id,
    ip: request.ip,
    userAgent: request.headers['user-agent'],
  };
}

export function auditMeta(context: RequestContext) {
  return {
    actorType: context.actor
      ? context.actor.kind === 'api_client'
        ? ('api_client' as const)
        : ('user' as const)
      : ('anonymous' as const),
    actorId: context.actor?.id ?? null,
    requestId: context.requestId,
    ip: context.ip,
  };
}
