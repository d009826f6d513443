// Signing in and out of the web console, on top of the auth service (same users, same login
// limiter, same token store) and the cookie rules of browser-sessions.ts.
import type { BrowserSessionView } from '../../../protocol/api/session.js';
import { ApiError } from '../../errors.js';
import type { AuthService, AuthUser } from '../auth/service.js';
import type { UserService } from '../users/service.js';
import type { BrowserSessions, RequestLike } from './browser-sessions.js';

export function createSessionService(deps: { auth: AuthService; users: UserService; sessions: BrowserSessions }) {
  const { sessions } = deps;

  return {
    /** Checks the password and opens a session; returns the Set-Cookie value with the view. */
    async signIn(
      request: RequestLike,
      name: string,
      password: string,
      address: string,
    ): Promise<{ view: BrowserSessionView; setCookie: string }> {
      sessions.assertSignInOrigin(request);
      const { token, user } = await deps.auth.login(name, password, address, 'browser');
      // A session the browser still had ends here rather than lingering until it expires.
      const previous = sessions.tokenOf(request);
      const previousUser = previous ? deps.auth.authenticate(previous) : null;
      if (previousUser) deps.auth.logout(previousUser);
      return {
        view: { user: deps.users.view(user), csrfToken: sessions.csrfFor(token) },
        setCookie: sessions.cookie(token),
      };
    },

    /** The session of a request that the access check let in by its cookie. */
    current(request: RequestLike, user: AuthUser): BrowserSessionView {
      return {
        user: deps.users.viewOf(user),
        csrfToken: sessions.csrfFor(browserToken(request)),
      };
    },

    /** Ends the session on the server; returns the Set-Cookie value that clears it in the browser. */
    signOut(request: RequestLike, user: AuthUser): string {
      browserToken(request);
      deps.auth.logout(user);
      return sessions.clearedCookie();
    },
  };

  function browserToken(request: RequestLike): string {
    const token = sessions.tokenOf(request);
    if (request.headers.authorization !== undefined || token === null) {
      throw new ApiError(
        'bad_request',
        'this request has no web console session (the CLI signs in and out with helpline login and logout)',
      );
    }
    return token;
  }
}
export type SessionService = ReturnType<typeof createSessionService>;
