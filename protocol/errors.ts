// The error registry: every code a Helpline server can answer with, in one place. API error codes
// carry their HTTP status; channel codes are what `server.error` frames carry. The server throws
// them, the agent and the consoles tell them apart, and the typed client hands them over typed.

/** HTTP API error codes and their status. */
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

/** Codes the client makes itself: the answer was not the Helpline API at all. */
export type ClientErrorCode = 'unexpected_response';

/** Codes of `server.error` frames on the agent channel. */
export const CHANNEL_ERRORS = {
  /** The frame decoded but its body broke its schema, or its content was refused. */
  invalid_message: 'invalid_message',
  /** A second agent.hello on one connection. */
  duplicate_hello: 'duplicate_hello',
  /** The server failed while handling a valid message; the agent keeps it and retries. */
  internal_error: 'internal_error',
} as const;
export type ChannelErrorCode = keyof typeof CHANNEL_ERRORS;

/** Codes of `error` frames on a technician's shell WebSocket. */
export const SHELL_ERRORS = {
  /** A resize outside the bounds the agent accepts. */
  bad_size: 'bad_size',
} as const;
export type ShellErrorCode = keyof typeof SHELL_ERRORS;

export function isApiErrorCode(code: string): code is ApiErrorCode {
  return Object.hasOwn(API_ERRORS, code);
}

export function isShellErrorCode(code: string): code is ShellErrorCode {
  return Object.hasOwn(SHELL_ERRORS, code);
}

/** The server answered with an error body `{ code, message }` (or something that is not the API). */
export class ApiRequestError extends Error {
  override readonly name = 'ApiRequestError';
  constructor(
    message: string,
    readonly code: ApiErrorCode | ClientErrorCode | ShellErrorCode,
    readonly status: number,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/** No answer at all: refused, unknown host, TLS failure, timeout. */
export class ServerUnreachableError extends Error {
  override readonly name = 'ServerUnreachableError';
}
