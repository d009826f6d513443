// The one cookie the web console uses, read from the Cookie header and written as Set-Cookie.
// Parsed here rather than through a plugin because the WebSocket upgrade (a raw IncomingMessage,
// outside fastify's request cycle) reads it too.

/** The value of one cookie in a Cookie header, or null when it is absent or empty. */
export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const pair of header.split(';')) {
    const separator = pair.indexOf('=');
    if (separator < 0 || pair.slice(0, separator).trim() !== name) continue;
    const value = pair.slice(separator + 1).trim();
    return value === '' ? null : value;
  }
  return null;
}

export interface CookieOptions {
  /** Seconds until the browser drops it; 0 deletes it now. */
  maxAgeSec: number;
  secure: boolean;
}

/** A Set-Cookie value the page's scripts cannot read and other sites' requests do not carry. */
export function sessionCookie(name: string, value: string, options: CookieOptions): string {
  const parts = [
    `${name}=${value}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Strict',
    `Max-Age=${Math.max(0, Math.floor(options.maxAgeSec))}`,
  ];
  if (options.secure) parts.push('Secure');
  return parts.join('; ');
}
