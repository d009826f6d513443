// Employees ask for help from their PC: `helpline-agent help` puts the request in the outbox,
// the running agent delivers it (now, or when the server is back), the server opens a ticket
// with the PC's snapshot, and `helpline-agent tickets` shows the ticket and the public replies.
import { userInfo } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { API } from '../../protocol/api/routes/index.js';
import { enrollTestAgent, eventually, type TestAgent } from '../helpers/test-agent.js';
import { runCli } from '../helpers/run-cli.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

const T = API.tickets;

describe('employee requests', () => {
  let server: TestServer;
  const agents: TestAgent[] = [];
  afterEach(async () => {
    await Promise.all(agents.splice(0).map((agent) => agent.cleanup()));
    await server?.cleanup();
  });

  const employeeTickets = async (deviceId: string) =>
    (await server.client().call(T.list, { query: { deviceId } })).filter((ticket) => ticket.source === 'employee');
  const detail = (id: number) => server.client().call(T.show, { params: { id } });
  const agentCli = (agent: TestAgent, ...args: string[]) =>
    runCli('helpline-agent', [...args, '--state', agent.stateDir]);

  it('a help request made while the server is down becomes a ticket when it comes back', async () => {
    server = await startTestServer();
    const agent = await enrollTestAgent(server);
    agents.push(agent);
    await agent.waitFor('online');
    const inventory = () => server.client().call(API.inventory.show, { params: { id: agent.deviceId } });
    await eventually(async () => Object.keys((await inventory()).sections).length > 0, 30_000, 'the inventory');
    await server.stop();
    await agent.waitFor('waiting');

    const asked = await agentCli(
      agent,
      'help',
      'Printer on floor 2 jams',
      '--details',
      'It jams on every page.\nTried turning it off and on.',
      '--urgency',
      '2',
    );
    expect(asked.stderr).toBe('');
    expect(asked.code).toBe(0);
    expect(asked.stdout).toMatch(/Your request "Printer on floor 2 jams" is queued/);
    const waiting = await agentCli(agent, 'tickets');
    expect(waiting.stdout).toMatch(/\(waiting to be sent\) Printer on floor 2 jams/);

    await server.restart();
    await eventually(async () => (await employeeTickets(agent.deviceId)).length === 1, 30_000, 'the ticket');
    const [ticket] = await employeeTickets(agent.deviceId);
    const opened = await detail(ticket!.id);
    const device = await server.client().call(API.devices.show, { params: { id: agent.deviceId } });
    expect(opened.ticket).toMatchObject({
      subject: 'Printer on floor 2 jams',
      description: 'It jams on every page.\nTried turning it off and on.',
      urgency: 2,
      source: 'employee',
      status: 'new',
    });
    expect(opened.ticket.requester).toEqual({ kind: 'employee', name: `${userInfo().username}@${device.name}` });
    expect(opened.snapshot?.device.id).toBe(agent.deviceId);
    expect(opened.snapshot?.summary.os).toBeTruthy();

    // The agent gets the list and the replies; the CLI shows them to the same OS account.
    await eventually(
      async () => (await agentCli(agent, 'tickets')).stdout.includes(`#${ticket!.id} [new] Printer on floor 2 jams`),
      20_000,
      'the ticket on the PC',
    );
    const params = { id: ticket!.id };
    const admin = server.client();
    const replied = await admin.callWithStatus(T.reply, { params, body: { body: 'On my way with a new roller.' } });
    expect(replied.status).toBe(200);
    await eventually(
      async () => (await agentCli(agent, 'tickets')).stdout.includes('admin: On my way with a new roller.'),
      20_000,
      'the reply on the PC',
    );
    const noted = await admin.callWithStatus(T.note, { params, body: { body: 'internal: roller is from stock' } });
    expect(noted.status).toBe(200);

    // Rating: refused before it is resolved (the agent drops it), taken after.
    expect((await agentCli(agent, 'rate', String(ticket!.id), '5')).code).toBe(0);
    await eventually(() => agent.agent.outbox.stats().rejected === 1, 20_000, 'the early rating refused');
    const resolved = await admin.callWithStatus(T.resolve, { params, body: { resolution: 'Replaced the roller.' } });
    expect(resolved.status).toBe(200);
    await eventually(
      async () => (await agentCli(agent, 'tickets')).stdout.includes(`helpline-agent rate ${ticket!.id}`),
      20_000,
      'the rating prompt',
    );
    const tickets = (await agentCli(agent, 'tickets')).stdout;
    expect(tickets).not.toMatch(/internal: roller/);
    expect(tickets).toMatch(/Resolution: Replaced the roller\./);
    expect((await agentCli(agent, 'rate', String(ticket!.id), '4', '--comment', 'Quick, thanks')).code).toBe(0);
    await eventually(async () => (await detail(ticket!.id)).rating?.rating === 4, 20_000, 'the rating');
    expect((await detail(ticket!.id)).rating?.comment).toBe('Quick, thanks');
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
    const created = await server.client(tech).call(T.create, { body: { subject: 'My screen flickers' } });
    const params = { id: created.id };
    const technician = server.client(tech);
    await expect(technician.call(T.rate, { params, body: { rating: 5 } })).rejects.toMatchObject({ status: 409 });
    await server.client().call(T.resolve, { params, body: { resolution: 'New cable.' } });
    // The admin did not ask for it.
    await expect(server.client().call(T.rate, { params, body: { rating: 5 } })).rejects.toMatchObject({ status: 403 });
    await expect(technician.call(T.rate, { params, body: { rating: 6 } })).rejects.toMatchObject({ status: 400 });
    const rated = await technician.callWithStatus(T.rate, { params, body: { rating: 5, comment: 'great' } });
    expect(rated.status).toBe(200);
    expect(rated.body.rating).toMatchObject({ rating: 5, comment: 'great' });
  });
});
