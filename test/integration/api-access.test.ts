// Every route of the table checks the role: 401 without a token, 403 for a role it does not
// allow. The routes come from the route table itself, so a new route is covered automatically; and
// the OpenAPI document lists every one of them with the error codes it may answer with.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorBody, Role } from '../../protocol/api/common.js';
import { COMMON_ERRORS, pathParamNames, type RouteSpec } from '../../protocol/api/route.js';
import { allRoutes, API } from '../../protocol/api/routes/index.js';
import { API_ERRORS } from '../../protocol/errors.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

/** What the document's error responses look like (the route table types them as unknown). */
type ErrorResponse = { content: { 'application/json': { schema: { properties: { code: { enum: string[] } } } } } };

/** Some value for each path parameter: the role is checked before the parameters are. */
const placeholderParams = (spec: RouteSpec) => Object.fromEntries(pathParamNames(spec).map((name) => [name, '1']));

describe('API access control', () => {
  let server: TestServer;
  let tokens: Record<Role, string>;

  beforeAll(async () => {
    server = await startTestServer({ loginMaxFailures: 3 });
    const viewer = await server.addUser('vera', 'viewer');
    const technician = await server.addUser('tom', 'technician');
    tokens = { admin: server.adminToken, technician, viewer };
  });
  afterAll(() => server.cleanup());

  it('answers 401 without a token and 403 for a role not allowed, on every protected route', async () => {
    let protectedRoutes = 0;
    for (const spec of allRoutes()) {
      if (spec.access === 'public') continue;
      protectedRoutes++;
      const route = `${spec.method} ${spec.path}`;
      const params = placeholderParams(spec);
      const anonymous = await server.raw<ApiErrorBody>(spec, { params, token: null });
      expect(anonymous.status, route).toBe(401);
      expect(anonymous.body.code).toBe('unauthorized');
      for (const [role, token] of Object.entries(tokens) as Array<[Role, string]>) {
        if (spec.access.includes(role)) continue;
        const denied = await server.raw<ApiErrorBody>(spec, { params, token });
        expect(denied.status, `${role} ${route}`).toBe(403);
        expect(denied.body.message).toContain('admin');
      }
    }
    expect(protectedRoutes).toBeGreaterThan(10);
  });

  it('lists every route of the table in /api/openapi.json, with its roles and error codes by status', async () => {
    const document = await server.client(null).call(API.meta.openapi);
    const routes = allRoutes();
    const operations = Object.values(document.paths).flatMap((methods) => Object.keys(methods));
    expect(operations).toHaveLength(routes.length);
    for (const spec of routes) {
      const route = `${spec.method} ${spec.path}`;
      const operation = document.paths[spec.path.replace(/:(\w+)/g, '{$1}')]?.[spec.method.toLowerCase()];
      expect(operation, route).toMatchObject({ summary: spec.summary, 'x-access': spec.access });
      expect(Object.keys(operation!.responses), route).toContain(String(spec.status ?? 200));
      const common = COMMON_ERRORS.filter(
        (code) => spec.access !== 'public' || (code !== 'unauthorized' && code !== 'forbidden'),
      );
      for (const code of [...common, ...spec.errors]) {
        const response = operation!.responses[String(API_ERRORS[code])] as ErrorResponse | undefined;
        expect(response?.content['application/json'].schema.properties.code.enum, `${route} ${code}`).toContain(code);
      }
    }
  });

  it('lets a viewer read devices but not make enrollment tokens', async () => {
    expect(await server.client(tokens.viewer).call(API.devices.list)).toEqual([]);
    const made = server.client(tokens.viewer).call(API.enrollment.createToken, { body: {} });
    await expect(made).rejects.toMatchObject({ status: 403, code: 'forbidden' });
  });

  it('refuses a made-up or malformed bearer token', async () => {
    for (const token of ['hlt_aaaaaaaaaaaa.bbbbbbbbbbbbbbbbbbbbbbbbbbbbbb', 'garbage']) {
      await expect(server.client(token).call(API.devices.list), token).rejects.toMatchObject({ status: 401 });
    }
  });

  it('refuses a wrong password, audits it, and rate-limits repeated failures', async () => {
    const login = (password: string) =>
      server.raw<ApiErrorBody>(API.auth.login, { body: { user: 'tom', password }, token: null });
    const wrong = await login('not-his-password');
    expect(wrong.status).toBe(401);
    expect(wrong.body.code).toBe('invalid_credentials');
    await login('nope-1');
    await login('nope-2');
    const blocked = await login('tom-password-123');
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe('rate_limited');
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    const audit = await server.client().call(API.audit.list, { query: { action: 'login' } });
    expect(audit.filter((entry) => entry.actor === 'tom').map((entry) => entry.action)).toEqual([
      'login.blocked',
      'login.failed',
      'login.failed',
      'login.failed',
      'login',
    ]);
  });

  it('refuses a body that fails its schema, naming the field, and changes nothing', async () => {
    const userCount = async () => (await server.client().call(API.users.list)).length;
    const before = await userCount();
    const badRole = await server.raw<ApiErrorBody>(API.users.add, { body: { name: 'eve', role: 'root' } });
    expect(badRole.status).toBe(400);
    expect(badRole.body.code).toBe('validation_failed');
    expect(badRole.body.message).toContain('role');
    const unknownField = await server.raw<ApiErrorBody>(API.users.add, {
      body: { name: 'eve', role: 'viewer', isAdmin: true },
    });
    expect(unknownField.status).toBe(400);
    expect(unknownField.body.message).toContain('isAdmin');
    const notJson = await server.raw(API.users.add, {
      headers: { 'content-type': 'application/json' },
      body: undefined,
    });
    expect(notJson.status).toBe(400);
    expect(await userCount()).toBe(before);
  });

  it('stops accepting the tokens of a disabled user', async () => {
    await server
      .client()
      .call(API.users.add, { body: { name: 'dan', role: 'technician', password: 'dan-password-123' } });
    const { token } = await server
      .client(null)
      .call(API.auth.login, { body: { user: 'dan', password: 'dan-password-123' } });
    expect(await server.client(token).call(API.devices.list)).toEqual([]);
    expect(await server.client().call(API.users.disable, { params: { name: 'dan' } })).toMatchObject({
      disabled: true,
    });
    await expect(server.client(token).call(API.devices.list)).rejects.toMatchObject({ status: 401 });
  });

  it('filters the audit log by action prefix and limit from the query string', async () => {
    const logins = await server.client().call(API.audit.list, { query: { action: 'login', limit: 2 } });
    expect(logins).toHaveLength(2);
    expect(logins.every((entry) => entry.action.startsWith('login'))).toBe(true);
    expect(await server.client().call(API.audit.list, { query: { action: '%' } })).toEqual([]);
  });

  it('keeps an intact, hash-chained audit log', async () => {
    const verify = await server.client().call(API.audit.verify);
    expect(verify).toMatchObject({ ok: true });
    expect(verify.ok && verify.entries).toBeGreaterThan(5);
  });
});
