// Errors the CLI tells apart when it decides what to print and which exit status to use.

/** The command line itself was wrong (a bad flag value, a missing server): exit status 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

// The server answered with an error body, or did not answer at all: one definition, the typed client's.
export { ApiRequestError, ServerUnreachableError } from '../../protocol/errors.js';

export const LOGIN_HINT = 'run `helpline login --server URL --user NAME --password P`';
export const NOT_LOGGED_IN = `not logged in; ${LOGIN_HINT}`;
