// The server's side of the web console, without a browser: the built app served at / with its
// security headers, deep links answered with index.html while /api and /agent stay the API's,
// a clear answer when the console is not built, and the session routes' edge cases.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API } from '../../protocol/api/routes/index.js';
import { ADMIN_PASSWORD, startTestServer, type TestServer } from '../helpers/test-server.js';

const get = (server: TestServer, path: string, init: RequestInit = {}) => fetch(server.url + path, init);

describe('the web console served by the server', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.cleanup());

  it('serves index.html at / and at any deep link, with a strict CSP and no inline script', async () => {
    for (const path of ['/', '/devices', '/devices/dev_aaaaaaaaaaaaaaaa', '/some/page?x=1']) {
      const response = await get(server, path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/html');
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("style-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).not.toContain('unsafe-eval');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('cache-control')).toBe('no-cache');
      const html = await response.text();
      expect(html).toContain('<div id="app">');
      // Every script is a file of this origin.
      for (const tag of html.match(/<script\b[^>]*>/g) ?? []) expect(tag).toMatch(/ src="\/assets\//);
      expect(html).not.toMatch(/<script\b[^>]*>[^<]+<\/script>/);
      expect(html).not.toMatch(/ style=/);
    }
  });

  it('serves the hashed assets with long caching and the right types', async () => {
    const html = await (await get(server, '/')).text();
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)![1]!;
    const styles = /href="(\/assets\/[^"]+\.css)"/.exec(html)![1]!;
    const js = await get(server, script);
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toContain('javascript');
    expect(js.headers.get('cache-control')).toContain('immutable');
    expect(js.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await get(server, styles)).headers.get('content-type')).toContain('text/css');
    // Compressed at build time: brotli or gzip to a browser that accepts it, the same script either way.
    const plain = await get(server, script, { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    const source = await plain.text();
    for (const encoding of ['br', 'gzip']) {
      const compressed = await get(server, script, { headers: { 'accept-encoding': encoding } });
      expect(compressed.headers.get('content-encoding')).toBe(encoding);
      expect(compressed.headers.get('vary')).toContain('accept-encoding');
      expect(Number(compressed.headers.get('content-length'))).toBeLessThan(source.length / 2);
      expect(await compressed.text()).toBe(source);
    }
    const missing = await get(server, '/assets/no-such-file.js');
    expect(missing.status).toBe(404);
  });

  it('leaves unknown /api and /agent paths to the API (JSON 404), and other methods alone', async () => {
    for (const path of ['/api/no-such-route', '/api', '/agent']) {
      const response = await get(server, path);
      expect(response.status, path).toBe(404);
      expect(((await response.json()) as { code: string }).code).toBe('not_found');
    }
    expect((await get(server, '/devices', { method: 'POST' })).status).toBe(404);
    // The API's own answers do not carry the console's headers.
    const list = await server.raw(API.devices.list);
    expect(list.status).toBe(200);
    expect(list.headers.get('content-security-policy')).toBeNull();
  });
});

describe('a server whose web console is not built', () => {
  let server: TestServer;
  let emptyDir: string;

  beforeAll(async () => {
    emptyDir = mkdtempSync(join(tmpdir(), 'helpline-no-web-'));
    server = await startTestServer({ webDir: emptyDir });
  });
  afterAll(async () => {
    await server.cleanup();
    rmSync(emptyDir, { recursive: true, force: true });
  });

  it('starts, says at / that the console is not built, and serves the API as usual', async () => {
    for (const path of ['/', '/devices']) {
      const response = await get(server, path);
      expect(response.status).toBe(503);
      expect(response.headers.get('content-type')).toContain('text/plain');
      expect(await response.text()).toContain('The Helpline web console is not built on this server');
    }
    expect(server.logs.some((line) => String(line.msg).includes('web console is not built'))).toBe(true);
    expect(await server.client().call(API.devices.list)).toEqual([]);
    expect((await get(server, '/api/no-such-route')).status).toBe(404);
  });
});

describe('the session routes', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ loginMaxFailures: 3 });
  });
  afterAll(() => server.cleanup());

  const signIn = (password: string, headers: Record<string, string> = {}) =>
    server.raw<{ code: string; csrfToken: string }>(API.session.signIn, {
      body: { user: 'admin', password },
      token: null,
      headers,
    });

  it('refuses a sign-in posted from another origin, before looking at the password', async () => {
    const refused = await signIn(ADMIN_PASSWORD, { origin: 'http://evil.example' });
    expect(refused.status).toBe(403);
    expect(refused.headers.get('set-cookie')).toBeNull();
    const allowed = await signIn(ADMIN_PASSWORD, { origin: server.url });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('set-cookie')).toMatch(
      /^helpline_session=hlt_[a-z0-9]{12}\.[\w-]+; Path=\/; HttpOnly; SameSite=Strict; Max-Age=43200$/,
    );
    expect(allowed.body.csrfToken).toMatch(/^[\w-]{43}$/);
  });

  it('shares the login limiter with the CLI login', async () => {
    for (let attempt = 0; attempt < 3; attempt++) expect((await signIn('wrong-password')).status).toBe(401);
    const blocked = await server.raw<{ code: string }>(API.session.signIn, {
      body: { user: 'admin', password: ADMIN_PASSWORD },
      token: null,
    });
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe('rate_limited');
    const cli = await server.raw(API.auth.login, {
      body: { user: 'admin', password: ADMIN_PASSWORD },
      token: null,
    });
    expect(cli.status).toBe(429);
  });

  it('tells a bearer-token client that it has no browser session', async () => {
    for (const spec of [API.session.current, API.session.signOut]) {
      const answer = await server.raw<{ code: string; message: string }>(spec);
      expect(answer.status).toBe(400);
      expect(answer.body.message).toContain('no web console session');
    }
    // The bearer token still works: nothing was signed out.
    expect((await server.raw(API.devices.list)).status).toBe(200);
  });
});
