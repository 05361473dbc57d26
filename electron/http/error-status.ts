import type { ApiError, ErrorCode } from '../../shared/errors';

/** The HTTP status of each error code (docs/API.md is generated from this table). */
export const statusFor: Record<ErrorCode, number> = {
  invalid_input: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  unknown_method: 404,
  conflict: 409,
  stale: 409,
  setup_required: 409,
  internal: 500,
};

/** A body over the method's limit is invalid input, answered 413 so clients can tell it apart. */
export const TOO_LARGE_STATUS = 413;
/** A method called with another verb than POST. */
export const WRONG_VERB_STATUS = 405;

/** The status for a body refused before it was read: too large, or not the caller's to send. */
export function refusedBodyStatus(error: ApiError): number {
  return error.code === 'invalid_input' ? TOO_LARGE_STATUS : statusFor[error.code];
}
