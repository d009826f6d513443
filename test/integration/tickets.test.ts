// The ticket workflow through the API: every step recorded, invalid steps refused clearly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

type Ticket = { id: number; status: string; line: number; priority: number; assignee: string | null; subject: string; resolution: string | null; firstResponseAt: string | null };
type Detail = { ticket: Ticket; entries: Array<{ kind: string; body: string; author: string }>; history: Array<{ field: string; oldValue: string | null; newValue: string | null; actor: string }> };

describe('tickets', () => {
  let server: TestServer;
  let tom: string;
  let vera: string;
  beforeAll(async () => {
    server = await startTestServer();
    tom = await server.addUser('tom', 'technician');
    vera = await server.addUser('vera', 'viewer');
  });
  afterAll(() => server.cleanup());

  const create = async (body: object = {}) => (await server.api<Ticket>('POST', '/api/tickets', { token: tom, body: { subject: 'Printer offline', ...body } })).body;
  const act = (id: number, action: string, body?: object, token = tom) => server.api<Ticket & { code: string; message: string }>('POST', `/api/tickets/${id}/${action}`, { token, body });

  it('walks new → assigned → in progress → pending → in progress → resolved → closed, recording each step', async () => {
    const ticket = await create({ impact: 2, urgency: 1 });
    expect(ticket).toMatchObject({ status: 'new', line: 1, priority: expect.any(Number) });
    expect((await act(ticket.id, 'assign', { assignee: 'tom' })).body.status).toBe('assigned');
    expect((await act(ticket.id, 'start')).body.status).toBe('in_progress');
    expect((await act(ticket.id, 'pending', { reason: 'waiting for the toner delivery' })).body.status).toBe('pending');
    expect((await act(ticket.id, 'start')).body.status).toBe('in_progress');
    const replied = (await act(ticket.id, 'reply', { body: 'Toner replaced.' })).body;
    expect(replied.firstResponseAt).not.toBeNull();
    expect((await act(ticket.id, 'resolve', { resolution: 'Replaced the toner cartridge.' })).body).toMatchObject({ status: 'resolved', resolution: 'Replaced the toner cartridge.' });
    expect((await act(ticket.id, 'close')).body.status).toBe('closed');
    const detail = (await server.api<Detail>('GET', `/api/tickets/${ticket.id}`, { token: vera })).body;
    expect(detail.history.filter((entry) => entry.field === 'status').map((entry) => entry.newValue)).toEqual(['assigned', 'in_progress', 'pending', 'in_progress', 'resolved', 'closed']);
    expect(detail.history.every((entry) => entry.actor === 'tom' || entry.field === 'created')).toBe(true);
    expect(detail.entries.map((entry) => entry.kind)).toEqual(['note', 'reply']);
  });

  it('refuses to close a ticket that was never resolved, and says why', async () => {
    const ticket = await create();
    const refused = await act(ticket.id, 'close');
    expect(refused.status).toBe(409);
    expect(refused.body.message).toContain('resolve it first');
    expect((await server.api<Detail>('GET', `/api/tickets/${ticket.id}`)).body.ticket.status).toBe('new');
  });

  it('takes an action whose fields are all optional without any body, and names the field a bodiless request lacks', async () => {
    const ticket = await create();
    await act(ticket.id, 'assign', { assignee: 'tom' });
    // No body at all (act sends none when given none): pending's reason is optional.
    expect((await act(ticket.id, 'pending')).body.status).toBe('pending');
    const missing = await act(ticket.id, 'resolve');
    expect(missing.status).toBe(400);
    expect(missing.body.message).toMatch(/resolution/);
  });

  it('reopens a resolved ticket only with a reason', async () => {
    const ticket = await create();
    await act(ticket.id, 'resolve', { resolution: 'Restarted the spooler.' });
    expect((await act(ticket.id, 'reopen', {})).status).toBe(400);
    expect((await act(ticket.id, 'reopen', { reason: 'It stopped again' })).body.status).toBe('in_progress');
  });

  it('escalates line by line with a note, raising priority on request, and never past line 3', async () => {
    const ticket = await create({ impact: 4, urgency: 4 });
    expect((await act(ticket.id, 'escalate', {})).status).toBe(400);
    const second = (await act(ticket.id, 'escalate', { note: 'Needs admin rights', raisePriority: true })).body;
    expect(second).toMatchObject({ line: 2, priority: ticket.priority - 1 });
    expect((await act(ticket.id, 'escalate', { note: 'Server side', assignee: 'tom' })).body).toMatchObject({ line: 3, status: 'assigned', assignee: 'tom' });
    const past = await act(ticket.id, 'escalate', { note: 'Even higher' });
    expect(past.status).toBe(409);
    expect(past.body.message).toContain('line 3');
    const events = (await server.api<Detail>('GET', `/api/tickets/${ticket.id}`)).body.entries.filter((entry) => entry.kind === 'event');
    expect(events.map((entry) => entry.body)).toEqual(['Escalated to line 2: Needs admin rights', 'Escalated to line 3: Server side']);
  });

  it('stores script-like text as it was typed and refuses unknown fields', async () => {
    const ticket = await create({ subject: '<script>alert(1)</script> screen flickers' });
    expect(ticket.subject).toBe('<script>alert(1)</script> screen flickers');
    const unknown = await server.api<{ message: string }>('POST', '/api/tickets', { token: tom, body: { subject: 'x', priority: 1 } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toContain('priority');
    const control = await server.api('POST', '/api/tickets', { token: tom, body: { subject: 'bell\u0007' } });
    expect(control.status).toBe(400);
  });

  it('lets viewers read but not change tickets', async () => {
    const ticket = await create();
    expect((await server.api('GET', `/api/tickets/${ticket.id}`, { token: vera })).status).toBe(200);
    expect((await act(ticket.id, 'reply', { body: 'hi' }, vera)).status).toBe(403);
    expect((await server.api('POST', '/api/tickets', { token: vera, body: { subject: 'x' } })).status).toBe(403);
  });

  it('lists my open tickets and filters by line and status', async () => {
    const mine = await create({ subject: 'Mine' });
    await act(mine.id, 'assign', { assignee: 'tom' });
    const listed = (await server.api<Ticket[]>('GET', '/api/tickets?mine=true', { token: tom })).body;
    expect(listed.map((ticket) => ticket.id)).toContain(mine.id);
    expect(listed.every((ticket) => ticket.assignee === 'tom' && !['resolved', 'closed'].includes(ticket.status))).toBe(true);
    const lineTwo = (await server.api<Ticket[]>('GET', '/api/tickets?line=2')).body;
    expect(lineTwo.every((ticket) => ticket.line === 2)).toBe(true);
    expect((await server.api('GET', '/api/tickets?status=bogus')).status).toBe(400);
  });
});
