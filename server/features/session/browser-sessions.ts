// Web console sessions. Signing in issues a token from the API token store, labelled as a browser
// session and shorter-lived, which travels only in an HttpOnly, SameSite=Strict cookie. What a
// cookie proves is weaker than a bearer token (the browser attaches it by itself), so a request
// authenticated by it must also show it comes from the console's own pages:
// - state-changing requests carry the session's CSRF token in a header (a page on another origin
//   can neither read it nor set custom headers without the server's CORS consent) and an Origin
//   naming this server;
// - WebSocket upgrades (which cannot carry headers from a page) carry an Origin naming this server.
// The CSRF token is derived from the session token with HMAC, so it needs no storage and ends
// with the session.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { CSRF_HEADER } from '../../../protocol/api/session.js';
import type { ServerConfig } from '../../config.js';
import { ApiError } from '../../errors.js';
import { readCookie, sessionCookie } from './cookie-header.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** What is needed of a request: its headers, its method, and whether it is a WebSocket upgrade. */
export interface RequestLike {
  headers: IncomingHttpHeaders;
  method?: string | undefined;
}

export function createBrowserSessions(
  config: Pick<ServerConfig, 'publicUrl' | 'tlsCert' | 'tlsKey' | 'browserSessionTtlMs'>,
) {
  const tls = Boolean(config.tlsCert && config.tlsKey);
  // Secure also when TLS ends at a proxy in front of the server and the public URL is https.
  const secure = tls || config.publicUrl?.startsWith('https:') === true;
  // Under TLS the __Host- prefix makes the browser refuse the cookie unless this host set it
  // with Secure and Path=/, so a neighbouring subdomain cannot plant a session of its own.
  const cookieName = secure ? '__Host-helpline_session' : 'helpline_session';
  const configuredOrigin = config.publicUrl ? new URL(config.publicUrl).origin : null;

  const csrfFor = (token: string) =>
    createHmac('sha256', token).update('helpline web console csrf').digest('base64url');

  /**
   * The origin this server's pages have: the configured public URL, or else the origin the request
   * was addressed to. The latter is safe because the session cookie is bound to the host that set
   * it: a page on another name (DNS rebinding included) never gets it sent.
   */
  const expectedOrigin = (headers: IncomingHttpHeaders): string | null => {
    if (configuredOrigin) return configuredOrigin;
    if (!headers.host) return null;
    try {
      return new URL(`${tls ? 'https' : 'http'}://${headers.host}`).origin;
    } catch {
      return null;
    }
  };

  const sameOrigin = (headers: IncomingHttpHeaders): boolean => {
    const origin = headers.origin;
    const expected = expectedOrigin(headers);
    if (!origin || !expected) return false;
    try {
      return new URL(origin).origin === expected;
    } catch {
      return false;
    }
  };

  const csrfMatches = (headers: IncomingHttpHeaders, token: string): boolean => {
    const sent = headers[CSRF_HEADER];
    if (typeof sent !== 'string') return false;
    const expected = Buffer.from(csrfFor(token));
    const actual = Buffer.from(sent);
    return actual.length === expected.length && timingSafeEqual(actual, expected);
  };

  return {
    cookieName,
    csrfFor,

    /** The session token in the request's cookie, if it has one (not yet checked). */
    tokenOf: (request: RequestLike): string | null => readCookie(request.headers.cookie, cookieName),

    /**
     * Throws unless a cookie-authenticated request may go on: an upgrade or a state-changing
     * request must come from this server's own origin, and a state-changing one must carry the
     * session's CSRF token.
     */
    assertFromConsole(request: RequestLike, token: string): void {
      const upgrade = request.headers.upgrade !== undefined;
      const changesState = !SAFE_METHODS.has((request.method ?? 'GET').toUpperCase());
      if (!upgrade && !changesState) return;
      if (!sameOrigin(request.headers)) {
        const origin = request.headers.origin ? `Origin ${request.headers.origin}` : 'no Origin';
        throw new ApiError(
          'forbidden',
          `refused: a request signed in by the session cookie came with ${origin}, not this server's own`,
        );
      }
      if (changesState && !upgrade && !csrfMatches(request.headers, token)) {
        throw new ApiError(
          'forbidden',
          `refused: the ${CSRF_HEADER} header is missing or wrong ` +
            '(the web console sends the one GET /api/session gives)',
        );
      }
    },

    /** Sign-in takes a password, so it only has to come from this server's pages when it names an origin at all. */
    assertSignInOrigin(request: RequestLike): void {
      if (request.headers.origin !== undefined && !sameOrigin(request.headers)) {
        throw new ApiError(
          'forbidden',
          `refused: sign-in from Origin ${request.headers.origin}, not this server's own`,
        );
      }
    },

    /** Set-Cookie for a new session. */
    cookie: (token: string) =>
      sessionCookie(cookieName, token, { maxAgeSec: config.browserSessionTtlMs / 1000, secure }),
    /** Set-Cookie that makes the browser forget the session. */
    clearedCookie: () => sessionCookie(cookieName, '', { maxAgeSec: 0, secure }),
  };
}
export type BrowserSessions = ReturnType<typeof createBrowserSessions>;
