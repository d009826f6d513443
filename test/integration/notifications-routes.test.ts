// The notification API on a small fastify app wired like buildServer (the route table, the same
// validators, the real error handler and access plugin, real auth with tokens) and listening on
// port 0, so that the test can queue ticket events straight into the notification service.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient } from '../../protocol/api/client.js';
import type { ApiErrorBody } from '../../protocol/api/common.js';
import { routePath, type BodyOf, type RouteSpec } from '../../protocol/api/route.js';
import { API } from '../../protocol/api/routes/index.js';
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
import { treatMissingBodyAsEmpty } from '../../server/plugins/empty-body.js';
import { registerErrorHandler } from '../../server/plugins/errors.js';
import { registerRouteTable } from '../../server/plugins/routes.js';
import { registerValidators } from '../../server/plugins/validators.js';

const routes = API.notifications;

describe('notification API', () => {
  let dir: string;
  let db: Db;
  let app: FastifyInstance;
  let url: string;
  let notifications: NotificationService;
  const tokens: Record<string, string> = {};

  /** The typed client as one of the people (null: signed out). */
  const as = (person: string | null) =>
    createApiClient({ server: url, token: person === null ? null : tokens[person] });
  /** Any input to a route, valid or not: the typed client sends only what the schemas allow. */
  const raw = async (
    spec: RouteSpec,
    person: string | null,
    input: { params?: object; query?: object; body?: unknown } = {},
  ) => {
    const headers: Record<string, string> = person === null ? {} : { authorization: `Bearer ${tokens[person]}` };
    if (input.body !== undefined) headers['content-type'] = 'application/json';
    const body = input.body === undefined ? undefined : JSON.stringify(input.body);
    const response = await fetch(url + routePath(spec, input.params, input.query), {
      method: spec.method,
      headers,
      body,
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as ApiErrorBody };
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'helpline-notify-api-'));
    db = openDatabase(join(dir, 'test.db'));
    const users = createUserStore(db);
    const audit = createAuditStore(db);
    const auth = createAuthService({
      users,
      tokens: createApiTokenStore(db),
      audit,
      config: serverConfig({ dataDir: dir }),
    });
    db.prepare("INSERT INTO device_groups (name, created_at) VALUES ('office', 0)").run();
    for (const [name, role] of [
      ['admin', 'admin'],
      ['tom', 'technician'],
      ['ann', 'technician'],
      ['vera', 'viewer'],
    ] as const) {
      users.insert({
        name,
        role,
        line: role === 'technician' ? 1 : null,
        passwordHash: await hashPassword(`${name}-password-123`),
      });
      tokens[name] = (await auth.login(name, `${name}-password-123`, '127.0.0.1')).token;
    }
    const log = { info() {}, warn() {}, error() {} };
    const config = notificationConfig({ smtpHost: '127.0.0.1' });
    notifications = createNotificationService({ db, config, log, publicUrl: () => 'http://hd.test', audit });
    app = Fastify();
    registerRouteTable(app);
    registerValidators(app);
    registerErrorHandler(app);
    treatMissingBodyAsEmpty(app);
    registerAccessControl(app, auth);
    notificationRoutes(app, { notifications });
    url = await app.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    await app.close();
    await notifications.stop();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lets anyone signed in read and set their own e-mail address, and refuses a list or a display name', async () => {
    const setEmail = (person: string, email: string | null) => as(person).call(routes.setMyEmail, { body: { email } });
    expect(await as('tom').call(routes.myEmail)).toEqual({ email: null });
    expect(await setEmail('tom', 'tom@example.test')).toEqual({ email: 'tom@example.test' });
    expect(await as('tom').call(routes.myEmail)).toEqual({ email: 'tom@example.test' });
    expect(await setEmail('vera', 'vera@example.test')).toEqual({ email: 'vera@example.test' });
    for (const email of [
      'tom@example.test, boss@example.test',
      'Tom <tom@example.test>',
      'tom@example.test\r\nBcc: x@y.z',
      'nobody',
    ]) {
      await expect(setEmail('tom', email), email).rejects.toMatchObject({ status: 400, code: 'validation_failed' });
    }
    const withName = await raw(routes.setMyEmail, 'tom', { body: { email: 'tom@example.test', name: 'x' } });
    expect(withName.body.message).toContain('name');
    expect(await as('tom').call(routes.myEmail)).toEqual({ email: 'tom@example.test' });
    expect(await setEmail('vera', null)).toEqual({ email: null });
    expect(await as('vera').call(routes.myEmail)).toEqual({ email: null });
    await expect(as(null).call(routes.myEmail)).rejects.toMatchObject({ status: 401 });
  });

  it('lets a technician subscribe, list and delete only their own e-mail subscriptions', async () => {
    const noAddress = as('ann').call(routes.subscribeMe, { body: { kinds: ['ticket.created'] } });
    await expect(noAddress).rejects.toMatchObject({ status: 409, code: 'invalid_state' });
    const body = { kinds: ['ticket.assigned', 'sla.breach'], line: 1, assignedOnly: true } satisfies BodyOf<
      typeof routes.subscribeMe
    >;
    const created = await as('tom').callWithStatus(routes.subscribeMe, { body });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      user: 'tom',
      channel: 'email',
      target: null,
      enabled: true,
      createdBy: 'tom',
      line: 1,
      assignedOnly: true,
    });

    const webhook = await raw(routes.subscribeMe, 'tom', {
      body: { kinds: ['ticket.created'], channel: 'webhook', target: 'http://evil.test/' },
    });
    expect(webhook.status).toBe(400);
    expect(webhook.body.message).toContain('channel');
    expect((await raw(routes.subscribeMe, 'tom', { body: { kinds: [] } })).status).toBe(400);
    expect((await raw(routes.subscribeMe, 'tom', { body: { kinds: ['ticket.exploded'] } })).status).toBe(400);
    const nowhere = as('tom').call(routes.subscribeMe, { body: { kinds: ['sla.breach'], deviceGroup: 'nowhere' } });
    await expect(nowhere).rejects.toThrow('no device group');

    const teamBody = { channel: 'email', target: 'desk@example.test', kinds: ['ticket.created'] } satisfies BodyOf<
      typeof routes.createSubscription
    >;
    const team = await as('admin').callWithStatus(routes.createSubscription, { body: teamBody });
    expect(team.status).toBe(201);
    expect((await as('tom').call(routes.mySubscriptions)).map((sub) => sub.id)).toEqual([created.body.id]);
    const deleteMine = (person: string, id: number) => as(person).call(routes.deleteMySubscription, { params: { id } });
    await expect(deleteMine('tom', team.body.id)).rejects.toMatchObject({ status: 404 });
    await expect(deleteMine('ann', created.body.id)).rejects.toMatchObject({ status: 404 });
    expect(await deleteMine('tom', created.body.id)).toEqual({ ok: true });
    expect(await as('tom').call(routes.mySubscriptions)).toEqual([]);
  });

  it('keeps the all-subscriptions and delivery routes for admins, and self-service for staff', async () => {
    const adminOnly = [
      routes.listSubscriptions,
      routes.createSubscription,
      routes.updateSubscription,
      routes.deleteSubscription,
      routes.deliveries,
    ];
    for (const spec of adminOnly) {
      const input = { params: { id: 1 }, body: spec.method === 'GET' || spec.method === 'DELETE' ? undefined : {} };
      expect((await raw(spec, 'tom', input)).status, `${spec.method} ${spec.path}`).toBe(403);
      expect((await raw(spec, null, { params: { id: 1 } })).status).toBe(401);
    }
    await expect(as('vera').call(routes.mySubscriptions)).rejects.toMatchObject({ status: 403 });
    await expect(as('vera').call(routes.subscribeMe, { body: { kinds: ['ticket.created'] } })).rejects.toMatchObject({
      status: 403,
    });
  });

  it('lets an admin manage any subscription: teams, webhooks, other users; and see the deliveries', async () => {
    const admin = as('admin');
    const hook = await admin.callWithStatus(routes.createSubscription, {
      body: {
        channel: 'webhook',
        target: 'https://hooks.example.test/x',
        kinds: ['sla.breach'],
        deviceGroup: 'office',
      },
    });
    expect(hook).toMatchObject({
      status: 201,
      body: { user: null, channel: 'webhook', target: 'https://hooks.example.test/x', createdBy: 'admin' },
    });
    const forTom = await admin.callWithStatus(routes.createSubscription, {
      body: { user: 'tom', channel: 'email', kinds: ['sla.breach'] },
    });
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
      const refused = await raw(routes.createSubscription, 'admin', { body });
      expect(refused.status, JSON.stringify(body)).toBeGreaterThanOrEqual(400);
      expect(refused.body.message, JSON.stringify(body)).toContain(message);
    }

    const paused = await admin.callWithStatus(routes.updateSubscription, {
      params: { id: hook.body.id },
      body: { enabled: false },
    });
    expect(paused).toMatchObject({ status: 200, body: { enabled: false } });
    const all = await admin.call(routes.listSubscriptions);
    expect(all.map((sub) => sub.id)).toEqual(expect.arrayContaining([hook.body.id, forTom.body.id]));

    notifications.notify({
      kind: 'sla.breach',
      at: 0,
      actor: 'system',
      detail: null,
      ticket: {
        id: 5,
        subject: 'Disk full',
        priority: 1,
        line: 1,
        status: 'new',
        assignee: null,
        requester: 'ann',
        deviceId: null,
        deviceName: null,
        deviceGroup: 'office',
      },
    });
    const pending = () => admin.call(routes.deliveries, { query: { status: 'pending' } });
    expect(await pending()).toEqual([
      expect.objectContaining({ target: 'tom@example.test', status: 'pending', kind: 'sla.breach', ticketId: 5 }),
    ]);

    const deleteTom = () => admin.call(routes.deleteSubscription, { params: { id: forTom.body.id } });
    expect(await deleteTom()).toEqual({ ok: true });
    await expect(deleteTom()).rejects.toMatchObject({ status: 404 });
    expect(await pending()).toEqual([]);
    expect((await raw(routes.deliveries, 'admin', { query: { status: 'lost' } })).status).toBe(400);

    const actions = createAuditStore(db)
      .list({ action: 'notification.' })
      .map((entry) => entry.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'notification.subscription_created',
        'notification.subscription_disabled',
        'notification.subscription_deleted',
      ]),
    );
  });
});
