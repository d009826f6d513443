// Employees ask for help from their PC: `helpline-agent help` puts the request in the outbox,
// the running agent delivers it (now, or when the server is back), the server opens a ticket
// with the PC's snapshot, and `helpline-agent tickets` shows the ticket and the public replies.
import { userInfo } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import type { TicketDetailView, TicketView } from '../../protocol/api/tickets.js';
import { enrollTestAgent, eventually, type TestAgent } from '../helpers/test-agent.js';
import { runCli } from '../helpers/run-cli.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

describe('employee requests', () => {
  let server: TestServer;
  const agents: TestAgent[] = [];
  afterEach(async () => {
    await Promise.all(agents.splice(0).map((agent) => agent.cleanup()));
    await server?.cleanup();
  });

  const employeeTickets = async (deviceId: string) => (await server.api<TicketView[]>('GET', `/api/tickets?deviceId=${deviceId}`)).body.filter((ticket) => ticket.source === 'employee');
  const agentCli = (agent: TestAgent, ...args: string[]) => runCli('helpline-agent', [...args, '--state', agent.stateDir]);

  it('a help request made while the server is down becomes a ticket when it comes back', async () => {
    server = await startTestServer();
    const agent = await enrollTestAgent(server);
    agents.push(agent);
    await agent.waitFor('online');
    await eventually(async () => Object.keys((await server.api<{ sections: object }>('GET', `/api/devices/${agent.deviceId}/inventory`)).body.sections).length > 0, 30_000, 'the inventory');
    await server.stop();
    await agent.waitFor('waiting');

    const asked = await agentCli(agent, 'help', 'Printer on floor 2 jams', '--details', 'It jams on every page.\nTried turning it off and on.', '--urgency', '2');
    expect(asked.stderr).toBe('');
    expect(asked.code).toBe(0);
    expect(asked.stdout).toMatch(/Your request "Printer on floor 2 jams" is queued/);
    const waiting = await agentCli(agent, 'tickets');
    expect(waiting.stdout).toMatch(/\(waiting to be sent\) Printer on floor 2 jams/);

    await server.restart();
    await eventually(async () => (await employeeTickets(agent.deviceId)).length === 1, 30_000, 'the ticket');
    const [ticket] = await employeeTickets(agent.deviceId);
    const detail = (await server.api<TicketDetailView>('GET', `/api/tickets/${ticket!.id}`)).body;
    const device = (await server.api<{ name: string }>('GET', `/api/devices/${agent.deviceId}`)).body;
    expect(detail.ticket).toMatchObject({ subject: 'Printer on floor 2 jams', description: 'It jams on every page.\nTried turning it off and on.', urgency: 2, source: 'employee', status: 'new' });
    expect(detail.ticket.requester).toEqual({ kind: 'employee', name: `${userInfo().username}@${device.name}` });
    expect(detail.snapshot?.device.id).toBe(agent.deviceId);
    expect(detail.snapshot?.summary.os).toBeTruthy();

    // The agent gets the list and the replies; the CLI shows them to the same OS account.
    await eventually(async () => (await agentCli(agent, 'tickets')).stdout.includes(`#${ticket!.id} [new] Printer on floor 2 jams`), 20_000, 'the ticket on the PC');
    expect((await server.api('POST', `/api/tickets/${ticket!.id}/reply`, { body: { body: 'On my way with a new roller.' } })).status).toBe(200);
    await eventually(async () => (await agentCli(agent, 'tickets')).stdout.includes('admin: On my way with a new roller.'), 20_000, 'the reply on the PC');
    const notes = (await server.api('POST', `/api/tickets/${ticket!.id}/note`, { body: { body: 'internal: roller is from stock' } })).status;
    expect(notes).toBe(200);

    // Rating: refused before it is resolved (the agent drops it), taken after.
    expect((await agentCli(agent, 'rate', String(ticket!.id), '5')).code).toBe(0);
    await eventually(() => agent.agent.outbox.stats().rejected === 1, 20_000, 'the early rating refused');
    expect((await server.api('POST', `/api/tickets/${ticket!.id}/resolve`, { body: { resolution: 'Replaced the roller.' } })).status).toBe(200);
    await eventually(async () => (await agentCli(agent, 'tickets')).stdout.includes(`helpline-agent rate ${ticket!.id}`), 20_000, 'the rating prompt');
    const tickets = (await agentCli(agent, 'tickets')).stdout;
    expect(tickets).not.toMatch(/internal: roller/);
    expect(tickets).toMatch(/Resolution: Replaced the roller\./);
    expect((await agentCli(agent, 'rate', String(ticket!.id), '4', '--comment', 'Quick, thanks')).code).toBe(0);
    await eventually(async () => (await server.api<TicketDetailView>('GET', `/api/tickets/${ticket!.id}`)).body.rating?.rating === 4, 20_000, 'the rating');
    expect((await server.api<TicketDetailView>('GET', `/api/tickets/${ticket!.id}`)).body.rating?.comment).toBe('Quick, thanks');
  });

  it('refuses bad requests on the PC with a clear error and queues nothing', async () => {
    server = await startTestServer();
    const agent = await enrollTestAgent(server, { start: false });
    agents.push(agent);
    const cases: Array<[string[], RegExp]> = [
      [['help', '   '], /the subject must not be empty/],
      [['help', 'x'.repeat(201)], /the subject is 201 characters long; at most 200/],
      [['help', 'Beep\u0007'], /the subject must be one line of text without control characters/],
      [['help', 'Printer', '--urgency', '9'], /--urgency must be a whole number from 1 to 5, not 9/],
      [['help', 'Printer', '--details', 'y'.repeat(10_001)], /--details is 10001 characters long/],
      [['rate', '0', '5'], /ticket number must be a positive whole number/],
      [['rate', '3', '6'], /the rating must be a whole number from 1 to 5, not 6/],
    ];
    for (const [args, message] of cases) {
      const result = await agentCli(agent, ...args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(message);
    }
    expect(agent.agent.outbox.stats().count).toBe(0);
  });

  it('shows a script-like subject as text, and a user requester can rate through the API', async () => {
    server = await startTestServer();
    const agent = await enrollTestAgent(server);
    agents.push(agent);
    await agent.waitFor('online');
    expect((await agentCli(agent, 'help', '<script>alert(1)</script>')).code).toBe(0);
    await eventually(async () => (await employeeTickets(agent.deviceId)).length === 1, 20_000, 'the ticket');
    expect((await employeeTickets(agent.deviceId))[0]!.subject).toBe('<script>alert(1)</script>');

    const tech = await server.addUser('tech', 'technician');
    const created = await server.api<TicketView>('POST', '/api/tickets', { body: { subject: 'My screen flickers' }, token: tech });
    const id = created.body.id;
    expect((await server.api('POST', `/api/tickets/${id}/rating`, { body: { rating: 5 }, token: tech })).status).toBe(409);
    await server.api('POST', `/api/tickets/${id}/resolve`, { body: { resolution: 'New cable.' } });
    expect((await server.api('POST', `/api/tickets/${id}/rating`, { body: { rating: 5 } })).status).toBe(403);
    expect((await server.api('POST', `/api/tickets/${id}/rating`, { body: { rating: 6 }, token: tech })).status).toBe(400);
    const rated = await server.api<TicketDetailView>('POST', `/api/tickets/${id}/rating`, { body: { rating: 5, comment: 'great' }, token: tech });
    expect(rated.status).toBe(200);
    expect(rated.body.rating).toMatchObject({ rating: 5, comment: 'great' });
  });
});
