// The server's error: a code from protocol's registry (which fixes its HTTP status) and a message.
import { API_ERRORS, type ApiErrorCode } from '../protocol/errors.js';

export { API_ERRORS, type ApiErrorCode };

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
