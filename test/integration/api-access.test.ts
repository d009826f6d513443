// Every /api route checks the role: 401 without a token, 403 for the wrong role. The list of
// routes comes from the server's own OpenAPI document, so a new route is covered automatically.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

type OpenApi = { paths: Record<string, Record<string, { 'x-access': string | string[] }>> };

describe('API access control', () => {
  let server: TestServer;
  let viewerToken: string;
  let technicianToken: string;

  beforeAll(async () => {
    server = await startTestServer({ loginMaxFailures: 3 });
    viewerToken = await server.addUser('vera', 'viewer');
    technicianToken = await server.addUser('tom', 'technician');
  });
  afterAll(() => server.cleanup());

  const concrete = (path: string) => path.replace('{id}', 'dev_aaaaaaaaaaaaaaaa').replace('{name}', 'nobody');

  it('answers 401 without a token and 403 for a role not allowed, on every protected route', async () => {
    const spec = (await server.api<OpenApi>('GET', '/api/openapi.json', { token: null })).body;
    let protectedRoutes = 0;
    for (const [path, methods] of Object.entries(spec.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        const access = operation['x-access'];
        if (access === 'public') continue;
        protectedRoutes++;
        const anonymous = await server.api<{ code: string }>(method.toUpperCase(), concrete(path), { token: null });
        expect(anonymous.status, `${method} ${path}`).toBe(401);
        expect(anonymous.body.code).toBe('unauthorized');
        for (const [role, token] of [['viewer', viewerToken], ['technician', technicianToken]] as const) {
          if (access.includes(role)) continue;
          const denied = await server.api<{ code: string; message: string }>(method.toUpperCase(), concrete(path), { token });
          expect(denied.status, `${role} ${method} ${path}`).toBe(403);
          expect(denied.body.message).toContain('admin');
        }
      }
    }
    expect(protectedRoutes).toBeGreaterThan(10);
  });

  it('lets a viewer read devices but not make enrollment tokens', async () => {
    expect((await server.api('GET', '/api/devices', { token: viewerToken })).status).toBe(200);
    expect((await server.api('POST', '/api/enrollment-tokens', { token: viewerToken, body: {} })).status).toBe(403);
  });

  it('refuses a made-up or malformed bearer token', async () => {
    expect((await server.api('GET', '/api/devices', { token: 'hlt_aaaaaaaaaaaa.bbbbbbbbbbbbbbbbbbbbbbbbbbbbbb' })).status).toBe(401);
    expect((await server.api('GET', '/api/devices', { token: 'garbage' })).status).toBe(401);
  });

  it('refuses a wrong password, audits it, and rate-limits repeated failures', async () => {
    const wrong = await server.api<{ code: string }>('POST', '/api/auth/login', { body: { user: 'tom', password: 'not-his-password' }, token: null });
    expect(wrong.status).toBe(401);
    expect(wrong.body.code).toBe('invalid_credentials');
    await server.api('POST', '/api/auth/login', { body: { user: 'tom', password: 'nope-1' }, token: null });
    await server.api('POST', '/api/auth/login', { body: { user: 'tom', password: 'nope-2' }, token: null });
    const blocked = await server.api<{ code: string }>('POST', '/api/auth/login', { body: { user: 'tom', password: 'tom-password-123' }, token: null });
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe('rate_limited');
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    const audit = await server.api<Array<{ action: string; actor: string }>>('GET', '/api/audit?action=login');
    expect(audit.body.filter((entry) => entry.actor === 'tom').map((entry) => entry.action)).toEqual([
      'login.blocked',
      'login.failed',
      'login.failed',
      'login.failed',
      'login',
    ]);
  });

  it('refuses a body that fails its schema, naming the field, and changes nothing', async () => {
    const before = (await server.api<unknown[]>('GET', '/api/users')).body.length;
    const badRole = await server.api<{ code: string; message: string }>('POST', '/api/users', { body: { name: 'eve', role: 'root' } });
    expect(badRole.status).toBe(400);
    expect(badRole.body.code).toBe('validation_failed');
    expect(badRole.body.message).toContain('role');
    const unknownField = await server.api<{ message: string }>('POST', '/api/users', { body: { name: 'eve', role: 'viewer', isAdmin: true } });
    expect(unknownField.status).toBe(400);
    expect(unknownField.body.message).toContain('isAdmin');
    const notJson = await server.api<{ code: string }>('POST', '/api/users', { headers: { 'content-type': 'application/json' }, body: undefined });
    expect(notJson.status).toBe(400);
    expect((await server.api<unknown[]>('GET', '/api/users')).body.length).toBe(before);
  });

  it('stops accepting the tokens of a disabled user', async () => {
    await server.api('POST', '/api/users', { body: { name: 'dan', role: 'technician', password: 'dan-password-123' } });
    const token = (await server.api<{ token: string }>('POST', '/api/auth/login', { body: { user: 'dan', password: 'dan-password-123' }, token: null })).body.token;
    expect((await server.api('GET', '/api/devices', { token })).status).toBe(200);
    expect((await server.api('POST', '/api/users/dan/disable')).status).toBe(200);
    expect((await server.api('GET', '/api/devices', { token })).status).toBe(401);
  });

  it('filters the audit log by action prefix and limit from the query string', async () => {
    const logins = await server.api<Array<{ action: string }>>('GET', '/api/audit?action=login&limit=2');
    expect(logins.status).toBe(200);
    expect(logins.body).toHaveLength(2);
    expect(logins.body.every((entry) => entry.action.startsWith('login'))).toBe(true);
    const wildcard = await server.api<unknown[]>('GET', '/api/audit?action=%25');
    expect(wildcard.body).toEqual([]);
  });

  it('keeps an intact, hash-chained audit log', async () => {
    const verify = await server.api<{ ok: boolean; entries: number }>('GET', '/api/audit/verify');
    expect(verify.body.ok).toBe(true);
    expect(verify.body.entries).toBeGreaterThan(5);
  });
});
