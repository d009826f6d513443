// Ticket events reach subscribers through the wired server: a real HTTP receiver gets the
// webhook for a new ticket and for its escalation.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API } from '../../protocol/api/routes/index.js';
import { eventually } from '../helpers/test-agent.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

describe('ticket notifications', () => {
  let server: TestServer;
  let receiver: Server;
  const received: Array<{ text: string; event: { kind: string; ticket: { id: number } } }> = [];

  beforeAll(async () => {
    receiver = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        received.push(JSON.parse(body) as (typeof received)[number]);
        response.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.cleanup();
    receiver.close();
  });

  it('sends a webhook for a new ticket and for its escalation, and the ticket never waits for it', async () => {
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    const kinds = ['ticket.created' as const, 'ticket.escalated' as const];
    const body = { channel: 'webhook' as const, target: url, kinds };
    const subscription = await server.client().callWithStatus(API.notifications.createSubscription, { body });
    expect(subscription.status).toBe(201);
    const ticket = await server.client().call(API.tickets.create, { body: { subject: 'VPN refuses logins' } });
    const params = { id: ticket.id };
    await server.client().call(API.tickets.escalate, { params, body: { note: 'Needs the firewall team' } });
    await eventually(() => received.length >= 2, 10_000, 'two webhooks');
    expect(received.map((message) => [message.event.kind, message.event.ticket.id])).toEqual([
      ['ticket.created', ticket.id],
      ['ticket.escalated', ticket.id],
    ]);
    expect(received[0]!.text).toContain('VPN refuses logins');
  });
});
