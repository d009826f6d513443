// Errors the CLI tells apart when it decides what to print and which exit status to use.

/** The command line itself was wrong (a bad flag value, a missing server): exit status 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** The server answered with an error body `{ code, message }` (or something that is not the API). */
export class ApiRequestError extends Error {
  override readonly name = 'ApiRequestError';
  constructor(
    message: string,
    readonly code: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/** No answer at all: refused, unknown host, TLS failure, timeout. */
export class ServerUnreachableError extends Error {
  override readonly name = 'ServerUnreachableError';
}

export const LOGIN_HINT = 'run `helpline login --server URL --user NAME --password P`';
export const NOT_LOGGED_IN = `not logged in; ${LOGIN_HINT}`;
