// The ticket queue through the API: each view holds what its name says and is counted with the
// same filters, "at risk" follows the SLA clocks in business time, filters and sorting narrow
// and order it, paging keeps the total, and a bad query is refused with what was wrong.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API } from '../../protocol/api/routes/index.js';
import type { TicketQueueQuery } from '../../protocol/api/ticket-queue.js';
import { startStaffedServer, type TestServer } from '../helpers/test-server.js';

const T = API.tickets;
const MONDAY_TEN = Date.parse('2026-03-02T10:00:00Z');
const MINUTE = 60_000;

describe('ticket queue', () => {
  let server: TestServer;
  let tom: string;
  let vera: string;
  let clock = MONDAY_TEN;
  const ids: Record<string, number> = {};
  const queue = (query: TicketQueueQuery = {}, token = tom) => server.client(token).call(T.queue, { query });
  const subjects = async (query: TicketQueueQuery) => (await queue(query)).tickets.map((ticket) => ticket.subject);

  beforeAll(async () => {
    ({ server, tom, vera } = await startStaffedServer({}, { now: () => clock }));
    const client = server.client(tom);
    const open = async (key: string, body: Parameters<typeof client.call<typeof T.create>>[1]['body']) => {
      ids[key] = (await client.call(T.create, { body })).id;
      clock += MINUTE;
    };
    await open('urgent', { subject: 'Server room too hot', impact: 1, urgency: 1 });
    await open('mine', { subject: 'Outlook keeps asking for a password', category: 'email' });
    await open('phone', {
      subject: 'Printer jams on floor 2',
      channel: 'phone',
      requester: 'Anna Petrova',
      category: 'printing',
    });
    await open('line2', { subject: 'VPN drops every hour', line: 2, impact: 4, urgency: 4 });
    await open('waiting', { subject: 'New monitor for reception', impact: 4, urgency: 5 });
    await open('done', { subject: 'Reset a forgotten password' });
    const params = (key: string) => ({ params: { id: ids[key]! } });
    await client.call(T.assign, { ...params('mine'), body: { assignee: 'tom' } });
    await client.call(T.assign, { ...params('waiting'), body: { assignee: 'tom' } });
    await client.call(T.pending, { ...params('waiting'), body: { reason: 'waiting for the delivery' } });
    await client.call(T.resolve, { ...params('done'), body: { resolution: 'Reset it.' } });
  });
  afterAll(() => server.cleanup());

  it('keeps each view to what its name says, with every view counted', async () => {
    const all = await queue();
    expect(all.counts).toEqual({ mine: 2, line: 4, unassigned: 3, at_risk: 0, pending: 1, all: 6 });
    expect(all.total).toBe(6);
    expect(await subjects({ view: 'mine' })).toEqual([
      'Outlook keeps asking for a password',
      'New monitor for reception',
    ]);
    expect(await subjects({ view: 'unassigned' })).toEqual([
      'Server room too hot',
      'Printer jams on floor 2',
      'VPN drops every hour',
    ]);
    expect(await subjects({ view: 'pending' })).toEqual(['New monitor for reception']);
    expect((await subjects({ view: 'line' })).includes('VPN drops every hour')).toBe(false);
  });

  it('puts a ticket in "at risk" once its SLA clock warns, and keeps it there breached', async () => {
    clock = MONDAY_TEN + 50 * MINUTE; // 50 of the 60 business minutes a P1 has for its first response
    const warned = await queue({ view: 'at_risk' });
    expect(warned.tickets.map((ticket) => [ticket.id, ticket.sla.firstResponse.state])).toEqual([
      [ids.urgent, 'warning'],
    ]);
    expect(warned.counts.at_risk).toBe(1);
    clock = MONDAY_TEN + 3 * 60 * MINUTE;
    const breached = await queue({ view: 'at_risk' });
    expect(breached.tickets[0]).toMatchObject({ id: ids.urgent, sla: { firstResponse: { state: 'breached' } } });
    expect(breached.total).toBe(breached.counts.at_risk);
  });

  it('narrows by channel, requester, source, category, priority and text, counting views with the same filters', async () => {
    const phone = await queue({ channel: 'phone' });
    expect(phone.tickets.map((ticket) => [ticket.subject, ticket.channel, ticket.requester])).toEqual([
      ['Printer jams on floor 2', 'phone', { kind: 'employee', name: 'Anna Petrova' }],
    ]);
    expect(phone.counts).toMatchObject({ all: 1, unassigned: 1, mine: 0 });
    expect(await subjects({ requester: 'petrova' })).toEqual(['Printer jams on floor 2']);
    expect(await subjects({ category: 'email' })).toEqual(['Outlook keeps asking for a password']);
    expect(await subjects({ q: 'vpn' })).toEqual(['VPN drops every hour']);
    expect(await subjects({ q: `#${ids.done}` })).toEqual(['Reset a forgotten password']);
    expect(await subjects({ q: '100%_' })).toEqual([]);
    expect(await subjects({ priority: 1 })).toEqual(['Server room too hot']);
    expect((await queue({ source: 'fault' })).total).toBe(0);
    expect(await subjects({ status: 'resolved' })).toEqual(['Reset a forgotten password']);
  });

  it('sorts by a column either way and pages with the total kept', async () => {
    const bySubject = await subjects({ sort: 'subject' });
    expect(bySubject).toEqual([...bySubject].sort((a, b) => a.localeCompare(b)));
    expect(await subjects({ sort: 'subject', order: 'desc' })).toEqual([...bySubject].reverse());
    expect((await queue({ sort: 'created', order: 'desc' })).tickets[0]!.id).toBe(ids.done);
    const due = await queue({ view: 'unassigned', sort: 'due' });
    expect(due.tickets[0]!.id).toBe(ids.urgent);
    const second = await queue({ sort: 'id', limit: 2, offset: 2 });
    expect(second.tickets.map((ticket) => ticket.id)).toEqual([ids.phone, ids.line2]);
    expect(second.total).toBe(6);
  });

  it('lets a viewer read the queue and refuses a bad query with what was wrong', async () => {
    expect((await queue({}, vera)).total).toBe(6);
    const bad = await server.raw<{ code: string; message: string }>(T.queue, {
      query: { view: 'everything' },
      token: tom,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('validation_failed');
    expect(bad.body.message).toMatch(/view/);
  });
});
