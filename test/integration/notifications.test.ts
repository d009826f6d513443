// Notifications against a real SMTP server and a real HTTP receiver, both started here on port 0.
// Time is a fake clock driven by the test; deliverDue() runs the worker, so nothing sleeps.
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { TicketEvent } from '../../protocol/api/notifications.js';
import { openDatabase, type Db } from '../../server/db/database.js';
import type { AuthUser } from '../../server/features/auth/service.js';
import { notificationConfig, type NotificationConfig } from '../../server/features/notifications/config.js';
import { createNotificationService, type NotificationService } from '../../server/features/notifications/service.js';
import { createUserStore } from '../../server/features/users/store.js';

type LogEntry = { level: string; details: Record<string, unknown>; message: string };
type Mail = { to: string[]; headers: string; body: string };

const PUBLIC_URL = 'https://helpline.test';
const BASE_MS = 1_000;
const START = Date.UTC(2025, 0, 6, 9, 0, 0);

function parseMail(raw: string, to: string[]): Mail {
  const split = raw.indexOf('\r\n\r\n');
  const headers = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  let body = raw.slice(split + 4);
  if (/content-transfer-encoding: quoted-printable/i.test(headers)) {
    body = body
      .replace(/=\r\n/g, '')
      .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  }
  return { to, headers, body: body.replace(/\r\n/g, '\n') };
}

async function startSmtp(mails: Mail[]) {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        mails.push(
          parseMail(
            Buffer.concat(chunks).toString('utf8'),
            session.envelope.rcptTo.map((rcpt) => rcpt.address),
          ),
        );
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.server.address() as AddressInfo).port };
}

/** A webhook receiver answering with the next status from `statuses` (then 200). */
async function startReceiver() {
  type WebhookBody = { text: string; event: TicketEvent; url: string };
  const received: Array<{ headers: Record<string, unknown>; body: WebhookBody }> = [];
  const statuses: number[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({
        headers: request.headers,
        body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as WebhookBody,
      });
      const status = statuses.shift() ?? 200;
      response.writeHead(status, status >= 300 && status < 400 ? { location: '/elsewhere' } : {}).end('ok');
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { server, received, statuses, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

function ticketEvent(kind: TicketEvent['kind'], ticket: Partial<TicketEvent['ticket']> = {}): TicketEvent {
  return {
    kind,
    at: START,
    actor: 'system',
    detail: null,
    ticket: {
      id: 42,
      subject: 'Printer offline',
      priority: 2,
      line: 2,
      status: 'assigned',
      assignee: 'tom',
      requester: 'alice',
      deviceId: 'dev_aaaaaaaaaaaaaaaa',
      deviceName: 'PC-042',
      deviceGroup: 'office',
      ...ticket,
    },
  };
}

describe('notifications', () => {
  let dir: string;
  let db: Db;
  let clock = START;
  let logs: LogEntry[];
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  const mails: Mail[] = [];
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let admin: AuthUser;
  let tom: AuthUser;
  const services: NotificationService[] = [];

  const log = {
    info: (details: Record<string, unknown>, message: string) => logs.push({ level: 'info', details, message }),
    warn: (details: Record<string, unknown>, message: string) => logs.push({ level: 'warn', details, message }),
    error: (details: Record<string, unknown>, message: string) => logs.push({ level: 'error', details, message }),
  };
  const makeService = (config: Partial<NotificationConfig> = {}, database: Db = db) => {
    const service = createNotificationService({
      db: database,
      config: notificationConfig({
        smtpHost: '127.0.0.1',
        smtpPort: smtp.port,
        notifyBackoffBaseMs: BASE_MS,
        notifyBackoffCapMs: 60_000,
        notifyMaxAttempts: 3,
        notifySendTimeoutMs: 5_000,
        ...config,
      }),
      log,
      now: () => clock,
      random: () => 0.5,
      publicUrl: () => PUBLIC_URL,
    });
    services.push(service);
    return service;
  };
  /** Each test starts with no active subscription and nothing queued. */
  const resetQueue = () =>
    db.exec(
      "UPDATE notification_deliveries SET status = 'failed' WHERE status = 'pending'; UPDATE notification_subscriptions SET enabled = 0",
    );

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'helpline-notify-'));
    db = openDatabase(join(dir, 'test.db'));
    const users = createUserStore(db, () => clock);
    const user = (name: string, role: 'admin' | 'technician'): AuthUser => ({
      id: users.insert({ name, role, line: role === 'admin' ? null : 2, passwordHash: 'x' }),
      name,
      role,
      line: null,
      tokenId: 't',
    });
    admin = user('admin', 'admin');
    tom = user('tom', 'technician');
    db.prepare("INSERT INTO device_groups (name, created_at) VALUES ('office', 0), ('lab', 0)").run();
    smtp = await startSmtp(mails);
    receiver = await startReceiver();
  });
  afterEach(() => {
    resetQueue();
    mails.length = 0;
    receiver.received.length = 0;
    receiver.statuses.length = 0;
  });
  afterAll(async () => {
    for (const service of services) await service.stop();
    await new Promise<void>((resolve) => smtp.server.close(() => resolve()));
    receiver.server.closeAllConnections();
    receiver.server.close();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("e-mails a technician's own subscription: subject, plain-text details and the ticket link", async () => {
    logs = [];
    const service = makeService();
    service.setMyEmail(tom, 'tom@example.test');
    service.createOwnSubscription(tom, { kinds: ['sla.breach', 'ticket.resolved'] });
    service.notify(ticketEvent('ticket.created'));
    service.notify(ticketEvent('sla.breach', { subject: 'Printer offline\r\nBcc: victim@example.test' }));
    expect(await service.deliverDue()).toEqual({ sent: 1, retrying: 0, failed: 0 });

    expect(mails).toHaveLength(1);
    const [mail] = mails;
    expect(mail!.to).toEqual(['tom@example.test']);
    expect(mail!.headers).toMatch(/^Subject: \[Helpline #42\] SLA breach: Printer offline Bcc: victim@example\.test$/m);
    expect(mail!.headers).not.toMatch(/^Bcc:/im);
    expect(mail!.headers).toMatch(/^Content-Type: text\/plain/m);
    expect(mail!.headers).toMatch(/^Auto-Submitted: auto-generated$/m);
    expect(mail!.body).toContain('Priority:  2');
    expect(mail!.body).toContain('Line:      2');
    expect(mail!.body).toContain('Assignee:  tom');
    expect(mail!.body).toContain('Device:    PC-042 (group office)');
    expect(mail!.body).toContain(`${PUBLIC_URL}/tickets/42`);
    expect(service.listDeliveries({})[0]).toMatchObject({
      status: 'sent',
      attempts: 1,
      kind: 'sla.breach',
      ticketId: 42,
      target: 'tom@example.test',
    });
  });

  it("posts JSON with a one-line text field to a device group's webhook, and nothing for other groups", async () => {
    logs = [];
    const service = makeService();
    service.createSubscription(admin, {
      channel: 'webhook',
      target: `${receiver.url}/hook`,
      kinds: ['ticket.created', 'ticket.escalated'],
      deviceGroup: 'office',
    });
    const event = ticketEvent('ticket.created', { id: 7, subject: 'Screen <!channel> flickers\nagain' });
    service.notify(event);
    service.notify(ticketEvent('ticket.created', { id: 8, deviceGroup: 'lab' }));
    expect(await service.deliverDue()).toEqual({ sent: 1, retrying: 0, failed: 0 });

    expect(receiver.received).toHaveLength(1);
    const [{ headers, body }] = receiver.received as [(typeof receiver.received)[number]];
    expect(headers['content-type']).toBe('application/json');
    expect(body.event).toEqual(event);
    expect(body.text).not.toContain('\n');
    expect(body.text).toContain('[Helpline #7] New ticket: Screen &lt;!channel&gt; flickers again');
    expect(body.text).toContain(`${PUBLIC_URL}/tickets/7`);
    expect(body.url).toBe(`${PUBLIC_URL}/tickets/7`);
  });

  it('retries a receiver that answers 500 twice with growing delays, then delivers exactly once', async () => {
    logs = [];
    const service = makeService();
    service.createSubscription(admin, { channel: 'webhook', target: receiver.url, kinds: ['sla.warning'] });
    receiver.statuses.push(500, 500);
    service.notify(ticketEvent('sla.warning'));

    expect(await service.deliverDue()).toEqual({ sent: 0, retrying: 1, failed: 0 });
    const first = service.listDeliveries({})[0]!;
    expect(first).toMatchObject({ status: 'pending', attempts: 1, lastError: 'receiver answered HTTP 500' });
    // Equal jitter: the first retry waits between half and all of the base delay (0.75 with random 0.5).
    expect(Date.parse(first.nextAttemptAt) - clock).toBe(0.75 * BASE_MS);
    expect(await service.deliverDue()).toEqual({ sent: 0, retrying: 0, failed: 0 });

    clock += BASE_MS;
    expect(await service.deliverDue()).toEqual({ sent: 0, retrying: 1, failed: 0 });
    expect(Date.parse(service.listDeliveries({})[0]!.nextAttemptAt) - clock).toBe(0.75 * 2 * BASE_MS);
    clock += BASE_MS;
    expect(await service.deliverDue()).toEqual({ sent: 0, retrying: 0, failed: 0 });

    clock += BASE_MS;
    expect(await service.deliverDue()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    clock += 3_600_000;
    expect(await service.deliverDue()).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(receiver.received).toHaveLength(3);
    expect(service.listDeliveries({})[0]).toMatchObject({ status: 'sent', attempts: 3, lastError: null });
    expect(logs.filter((entry) => entry.level === 'warn' && entry.message.includes('will retry'))).toHaveLength(2);
  });

  it('counts a redirect as a failed attempt and does not follow it', async () => {
    logs = [];
    const service = makeService();
    service.createSubscription(admin, {
      channel: 'webhook',
      target: `${receiver.url}/hook`,
      kinds: ['ticket.escalated'],
    });
    receiver.statuses.push(302);
    service.notify(ticketEvent('ticket.escalated', { line: 3 }));
    expect(await service.deliverDue()).toEqual({ sent: 0, retrying: 1, failed: 0 });
    expect(receiver.received).toHaveLength(1);
    expect(service.listDeliveries({})[0]!.lastError).toBe('receiver answered HTTP 302 (redirects are not followed)');
  });

  it('keeps a delivery pending while the SMTP relay is unreachable, then fails it after notifyMaxAttempts and logs it', async () => {
    logs = [];
    const closed = createServer();
    closed.listen(0, '127.0.0.1');
    await once(closed, 'listening');
    const deadPort = (closed.address() as AddressInfo).port;
    closed.close();
    const service = makeService({ smtpPort: deadPort });
    service.setMyEmail(tom, 'tom@example.test');
    service.createOwnSubscription(tom, { kinds: ['ticket.assigned'] });

    // notify() only queues: it returns synchronously, before any connection is tried.
    expect(service.notify(ticketEvent('ticket.assigned', { id: 9 }))).toBeUndefined();
    expect(service.listDeliveries({ status: 'pending' })[0]).toMatchObject({ ticketId: 9, attempts: 0 });

    expect(await service.deliverDue()).toEqual({ sent: 0, retrying: 1, failed: 0 });
    expect(service.listDeliveries({})[0]).toMatchObject({ status: 'pending', attempts: 1 });
    expect(service.listDeliveries({})[0]!.lastError).toMatch(/ECONNREFUSED/);

    clock += 60_000;
    expect(await service.deliverDue()).toEqual({ sent: 0, retrying: 1, failed: 0 });
    clock += 60_000;
    expect(await service.deliverDue()).toEqual({ sent: 0, retrying: 0, failed: 1 });
    const [failed] = service.listDeliveries({ status: 'failed' });
    expect(failed).toMatchObject({ ticketId: 9, attempts: 3 });
    const givenUp = logs.filter((entry) => entry.level === 'error');
    expect(givenUp).toHaveLength(1);
    expect(givenUp[0]).toMatchObject({
      message: 'notification delivery failed; giving up',
      details: { deliveryId: failed!.id, attempts: 3, channel: 'email' },
    });
    clock += 3_600_000;
    expect(await service.deliverDue()).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(mails).toHaveLength(0);
  });

  it('never throws into the caller: a broken database or a malformed event is only logged', () => {
    logs = [];
    const other = openDatabase(join(dir, 'broken.db'));
    const service = makeService({}, other);
    other.close();
    expect(() => service.notify(ticketEvent('ticket.created'))).not.toThrow();
    expect(() => makeService().notify(JSON.parse('{"kind":"ticket.created"}') as TicketEvent)).not.toThrow();
    expect(logs.filter((entry) => entry.level === 'error').map((entry) => entry.message)).toEqual([
      'could not queue notifications; the ticket itself is not affected',
      'malformed ticket event; no notifications queued',
    ]);
  });

  it('started, the worker sends a queued delivery by itself soon after notify()', async () => {
    logs = [];
    const service = makeService({ notifyPollMs: 60_000 });
    service.createSubscription(admin, {
      channel: 'webhook',
      target: receiver.url,
      kinds: ['ticket.resolved'],
      line: 2,
    });
    service.start();
    const arrived = new Promise<void>((resolve) => receiver.server.once('request', () => resolve()));
    service.notify(ticketEvent('ticket.resolved', { id: 11 }));
    await arrived;
    await service.stop();
    await expect.poll(() => service.listDeliveries({})[0]?.status).toBe('sent');
    expect(receiver.received.map((request) => request.body.event.ticket.id)).toEqual([11]);
  });
});
