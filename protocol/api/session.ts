// The web console's sign-in: a cookie session instead of a bearer token.
import { Type, type Static } from 'typebox';
import { LoginRequest, UserView } from './auth.js';

/** The same fields as the CLI's login: user name and password. */
export const SignInRequest = LoginRequest;
export type SignInRequest = Static<typeof SignInRequest>;

export const BrowserSessionView = Type.Object({
  user: UserView,
  /** Sent back in the X-CSRF-Token header with every state-changing request of this session. */
  csrfToken: Type.String(),
});
export type BrowserSessionView = Static<typeof BrowserSessionView>;

/** The header the CSRF token travels in. */
export const CSRF_HEADER = 'x-csrf-token';
