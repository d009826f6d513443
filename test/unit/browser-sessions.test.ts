// The cookie session's rules on their own: which origin counts as the server's, which requests
// need the CSRF token, the cookie's name and flags, and reading it back from a Cookie header.
import { describe, expect, it } from 'vitest';
import { createBrowserSessions } from '../../server/features/session/browser-sessions.js';
import { readCookie } from '../../server/features/session/cookie-header.js';
import { ApiError } from '../../server/errors.js';

const TOKEN = 'hlt_abcdefabcdef.secretsecretsecretsecret';
const plain = { browserSessionTtlMs: 3_600_000 };

function refusal(run: () => void): string | null {
  try {
    run();
    return null;
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    expect(error.code).toBe('forbidden');
    return error.message;
  }
}

describe('browser session rules', () => {
  it('takes the request’s own host as the origin when no public URL is set', () => {
    const sessions = createBrowserSessions(plain);
    const csrf = sessions.csrfFor(TOKEN);
    const base = { host: '10.0.0.5:8080', 'x-csrf-token': csrf };
    expect(
      refusal(() =>
        sessions.assertFromConsole({ method: 'POST', headers: { ...base, origin: 'http://10.0.0.5:8080' } }, TOKEN),
      ),
    ).toBeNull();
    expect(
      refusal(() =>
        sessions.assertFromConsole({ method: 'POST', headers: { ...base, origin: 'http://10.0.0.6:8080' } }, TOKEN),
      ),
    ).toContain('Origin http://10.0.0.6:8080');
    expect(refusal(() => sessions.assertFromConsole({ method: 'DELETE', headers: base }, TOKEN))).toContain(
      'no Origin',
    );
    expect(
      refusal(() => sessions.assertFromConsole({ method: 'PUT', headers: { ...base, origin: 'null' } }, TOKEN)),
    ).not.toBeNull();
  });

  it('accepts only the public URL’s origin when one is set, whatever the Host says', () => {
    const sessions = createBrowserSessions({ ...plain, publicUrl: 'https://helpline.example.org/' });
    const csrf = sessions.csrfFor(TOKEN);
    const request = (origin: string) => ({
      method: 'PATCH',
      headers: { host: 'helpline.example.org', origin, 'x-csrf-token': csrf },
    });
    expect(refusal(() => sessions.assertFromConsole(request('https://helpline.example.org'), TOKEN))).toBeNull();
    expect(refusal(() => sessions.assertFromConsole(request('http://helpline.example.org'), TOKEN))).not.toBeNull();
    // Behind a TLS proxy the cookie is Secure and host-only (__Host-).
    expect(sessions.cookieName).toBe('__Host-helpline_session');
    expect(sessions.cookie(TOKEN)).toBe(
      `__Host-helpline_session=${TOKEN}; Path=/; HttpOnly; SameSite=Strict; Max-Age=3600; Secure`,
    );
  });

  it('needs the CSRF token for state-changing requests only, and the origin for upgrades', () => {
    const sessions = createBrowserSessions(plain);
    const host = { host: '127.0.0.1:9000' };
    expect(refusal(() => sessions.assertFromConsole({ method: 'GET', headers: host }, TOKEN))).toBeNull();
    expect(
      refusal(() =>
        sessions.assertFromConsole({ method: 'POST', headers: { ...host, origin: 'http://127.0.0.1:9000' } }, TOKEN),
      ),
    ).toContain('x-csrf-token');
    const otherSession = sessions.csrfFor('hlt_abcdefabcdef.anothersecretanothersecret');
    expect(
      refusal(() =>
        sessions.assertFromConsole(
          { method: 'POST', headers: { ...host, origin: 'http://127.0.0.1:9000', 'x-csrf-token': otherSession } },
          TOKEN,
        ),
      ),
    ).toContain('x-csrf-token');
    const upgrade = { ...host, upgrade: 'websocket' };
    expect(refusal(() => sessions.assertFromConsole({ method: 'GET', headers: upgrade }, TOKEN))).toContain(
      'no Origin',
    );
    expect(
      refusal(() =>
        sessions.assertFromConsole({ method: 'GET', headers: { ...upgrade, origin: 'http://127.0.0.1:9000' } }, TOKEN),
      ),
    ).toBeNull();
    expect(sessions.cookie(TOKEN)).toBe(`helpline_session=${TOKEN}; Path=/; HttpOnly; SameSite=Strict; Max-Age=3600`);
    expect(sessions.clearedCookie()).toBe('helpline_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0');
  });

  it('reads the session cookie among others and ignores look-alikes', () => {
    expect(readCookie(`theme=dark; helpline_session=${TOKEN}; x=1`, 'helpline_session')).toBe(TOKEN);
    expect(readCookie('xhelpline_session=nope; helpline_session_old=nope', 'helpline_session')).toBeNull();
    expect(readCookie('helpline_session=', 'helpline_session')).toBeNull();
    expect(readCookie(undefined, 'helpline_session')).toBeNull();
  });
});
