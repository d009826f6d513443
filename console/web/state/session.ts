// Who is signed in. The cookie itself is out of the page's reach (HttpOnly); the page knows the
// signed-in user and the session's CSRF token, from sign-in or from GET /api/session on load.
import { signal } from '@preact/signals';
import type { UserView } from '../../../protocol/api/auth.js';
import type { BrowserSessionView } from '../../../protocol/api/session.js';
import { ApiRequestError } from '../../../protocol/errors.js';
import { API, call, setCsrfToken, whenSessionLost } from '../api.js';

export type SessionState =
  | { kind: 'checking' }
  | { kind: 'unreachable'; error: unknown }
  | { kind: 'signedOut'; notice: 'ended' | 'signedOut' | null }
  | { kind: 'signedIn'; user: UserView };

export const session = signal<SessionState>({ kind: 'checking' });

function signedIn(view: BrowserSessionView): void {
  setCsrfToken(view.csrfToken);
  session.value = { kind: 'signedIn', user: view.user };
}

function signedOut(notice: 'ended' | 'signedOut' | null): void {
  setCsrfToken(null);
  session.value = { kind: 'signedOut', notice };
}

whenSessionLost(() => signedOut('ended'));

/** On load: is this browser still signed in? */
export async function checkSession(): Promise<void> {
  try {
    signedIn(await call(API.session.current));
  } catch (error) {
    if (error instanceof ApiRequestError && error.status === 401) signedOut(null);
    else session.value = { kind: 'unreachable', error };
  }
}

/** Throws the server's refusal (wrong password, too many attempts) for the sign-in page to show. */
export async function signIn(user: string, password: string): Promise<void> {
  signedIn(await call(API.session.signIn, { body: { user, password } }));
}

/** Ends the session on the server first; if that fails the page stays signed in and the error is thrown. */
export async function signOut(): Promise<void> {
  try {
    await call(API.session.signOut);
  } catch (error) {
    if (!(error instanceof ApiRequestError && error.status === 401)) throw error;
  }
  signedOut('signedOut');
}
