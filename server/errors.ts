// The server's error registry: every API error code, with its HTTP status, in one place.
export const API_ERRORS = {
  validation_failed: 400,
  bad_request: 400,
  token_for_another_server: 400,
  unauthorized: 401,
  invalid_credentials: 401,
  token_invalid: 401,
  forbidden: 403,
  token_expired: 403,
  token_used_up: 403,
  token_revoked: 403,
  not_found: 404,
  conflict: 409,
  key_already_enrolled: 409,
  invalid_state: 409,
  payload_too_large: 413,
  rate_limited: 429,
  internal_error: 500,
} as const;
export type ApiErrorCode = keyof typeof API_ERRORS;

export class ApiError extends Error {
  readonly statusCode: number;
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly details?: unknown,
    /** Seconds, for 429 and 503. */
    readonly retryAfterSec?: number,
  ) {
    super(message);
    this.statusCode = API_ERRORS[code];
  }
}
