// The web console's session: sign in (sets the HttpOnly session cookie), the current session (the
// page's CSRF token after a reload), sign out (ends the session on the server). The CLI signs in
// with the auth group's bearer tokens instead.
import { ANY_ROLE } from '../access.js';
import { Ok } from '../common.js';
import { route } from '../route.js';
import { BrowserSessionView, SignInRequest } from '../session.js';

export const sessionRoutes = {
  signIn: route({
    method: 'POST',
    path: '/api/session',
    summary: 'Sign in to the web console: sets the session cookie',
    access: 'public',
    body: SignInRequest,
    response: BrowserSessionView,
    errors: ['invalid_credentials'],
  }),
  current: route({
    method: 'GET',
    path: '/api/session',
    summary: 'The web console session this request belongs to',
    access: ANY_ROLE,
    response: BrowserSessionView,
    errors: [],
  }),
  signOut: route({
    method: 'DELETE',
    path: '/api/session',
    summary: 'Sign out of the web console: ends the session on the server',
    access: ANY_ROLE,
    response: Ok,
    errors: [],
  }),
};
