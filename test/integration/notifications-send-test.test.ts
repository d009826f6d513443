// "Send test" on a real server: a webhook subscription's test message reaches a real HTTP receiver
// on 127.0.0.1 and an e-mail one reaches a real SMTP server, both on port 0; a receiver's refusal
// comes back as the result's error, and each test is in the audit log with its outcome.
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API } from '../../protocol/api/routes/index.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

type Received = { headers: Record<string, unknown>; body: { text: string; test: boolean; url: string } };

async function startReceiver(statuses: number[]) {
  const received: Received[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({
        headers: request.headers,
        body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Received['body'],
      });
      response.writeHead(statuses.shift() ?? 200).end('ok');
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { server, received, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/secret-path` };
}

async function startSmtp(mails: Array<{ to: string[]; raw: string }>) {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        mails.push({
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.server.address() as AddressInfo).port };
}

describe('notification "send test"', () => {
  let server: TestServer;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  const statuses: number[] = [];
  const mails: Array<{ to: string[]; raw: string }> = [];
  const routes = API.notifications;
  const subscribe = (channel: 'email' | 'webhook', target: string) =>
    server.client().call(routes.createSubscription, { body: { channel, target, kinds: ['ticket.created'] } });
  const test = (id: number) => server.client().call(routes.testSubscription, { params: { id } });

  beforeAll(async () => {
    receiver = await startReceiver(statuses);
    smtp = await startSmtp(mails);
    server = await startTestServer({
      smtpHost: '127.0.0.1',
      smtpPort: smtp.port,
      publicUrl: 'https://hd.example.test',
    });
  }, 30_000);
  afterAll(async () => {
    await server?.cleanup();
    receiver?.server.close();
    await new Promise<void>((resolve) => (smtp ? smtp.server.close(() => resolve()) : resolve()));
  });

  it('posts a test message to a webhook now and answers ok, with the test in the audit log', async () => {
    const subscription = await subscribe('webhook', receiver.url);
    expect(await test(subscription.id)).toEqual({ ok: true, channel: 'webhook', target: receiver.url, error: null });
    expect(receiver.received).toHaveLength(1);
    const [message] = receiver.received;
    expect(message!.body).toEqual({
      text: 'Helpline test message, sent by admin: this notification channel works. https://hd.example.test',
      test: true,
      url: 'https://hd.example.test',
    });
    expect(message!.headers['content-type']).toBe('application/json');
    const [entry] = await server
      .client()
      .call(API.audit.list, { query: { action: 'notification.subscription_tested' } });
    expect(entry).toMatchObject({
      actor: 'admin',
      target: `subscription ${subscription.id}`,
      // The URL's path may hold the webhook's secret: the log keeps its origin only.
      detail: { channel: 'webhook', target: new URL(receiver.url).origin, ok: true, error: null },
    });
    // A test is not a ticket event: nothing is queued for the worker.
    expect(await server.client().call(routes.deliveries, { query: {} })).toEqual([]);
  });

  it("answers with the receiver's refusal as the error", async () => {
    const subscription = await subscribe('webhook', receiver.url);
    statuses.push(500);
    expect(await test(subscription.id)).toEqual({
      ok: false,
      channel: 'webhook',
      target: receiver.url,
      error: 'receiver answered HTTP 500',
    });
    const [entry] = await server
      .client()
      .call(API.audit.list, { query: { action: 'notification.subscription_tested' } });
    expect(entry!.detail).toMatchObject({ ok: false, error: 'receiver answered HTTP 500' });
  });

  it('e-mails a test message through the SMTP relay', async () => {
    const subscription = await subscribe('email', 'ops@example.test');
    expect(await test(subscription.id)).toEqual({
      ok: true,
      channel: 'email',
      target: 'ops@example.test',
      error: null,
    });
    expect(mails).toHaveLength(1);
    expect(mails[0]!.to).toEqual(['ops@example.test']);
    expect(mails[0]!.raw).toContain('Subject: [Helpline] Test message');
    expect(mails[0]!.raw).toContain('Helpline test message, sent by admin');
  });

  it('answers 404 for a subscription that does not exist', async () => {
    await expect(test(9999)).rejects.toMatchObject({ status: 404, code: 'not_found' });
  });
});
