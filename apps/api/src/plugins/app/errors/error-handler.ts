import { formatMessage, isMessageKey, type Locale } from '@passerelle/domain/messages/messages';
import { DomainError, ERROR_CODES } from '@passerelle/domain/shared/errors';
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { buildProblem, codeForFastifyError } from './problem.ts';

/** Domain messages are catalogue keys: render them in French when the caller prefers it, else English. */
function preferredLocale(acceptLanguage: string | undefined): Locale {
  return acceptLanguage?.trim().toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

function localise(message: string | undefined, locale: Locale): string | undefined {
  return message && isMessageKey(message) ? formatMessage({ key: message }, locale) : message;
}

const LOCATIONS: Record<string, string> = {
  querystring: 'query',
  body: 'body',
  params: 'params',
  headers: 'headers',
};

function sendProblem(reply: FastifyReply, problem: ReturnType<typeof buildProblem>) {
  if (problem.code === 'unauthenticated' || problem.code === 'invalid_token') {
    const error = problem.code === 'invalid_token' ? ', error="invalid_token"' : '';
    reply.header('www-authenticate', `Bearer realm="passerelle"${error}`);
  }
  return reply.code(problem.status).type('application/problem+json; charset=utf-8').send(problem);
}

/**
 * One error handler for the whole API: every error leaves as RFC 9457 problem+json,
 * and a 5xx never carries the underlying message, stack or SQL.
 */
export default fp(
  async function errorHandlerPlugin(app: FastifyInstance) {
    app.setErrorHandler((error: FastifyError | DomainError, request, reply) => {
      const base = { instance: request.url.split('?')[0] ?? request.url, requestId: request.id };
      const locale = preferredLocale(request.headers['accept-language']);

      if (hasZodFastifySchemaValidationErrors(error)) {
        const location = LOCATIONS[error.validationContext ?? 'body'] ?? 'body';
        const errors = error.validation.map((issue) => {
          const field = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
          return {
            path: field ? `${location}.${field}` : location,
            message: localise(issue.message, locale) ?? 'invalid',
          };
        });
        const detail = `${errors.length} invalid field${errors.length > 1 ? 's' : ''}: ${errors.map((e) => e.path).join(', ')}`;
        return sendProblem(reply, buildProblem('validation_failed', { ...base, detail, errors }));
      }

      if (error instanceof DomainError) {
        if (ERROR_CODES[error.code] >= 500) request.log.error({ err: error }, 'domain error');
        return sendProblem(
          reply,
          buildProblem(error.code, { ...base, detail: localise(error.detail, locale) }),
        );
      }

      if (isResponseSerializationError(error)) {
        request.log.error({ err: error }, 'response did not match its schema');
        return sendProblem(reply, buildProblem('internal', base));
      }

      const status = typeof error.statusCode === 'number' && error.statusCode >= 400 ? error.statusCode : 500;
      if (status >= 500) {
        request.log.error({ err: error }, 'unhandled error');
        return sendProblem(reply, buildProblem(status === 503 ? 'unavailable' : 'internal', base));
      }
      const code = codeForFastifyError(error.code, status);
      const problem = buildProblem(code, { ...base, detail: error.message });
      problem.status = status;
      return sendProblem(reply, problem);
    });
  },
  { name: 'error-handler' },
);
