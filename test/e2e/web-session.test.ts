// Signing in to the web console in a real browser, and what the session cookie is and is not
// good for: HttpOnly and SameSite=Strict, useless for a state-changing request without the CSRF
// header or for a WebSocket upgrade from another origin, dead on the server after sign-out.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { routePath } from '../../protocol/api/route.js';
import { API } from '../../protocol/api/routes/index.js';
import { API_SOCKETS } from '../../protocol/api/routes/sockets.js';
import { DATABASE_FILE } from '../../server/data-dir.js';
import { launchBrowser, openTab, screenshot, signInAs, type ConsoleTab } from '../helpers/browser.js';
import { enrollTestAgent, type TestAgent } from '../helpers/test-agent.js';
import { ADMIN_PASSWORD, startTestServer, type TestServer } from '../helpers/test-server.js';

const COOKIE = 'helpline_session';

/** The status an upgrade to the shell WebSocket is answered with (101 when it opens). */
function upgradeStatus(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers });
    socket.once('open', () => {
      socket.close();
      resolve(101);
    });
    socket.once('unexpected-response', (_request, response) => {
      resolve(response.statusCode ?? 0);
      socket.terminate();
    });
    socket.once('error', reject);
  });
}

/**
 * The first frame and the close code of an upgrade the server accepted only to refuse the shell
 * in-band (as it does for a signed-in browser, which cannot read an HTTP refusal's body).
 */
function inBandRefusal(url: string, headers: Record<string, string>): Promise<{ frame: unknown; code: number }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers });
    let frame: unknown = null;
    socket.once('message', (data: Buffer) => (frame = JSON.parse(data.toString()) as unknown));
    socket.once('close', (code) => resolve({ frame, code }));
    socket.once('unexpected-response', (_request, response) => reject(new Error(`HTTP ${response.statusCode}`)));
    socket.once('error', reject);
  });
}

describe('web console sign-in and session', () => {
  let server: TestServer;
  let browser: Browser;
  let tab: ConsoleTab;
  let pending: TestAgent;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    pending = await enrollTestAgent(server, { approval: true, name: 'waiting-for-approval' });
    await pending.waitFor('waiting');
  });
  afterAll(async () => {
    await pending.cleanup();
    await browser.close();
    await server.cleanup();
  });
  afterEach(async () => {
    await tab.context.close();
  });

  const sessionCookie = async () => (await tab.context.cookies()).find((cookie) => cookie.name === COOKIE);

  it('refuses a wrong password with a clear message and sets no cookie', async () => {
    tab = await openTab(browser, server.url);
    await tab.page.goto('/devices');
    await expect.poll(() => tab.page.title()).toBe('Sign in · Helpline');
    await screenshot(tab.page, 'login');
    await tab.page.getByLabel('User name').fill('admin');
    await tab.page.getByLabel('Password').fill('not-the-password');
    await tab.page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => tab.page.getByRole('alert').textContent()).toBe('Wrong user name or password.');
    expect(await tab.page.getByLabel('Password').inputValue()).toBe('');
    expect(await sessionCookie()).toBeUndefined();
    await screenshot(tab.page, 'login-wrong-password');
    expect(tab.errors).toEqual([]);
  });

  it('signs in with an HttpOnly, SameSite=Strict cookie and keeps the deep link', async () => {
    tab = await openTab(browser, server.url);
    await tab.page.goto('/devices');
    await signInAs(tab.page, 'admin', ADMIN_PASSWORD);
    expect(new URL(tab.page.url()).pathname).toBe('/devices');
    const cookie = await sessionCookie();
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', secure: false, path: '/' });
    // Not readable by the page's own scripts either.
    expect(await tab.page.evaluate<string>('document.cookie')).not.toContain(COOKIE);
    // The server keeps it in the token store as a browser session, and only its hash.
    const db = new Database(join(server.dataDir, DATABASE_FILE), { readonly: true });
    const [id, secret] = cookie!.value.replace(/^hlt_/, '').split('.') as [string, string];
    const row = db.prepare('SELECT label, secret_hash AS secretHash FROM api_tokens WHERE id = ?').get(id) as {
      label: string;
      secretHash: string;
    };
    db.close();
    expect(row.label).toBe('browser session from 127.0.0.1');
    expect(row.secretHash).toBe(createHash('sha256').update(secret).digest('hex'));
    expect(tab.errors).toEqual([]);
  });

  it('refuses a state-changing request with the cookie but without the CSRF header, and changes nothing', async () => {
    tab = await openTab(browser, server.url);
    await signInAs(tab.page, 'admin', ADMIN_PASSWORD);
    const approve = server.client().url(API.devices.approve, { params: { id: pending.deviceId } });
    // From the console's own page, as a script injected into it would try: same origin, cookie sent.
    const refused = await tab.page.evaluate(async (url) => {
      const response = await fetch(url, { method: 'POST' });
      return { status: response.status, body: (await response.json()) as { code: string; message: string } };
    }, approve);
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('forbidden');
    expect(refused.body.message).toContain('x-csrf-token');
    expect((await server.client().call(API.devices.show, { params: { id: pending.deviceId } })).status).toBe('pending');

    const cookie = (await sessionCookie())!;
    const headers = { cookie: `${COOKIE}=${cookie.value}`, origin: server.url };
    const { csrfToken } = (await server.raw<{ csrfToken: string }>(API.session.current, { token: null, headers })).body;
    // The right CSRF token from another origin is refused too.
    const crossOrigin = await server.raw(API.devices.approve, {
      params: { id: pending.deviceId },
      token: null,
      headers: { ...headers, origin: 'http://evil.example', 'x-csrf-token': csrfToken },
    });
    expect(crossOrigin.status).toBe(403);
    const wrongToken = await server.raw(API.devices.approve, {
      params: { id: pending.deviceId },
      token: null,
      headers: { ...headers, 'x-csrf-token': `${csrfToken.slice(0, -2)}xx` },
    });
    expect(wrongToken.status).toBe(403);
    expect((await server.client().call(API.devices.show, { params: { id: pending.deviceId } })).status).toBe('pending');
    // With both, the same request goes through: the refusals above were the CSRF defence.
    const approved = await server.raw<{ status: string }>(API.devices.approve, {
      params: { id: pending.deviceId },
      token: null,
      headers: { ...headers, 'x-csrf-token': csrfToken },
    });
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('active');
    // A bearer token needs neither (the CLI).
    expect((await server.raw(API.devices.revoke, { params: { id: pending.deviceId }, body: {} })).status).toBe(200);
  });

  it('refuses a WebSocket upgrade with the cookie from another origin or with no origin', async () => {
    tab = await openTab(browser, server.url);
    await signInAs(tab.page, 'admin', ADMIN_PASSWORD);
    const cookie = `${COOKIE}=${(await sessionCookie())!.value}`;
    // The shell socket of a device that does not exist: an upgrade that gets past sign-in is
    // answered 404 (over HTTP for the CLI's token; in-band for the browser, which can read only that).
    const path = routePath(API_SOCKETS.shell, { id: 'dev_aaaaaaaaaaaaaaaa' }, { cols: 80, rows: 24 });
    const shell = server.url.replace(/^http/, 'ws') + path;
    expect(await upgradeStatus(shell, { cookie, origin: 'http://evil.example' })).toBe(403);
    expect(await upgradeStatus(shell, { cookie })).toBe(403);
    expect(await inBandRefusal(shell, { cookie, origin: server.url })).toEqual({
      frame: { type: 'refused', status: 404, code: 'not_found', message: 'no device dev_aaaaaaaaaaaaaaaa' },
      code: 4403,
    });
    expect(await upgradeStatus(shell, { authorization: `Bearer ${server.adminToken}` })).toBe(404);
    expect(await upgradeStatus(shell, {})).toBe(401);
  });

  it('signs out from the user menu and the cookie no longer works on the server', async () => {
    tab = await openTab(browser, server.url);
    await signInAs(tab.page, 'admin', ADMIN_PASSWORD);
    const cookie = `${COOKIE}=${(await sessionCookie())!.value}`;
    expect((await server.raw(API.session.current, { token: null, headers: { cookie } })).status).toBe(200);
    await tab.page.getByRole('button', { name: 'User menu (admin)' }).click();
    await screenshot(tab.page, 'user-menu');
    await tab.page.getByRole('button', { name: 'Sign out' }).click();
    await tab.page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(await tab.page.getByRole('status').textContent()).toBe('You have signed out.');
    expect(await sessionCookie()).toBeUndefined();
    const after = await server.raw<{ code: string }>(API.session.current, { token: null, headers: { cookie } });
    expect(after.status).toBe(401);
    expect((await server.raw(API.devices.list, { token: null, headers: { cookie } })).status).toBe(401);
    // A reload stays signed out.
    await tab.page.reload();
    await tab.page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(tab.errors).toEqual([]);
  });
});
