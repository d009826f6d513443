// SLA clocks on real tickets, driven by a fake clock to the exact minute: warning, breach,
// automatic escalation, pending time, auto-close; and the settings that govern them.
import { afterEach, describe, expect, it } from 'vitest';
import { API } from '../../protocol/api/routes/index.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

const T = API.tickets;

const at = (text: string) => Date.parse(text);

describe('SLA on tickets', () => {
  let server: TestServer;
  let clock = 0;
  afterEach(() => server.cleanup());

  async function start(time: string) {
    clock = at(time);
    server = await startTestServer({}, { now: () => clock });
  }
  const check = (time: string) => {
    clock = at(time);
    server.server.slaMonitor.checkNow();
  };
  const detail = (id: number) => server.client().call(T.show, { params: { id } });
  const createP1 = () =>
    server.client().call(T.create, { body: { subject: 'Mail server down', impact: 1, urgency: 1 } });

  it('warns and breaches at the exact business minute across a weekend, and escalates on breach', async () => {
    // Friday 2026-11-20 16:30 UTC; P1: first response 60, resolution 240 business minutes, Mon–Fri 08:00–17:00 UTC.
    await start('2026-11-20T16:30:00Z');
    const ticket = await createP1();
    expect(ticket.priority).toBe(1);
    // 30 minutes on Friday, then Monday from 08:00: first response due 08:30, warning at 75 % = 45 min → 08:15.
    expect(ticket.sla.firstResponse.deadlineAt).toBe('2026-11-23T08:30:00.000Z');
    expect(ticket.sla.resolution.deadlineAt).toBe('2026-11-23T11:30:00.000Z');

    check('2026-11-23T08:14:00Z');
    expect((await detail(ticket.id)).entries).toEqual([]);
    check('2026-11-23T08:15:00Z');
    expect((await detail(ticket.id)).entries.map((entry) => [entry.at, entry.body])).toEqual([
      ['2026-11-23T08:15:00.000Z', 'SLA warning: first response'],
    ]);
    check('2026-11-23T08:45:00Z');
    check('2026-11-23T08:50:00Z');
    const events = (await detail(ticket.id)).entries.map((entry) => [entry.at, entry.body]);
    expect(events).toEqual([
      ['2026-11-23T08:15:00.000Z', 'SLA warning: first response'],
      ['2026-11-23T08:30:00.000Z', 'SLA breached: first response'],
    ]);
    expect((await detail(ticket.id)).ticket.line).toBe(1);

    // Resolution breach at 11:30 (warning at 180 min → 10:30); the default rule moves it to line 2.
    check('2026-11-23T11:31:00Z');
    const after = await detail(ticket.id);
    expect(after.entries.map((entry) => entry.body)).toEqual([
      'SLA warning: first response',
      'SLA breached: first response',
      'SLA warning: resolution',
      'SLA breached: resolution',
      'Escalated to line 2: automatic, on SLA breach of resolution',
    ]);
    expect(after.entries.find((entry) => entry.body === 'SLA breached: resolution')!.at).toBe(
      '2026-11-23T11:30:00.000Z',
    );
    expect(after.ticket.line).toBe(2);
    const breached = await server.client().call(T.list, { query: { breached: true } });
    expect(breached.map((entry) => entry.id)).toEqual([ticket.id]);
  });

  it('does not count time in pending, and closes resolved tickets after the configured days', async () => {
    await start('2026-11-23T08:00:00Z');
    const ticket = await createP1();
    const params = { id: ticket.id };
    await server.client().call(T.assign, { params, body: { assignee: 'admin' } });
    clock = at('2026-11-23T09:00:00Z');
    await server.client().call(T.pending, { params, body: { reason: 'waiting for the user' } });
    clock = at('2026-11-23T11:00:00Z');
    await server.client().call(T.start, { params });
    // 60 minutes used before the pause; 180 left from 11:00 → 14:00 instead of 12:00.
    expect((await detail(ticket.id)).ticket.sla.resolution.deadlineAt).toBe('2026-11-23T14:00:00.000Z');
    clock = at('2026-11-23T13:00:00Z');
    await server.client().call(T.resolve, { params, body: { resolution: 'Restarted the service' } });
    expect((await detail(ticket.id)).ticket.sla.resolution.state).toBe('met');
    check('2026-11-29T13:00:00Z');
    expect((await detail(ticket.id)).ticket.status).toBe('resolved');
    check('2026-11-30T13:01:00Z');
    const closed = await detail(ticket.id);
    expect(closed.ticket.status).toBe('closed');
    expect(closed.entries.at(-1)!.body).toBe('Closed automatically 7 days after it was resolved');
  });

  it('takes new settings from admins only, refuses invalid ones whole, and audits the change', async () => {
    await start('2026-11-23T08:00:00Z');
    const admin = server.client();
    const current = await admin.call(API.settings.helpDesk);
    const overnightMonday = [{ start: '17:00', end: '08:00' }];
    const workingHours = { mon: overnightMonday, tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
    const calendar = { timeZone: 'Mars/Olympus', workingHours, holidays: [] };
    const slaPolicy = { ...current.slaPolicy, calendar };
    const bad = admin.call(API.settings.setHelpDesk, { body: { ...current, slaPolicy } });
    await expect(bad).rejects.toMatchObject({ status: 400, message: expect.stringContaining('Mars/Olympus') });
    const changed = await admin.call(API.settings.setHelpDesk, { body: { ...current, autoCloseResolvedAfterDays: 3 } });
    expect(changed.autoCloseResolvedAfterDays).toBe(3);
    const audit = await admin.call(API.audit.list, { query: { action: 'settings.' } });
    expect(audit.map((entry) => entry.action)).toEqual(['settings.changed']);
  });
});
