/** Every failure that crosses a transport is one of these codes; the set is closed on purpose. */
export const errorCodes = [
  'invalid_input',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  /** The record changed since the caller read it (optimistic concurrency); reload and try again. */
  'stale',
  'setup_required',
  'unknown_method',
  'internal',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

/** One problem with an input, located by the path of the offending field. */
export interface InputIssue {
  path: (string | number)[];
  message: string;
}

export interface ApiError {
  code: ErrorCode;
  message: string;
  issues?: InputIssue[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail(code: ErrorCode, message: string, issues?: InputIssue[]): { ok: false; error: ApiError } {
  return issues ? { ok: false, error: { code, message, issues } } : { ok: false, error: { code, message } };
}

/**
 * Thrown inside the core when a handler must stop with a known error code; the dispatcher turns it
 * into a failed Result (and the surrounding transaction rolls back).
 */
export class ApiFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: InputIssue[],
  ) {
    super(message);
    this.name = 'ApiFailure';
  }
}
