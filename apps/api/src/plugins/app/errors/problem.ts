import type { Problem } from '@passerelle/domain/shared/common.schema';
import { ERROR_CODES, type ErrorCode } from '@passerelle/domain/shared/errors';

const TITLES: Record<ErrorCode, string> = {
  validation_failed: 'Invalid request',
  unauthenticated: 'Authentication required',
  invalid_credentials: 'Invalid credentials',
  invalid_token: 'Invalid or expired token',
  forbidden: 'Forbidden',
  not_found: 'Not found',
  conflict: 'Conflict',
  duplicate: 'Duplicate',
  stale_version: 'Stale version',
  precondition_failed: 'Precondition failed',
  payload_too_large: 'Payload too large',
  unsupported_media_type: 'Unsupported media type',
  rule_violated: 'Domain rule violated',
  rate_limited: 'Too many requests',
  internal: 'Internal server error',
  unavailable: 'Service unavailable',
};

export function problemType(code: ErrorCode): string {
  return `urn:passerelle:problem:${code}`;
}

export function buildProblem(
  code: ErrorCode,
  options: {
    detail?: string | undefined;
    instance?: string;
    requestId?: string;
    errors?: Problem['errors'];
  } = {},
): Problem {
  const problem: Problem = {
    type: problemType(code),
    title: TITLES[code],
    status: ERROR_CODES[code],
    code,
  };
  if (options.detail) problem.detail = options.detail;
  if (options.instance) problem.instance = options.instance;
  if (options.requestId) problem.requestId = options.requestId;
  if (options.errors) problem.errors = options.errors;
  return problem;
}

/** Fastify's own error codes mapped to ours (anything else with a 4xx status keeps its status). */
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'validation_failed',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'validation_failed',
  FST_ERR_CTP_INVALID_JSON_BODY: 'validation_failed',
  FST_ERR_VALIDATION: 'validation_failed',
  FST_JWT_NO_AUTHORIZATION_IN_HEADER: 'unauthenticated',
  FST_JWT_BAD_REQUEST: 'invalid_token',
  FST_JWT_AUTHORIZATION_TOKEN_EXPIRED: 'invalid_token',
  FST_JWT_AUTHORIZATION_TOKEN_INVALID: 'invalid_token',
  FST_JWT_AUTHORIZATION_TOKEN_UNTRUSTED: 'invalid_token',
  FST_JWT_BAD_COOKIE_REQUEST: 'invalid_token',
};

const STATUS_CODES: Record<number, ErrorCode> = {
  400: 'validation_failed',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  405: 'not_found',
  409: 'conflict',
  412: 'precondition_failed',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'rule_violated',
  429: 'rate_limited',
  503: 'unavailable',
};

export function codeForFastifyError(fastifyCode: string | undefined, status: number): ErrorCode {
  if (fastifyCode && FASTIFY_CODES[fastifyCode]) return FASTIFY_CODES[fastifyCode];
  return STATUS_CODES[status] ?? (status >= 500 ? 'internal' : 'validation_failed');
}
