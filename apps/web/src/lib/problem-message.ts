import { ERROR_CODES, type ErrorCode } from '@passerelle/domain/shared/errors';
import type { TFunction } from 'i18next';
import { isApiError, NETWORK_ERROR_STATUS } from './api-client';

function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERROR_CODES, value);
}

// When the server sends no code, the status still says enough for a useful sentence.
const CODE_BY_STATUS: Record<number, ErrorCode> = {
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  429: 'rate_limited',
  500: 'internal',
  502: 'unavailable',
  503: 'unavailable',
  504: 'unavailable',
};

/** A sentence for the user about what went wrong: the translated code, else the server's detail. */
export function describeError(error: unknown, t: TFunction): string {
  if (!isApiError(error)) return t('errors.generic');
  if (error.status === NETWORK_ERROR_STATUS) return t('errors.network');
  if (isErrorCode(error.code)) return t(`errors.codes.${error.code}`);
  const byStatus = CODE_BY_STATUS[error.status];
  if (byStatus) return t(`errors.codes.${byStatus}`);
  return error.problem.detail ?? t('errors.generic');
}
