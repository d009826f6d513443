// The notification API, on a small fastify app wired like buildServer (same ajv options, the real
// error handler and access plugin, real auth with tokens), until buildServer registers these routes.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverConfig } from '../../server/config.js';
import { openDatabase, type Db } from '../../server/db/database.js';
import { createAuditStore } from '../../server/features/audit/store.js';
import { hashPassword } from '../../server/features/auth/passwords.js';
import { createAuthService } from '../../server/features/auth/service.js';
import { createApiTokenStore } from '../../server/features/auth/token-store.js';
import { notificationConfig } from '../../server/features/notifications/config.js';
import { notificationRoutes } from '../../server/features/notifications/routes.js';
import { createNotificationService, type NotificationService } from '../../server/features/notifications/service.js';
import { createUserStore } from '../../server/features/users/store.js';
import { registerAccessControl } from '../../server/plugins/access.js';
import { registerErrorHandler } from '../../server/plugins/errors.js';

type Sub = { id: number; user: string | null; channel: string; target: string | null; enabled: boolean; createdBy: string };
type Refusal = { code: string; message: string };

describe('notification API', () => {
  let dir: string;
  let db: Db;
  let app: FastifyInstance;
  let notifications: NotificationService;
  const tokens: Record<string, string> = {};

  const api = async <T = unknown>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, as: string | null, body?: unknown) => {
    const response = await app.inject({ method, url, headers: as ? { authorization: `Bearer ${tokens[as]}` } : {}, ...(body === undefined ? {} : { payload: body as object }) });
    return { status: response.statusCode, body: (response.body ? JSON.parse(response.body) : undefined) as T };
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'helpline-notify-api-'));
    db = openDatabase(join(dir, 'test.db'));
    const users = createUserStore(db);
    const audit = createAuditStore(db);
    const auth = createAuthService({ users, tokens: createApiTokenStore(db), audit, config: serverConfig({ dataDir: dir }) });
    db.prepare("INSERT INTO device_groups (name, created_at) VALUES ('office', 0)").run();
    for (const [name, role] of [['admin', 'admin'], ['tom', 'technician'], ['ann', 'technician'], ['vera', 'viewer']] as const) {
      users.insert({ name, role, line: role === 'technician' ? 1 : null, passwordHash: await hashPassword(`${name}-password-123`) });
      tokens[name] = (await auth.login(name, `${name}-password-123`, '127.0.0.1')).token;
    }
    notifications = createNotificationService({ db, config: notificationConfig({ smtpHost: '127.0.0.1' }), log: { info() {}, warn() {}, error() {} }, publicUrl: () => 'http://hd.test', audit });
    app = Fastify({ ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array' } } }) as unknown as FastifyInstance;
    registerErrorHandler(app);
    registerAccessControl(app, auth);
    notificationRoutes(app, { notifications });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await notifications.stop();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("lets anyone signed in read and set their own e-mail address, and refuses a list or a display name", async () => {
    expect(await api('GET', '/api/me/email', 'tom')).toEqual({ status: 200, body: { email: null } });
    expect(await api('PUT', '/api/me/email', 'tom', { email: 'tom@example.test' })).toEqual({ status: 200, body: { email: 'tom@example.test' } });
    expect((await api('GET', '/api/me/email', 'tom')).body).toEqual({ email: 'tom@example.test' });
    expect((await api('PUT', '/api/me/email', 'vera', { email: 'vera@example.test' })).status).toBe(200);
    for (const email of ['tom@example.test, boss@example.test', 'Tom <tom@example.test>', 'tom@example.test\r\nBcc: x@y.z', 'nobody']) {
      const refused = await api<Refusal>('PUT', '/api/me/email', 'tom', { email });
      expect(refused.status, email).toBe(400);
      expect(refused.body.code).toBe('validation_failed');
    }
    expect((await api<Refusal>('PUT', '/api/me/email', 'tom', { email: 'tom@example.test', name: 'x' })).body.message).toContain('name');
    expect((await api('GET', '/api/me/email', 'tom')).body).toEqual({ email: 'tom@example.test' });
    expect(await api('PUT', '/api/me/email', 'vera', { email: null })).toEqual({ status: 200, body: { email: null } });
    expect((await api('GET', '/api/me/email', 'vera')).body).toEqual({ email: null });
    expect((await api('GET', '/api/me/email', null)).status).toBe(401);
  });

  it('lets a technician subscribe, list and delete only their own e-mail subscriptions', async () => {
    const noAddress = await api<Refusal>('POST', '/api/me/subscriptions', 'ann', { kinds: ['ticket.created'] });
    expect(noAddress).toMatchObject({ status: 409, body: { code: 'invalid_state' } });
    const created = await api<Sub>('POST', '/api/me/subscriptions', 'tom', { kinds: ['ticket.assigned', 'sla.breach'], line: 1, assignedOnly: true });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ user: 'tom', channel: 'email', target: null, enabled: true, createdBy: 'tom', line: 1, assignedOnly: true });

    const webhook = await api<Refusal>('POST', '/api/me/subscriptions', 'tom', { kinds: ['ticket.created'], channel: 'webhook', target: 'http://evil.test/' });
    expect(webhook.status).toBe(400);
    expect(webhook.body.message).toContain('channel');
    expect((await api('POST', '/api/me/subscriptions', 'tom', { kinds: [] })).status).toBe(400);
    expect((await api('POST', '/api/me/subscriptions', 'tom', { kinds: ['ticket.exploded'] })).status).toBe(400);
    expect((await api<Refusal>('POST', '/api/me/subscriptions', 'tom', { kinds: ['sla.breach'], deviceGroup: 'nowhere' })).body.message).toContain('no device group');

    const team = await api<Sub>('POST', '/api/notifications/subscriptions', 'admin', { channel: 'email', target: 'desk@example.test', kinds: ['ticket.created'] });
    expect(team.status).toBe(201);
    expect((await api<Sub[]>('GET', '/api/me/subscriptions', 'tom')).body.map((sub) => sub.id)).toEqual([created.body.id]);
    expect((await api<Refusal>('DELETE', `/api/me/subscriptions/${team.body.id}`, 'tom')).status).toBe(404);
    expect((await api('DELETE', `/api/me/subscriptions/${created.body.id}`, 'ann')).status).toBe(404);
    expect(await api('DELETE', `/api/me/subscriptions/${created.body.id}`, 'tom')).toEqual({ status: 200, body: { ok: true } });
    expect((await api<Sub[]>('GET', '/api/me/subscriptions', 'tom')).body).toEqual([]);
  });

  it('keeps the all-subscriptions and delivery routes for admins, and self-service for staff', async () => {
    for (const [method, url] of [['GET', '/api/notifications/subscriptions'], ['POST', '/api/notifications/subscriptions'], ['PATCH', '/api/notifications/subscriptions/1'], ['DELETE', '/api/notifications/subscriptions/1'], ['GET', '/api/notifications/deliveries']] as const) {
      expect((await api(method, url, 'tom', method === 'GET' || method === 'DELETE' ? undefined : {})).status, `${method} ${url}`).toBe(403);
      expect((await api(method, url, null)).status).toBe(401);
    }
    expect((await api('GET', '/api/me/subscriptions', 'vera')).status).toBe(403);
    expect((await api('POST', '/api/me/subscriptions', 'vera', { kinds: ['ticket.created'] })).status).toBe(403);
  });

  it('lets an admin manage any subscription: teams, webhooks, other users; and see the deliveries', async () => {
    const hook = await api<Sub>('POST', '/api/notifications/subscriptions', 'admin', { channel: 'webhook', target: 'https://hooks.example.test/x', kinds: ['sla.breach'], deviceGroup: 'office' });
    expect(hook).toMatchObject({ status: 201, body: { user: null, channel: 'webhook', target: 'https://hooks.example.test/x', createdBy: 'admin' } });
    const forTom = await api<Sub>('POST', '/api/notifications/subscriptions', 'admin', { user: 'tom', channel: 'email', kinds: ['sla.breach'] });
    expect(forTom).toMatchObject({ status: 201, body: { user: 'tom', target: null } });
    const refusals: Array<[unknown, string]> = [
      [{ channel: 'webhook', kinds: ['sla.breach'] }, 'webhook needs a target'],
      [{ channel: 'webhook', target: 'ftp://files.test/x', kinds: ['sla.breach'] }, 'target'],
      [{ channel: 'webhook', target: 'desk@example.test', kinds: ['sla.breach'] }, 'webhook needs a target'],
      [{ channel: 'email', target: 'https://hooks.example.test/x', kinds: ['sla.breach'] }, 'e-mail address'],
      [{ channel: 'email', kinds: ['sla.breach'] }, 'team subscription'],
      [{ channel: 'email', target: 'desk@example.test', kinds: ['sla.breach'], assignedOnly: true }, 'assignedOnly'],
      [{ user: 'ann', channel: 'email', kinds: ['sla.breach'] }, 'no e-mail address'],
      [{ user: 'nobody', channel: 'email', kinds: ['sla.breach'] }, 'no user nobody'],
    ];
    for (const [body, message] of refusals) {
      const refused = await api<Refusal>('POST', '/api/notifications/subscriptions', 'admin', body);
      expect(refused.status, JSON.stringify(body)).toBeGreaterThanOrEqual(400);
      expect(refused.body.message, JSON.stringify(body)).toContain(message);
    }

    const paused = await api<Sub>('PATCH', `/api/notifications/subscriptions/${hook.body.id}`, 'admin', { enabled: false });
    expect(paused).toMatchObject({ status: 200, body: { enabled: false } });
    const all = (await api<Sub[]>('GET', '/api/notifications/subscriptions', 'admin')).body;
    expect(all.map((sub) => sub.id)).toEqual(expect.arrayContaining([hook.body.id, forTom.body.id]));

    notifications.notify({
      kind: 'sla.breach',
      at: 0,
      actor: 'system',
      detail: null,
      ticket: { id: 5, subject: 'Disk full', priority: 1, line: 1, status: 'new', assignee: null, requester: 'ann', deviceId: null, deviceName: null, deviceGroup: 'office' },
    });
    const deliveries = await api<Array<{ target: string; status: string; kind: string; ticketId: number }>>('GET', '/api/notifications/deliveries?status=pending', 'admin');
    expect(deliveries.body).toEqual([expect.objectContaining({ target: 'tom@example.test', status: 'pending', kind: 'sla.breach', ticketId: 5 })]);

    expect(await api('DELETE', `/api/notifications/subscriptions/${forTom.body.id}`, 'admin')).toEqual({ status: 200, body: { ok: true } });
    expect((await api('DELETE', `/api/notifications/subscriptions/${forTom.body.id}`, 'admin')).status).toBe(404);
    expect((await api<unknown[]>('GET', '/api/notifications/deliveries?status=pending', 'admin')).body).toEqual([]);
    expect((await api('GET', '/api/notifications/deliveries?status=lost', 'admin')).status).toBe(400);

    const actions = createAuditStore(db).list({ action: 'notification.' }).map((entry) => entry.action);
    expect(actions).toEqual(expect.arrayContaining(['notification.subscription_created', 'notification.subscription_disabled', 'notification.subscription_deleted']));
  });
});
