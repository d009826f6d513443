// The ticket workflow through the API: every step recorded, invalid steps refused clearly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BodyOf, RouteSpec } from '../../protocol/api/route.js';
import { API } from '../../protocol/api/routes/index.js';
import { startStaffedServer, type TestServer } from '../helpers/test-server.js';

const T = API.tickets;

describe('tickets', () => {
  let server: TestServer;
  let tom: string;
  let vera: string;
  beforeAll(async () => {
    ({ server, tom, vera } = await startStaffedServer());
  });
  afterAll(() => server.cleanup());

  const create = (body: Partial<BodyOf<typeof T.create>> = {}) =>
    server.client(tom).call(T.create, { body: { subject: 'Printer offline', ...body } });
  /** A request the typed client would not send (a missing or unknown field), as tom unless told. */
  const raw = (spec: RouteSpec, id: number, body?: object, token = tom) =>
    server.raw<{ code: string; message: string }>(spec, { params: { id }, body, token });

  it('walks new → assigned → in progress → pending → in progress → resolved → closed, recording each step', async () => {
    const client = server.client(tom);
    const ticket = await create({ impact: 2, urgency: 1 });
    const params = { id: ticket.id };
    expect(ticket).toMatchObject({ status: 'new', line: 1, priority: expect.any(Number) });
    expect((await client.call(T.assign, { params, body: { assignee: 'tom' } })).status).toBe('assigned');
    expect((await client.call(T.start, { params })).status).toBe('in_progress');
    expect((await client.call(T.pending, { params, body: { reason: 'waiting for the toner delivery' } })).status).toBe(
      'pending',
    );
    expect((await client.call(T.start, { params })).status).toBe('in_progress');
    const replied = await client.call(T.reply, { params, body: { body: 'Toner replaced.' } });
    expect(replied.firstResponseAt).not.toBeNull();
    expect(
      await client.call(T.resolve, { params, body: { resolution: 'Replaced the toner cartridge.' } }),
    ).toMatchObject({
      status: 'resolved',
      resolution: 'Replaced the toner cartridge.',
    });
    expect((await client.call(T.close, { params })).status).toBe('closed');
    const detail = await server.client(vera).call(T.show, { params });
    expect(detail.history.filter((entry) => entry.field === 'status').map((entry) => entry.newValue)).toEqual([
      'assigned',
      'in_progress',
      'pending',
      'in_progress',
      'resolved',
      'closed',
    ]);
    expect(detail.history.every((entry) => entry.actor === 'tom' || entry.field === 'created')).toBe(true);
    expect(detail.entries.map((entry) => entry.kind)).toEqual(['note', 'reply']);
  });

  it('refuses to close a ticket that was never resolved, and says why', async () => {
    const ticket = await create();
    await expect(server.client(tom).call(T.close, { params: { id: ticket.id } })).rejects.toMatchObject({
      status: 409,
      message: expect.stringContaining('resolve it first'),
    });
    expect((await server.client().call(T.show, { params: { id: ticket.id } })).ticket.status).toBe('new');
  });

  it('takes an action whose fields are all optional without any body, and names the field a bodiless request lacks', async () => {
    const ticket = await create();
    const params = { id: ticket.id };
    await server.client(tom).call(T.assign, { params, body: { assignee: 'tom' } });
    // No body at all (the typed client sends none when given none): pending's reason is optional.
    expect((await server.client(tom).call(T.pending, { params })).status).toBe('pending');
    const missing = await raw(T.resolve, ticket.id);
    expect(missing.status).toBe(400);
    expect(missing.body.message).toMatch(/resolution/);
  });

  it('reopens a resolved ticket only with a reason', async () => {
    const client = server.client(tom);
    const ticket = await create();
    const params = { id: ticket.id };
    await client.call(T.resolve, { params, body: { resolution: 'Restarted the spooler.' } });
    await expect(client.call(T.reopen, { params, body: {} })).rejects.toMatchObject({ status: 400 });
    expect((await client.call(T.reopen, { params, body: { reason: 'It stopped again' } })).status).toBe('in_progress');
  });

  it('escalates line by line with a note, raising priority on request, and never past line 3', async () => {
    const client = server.client(tom);
    const ticket = await create({ impact: 4, urgency: 4 });
    const params = { id: ticket.id };
    expect((await raw(T.escalate, ticket.id, {})).status).toBe(400);
    const second = await client.call(T.escalate, { params, body: { note: 'Needs admin rights', raisePriority: true } });
    expect(second).toMatchObject({ line: 2, priority: ticket.priority - 1 });
    expect(await client.call(T.escalate, { params, body: { note: 'Server side', assignee: 'tom' } })).toMatchObject({
      line: 3,
      status: 'assigned',
      assignee: 'tom',
    });
    await expect(client.call(T.escalate, { params, body: { note: 'Even higher' } })).rejects.toMatchObject({
      status: 409,
      message: expect.stringContaining('line 3'),
    });
    const events = (await server.client().call(T.show, { params })).entries.filter((entry) => entry.kind === 'event');
    expect(events.map((entry) => entry.body)).toEqual([
      'Escalated to line 2: Needs admin rights',
      'Escalated to line 3: Server side',
    ]);
  });

  it('stores script-like text as it was typed and refuses unknown fields', async () => {
    const ticket = await create({ subject: '<script>alert(1)</script> screen flickers' });
    expect(ticket.subject).toBe('<script>alert(1)</script> screen flickers');
    const unknown = await server.raw<{ message: string }>(T.create, {
      token: tom,
      body: { subject: 'x', priority: 1 },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toContain('priority');
    await expect(create({ subject: 'bell\u0007' })).rejects.toMatchObject({ status: 400 });
  });

  it('lets viewers read but not change tickets', async () => {
    const ticket = await create();
    const viewer = server.client(vera);
    await expect(viewer.call(T.show, { params: { id: ticket.id } })).resolves.toMatchObject({
      ticket: { id: ticket.id },
    });
    await expect(viewer.call(T.reply, { params: { id: ticket.id }, body: { body: 'hi' } })).rejects.toMatchObject({
      status: 403,
    });
    await expect(viewer.call(T.create, { body: { subject: 'x' } })).rejects.toMatchObject({ status: 403 });
  });

  it('lists my open tickets and filters by line and status', async () => {
    const mine = await create({ subject: 'Mine' });
    await server.client(tom).call(T.assign, { params: { id: mine.id }, body: { assignee: 'tom' } });
    const listed = await server.client(tom).call(T.list, { query: { mine: true } });
    expect(listed.map((ticket) => ticket.id)).toContain(mine.id);
    expect(listed.every((ticket) => ticket.assignee === 'tom' && !['resolved', 'closed'].includes(ticket.status))).toBe(
      true,
    );
    const lineTwo = await server.client().call(T.list, { query: { line: 2 } });
    expect(lineTwo.every((ticket) => ticket.line === 2)).toBe(true);
    expect((await server.raw(T.list, { query: { status: 'bogus' } })).status).toBe(400);
  });
});
