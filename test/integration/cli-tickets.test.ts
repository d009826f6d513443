// The real compiled `helpline` CLI working tickets on a real server, as a technician added through
// the API: opening, listing, the status workflow, escalation, replies, and the server's refusals.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API } from '../../protocol/api/routes/index.js';
import { signedInCli, type CliResult } from '../helpers/run-cli.js';
import { enrollTestAgent } from '../helpers/test-agent.js';
import type { ResponseOf } from '../../protocol/api/route.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

/** What --json prints: the route's answer as the server gave it. */
type Ticket = ResponseOf<typeof API.tickets.create>;
type Detail = ResponseOf<typeof API.tickets.show>;

describe('helpline tickets and ticket commands', () => {
  let server: TestServer;
  let dir: string;
  const tokens: Record<string, string> = {};
  const cli = signedInCli(() => ({ url: server.url, dir, tokens }));
  const as = cli.as;
  const tom = as('tom');
  const json = async <T>(...args: string[]): Promise<T> => {
    const result = await tom(...args, '--json');
    expect(result).toMatchObject({ code: 0, stderr: '' });
    return JSON.parse(result.stdout) as T;
  };
  const open = (subject: string, ...flags: string[]) =>
    json<Ticket>('ticket', 'create', '--subject', subject, ...flags);
  const detail = (id: number) => server.client().call(API.tickets.show, { params: { id } });
  const withStdin = (input: string, ...args: string[]): Promise<CliResult> => cli.withStdin('tom', input, ...args);
  const addUser = async (name: string, role: 'admin' | 'technician' | 'viewer') => {
    tokens[name] = await server.addUser(name, role);
  };

  beforeAll(async () => {
    server = await startTestServer();
    dir = mkdtempSync(join(tmpdir(), 'helpline-cli-tickets-'));
    await addUser('tom', 'technician');
    await addUser('vera', 'viewer');
  });
  afterAll(async () => {
    await server?.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists a ticket created with the CLI, with its priority, line, status and subject', async () => {
    const created = await tom(
      'ticket',
      'create',
      '--subject',
      'Printer on floor 2 jams',
      '--impact',
      '2',
      '--urgency',
      '2',
      '--category',
      'printer',
    );
    expect(created).toMatchObject({ code: 0, stderr: '' });
    const id = Number(/^Opened ticket #(\d+): Printer on floor 2 jams \(P\d, L1, new\)\.$/m.exec(created.stdout)?.[1]);
    expect(id).toBeGreaterThan(0);

    const listed = await json<Ticket[]>('tickets', 'list');
    expect(listed).toContainEqual(
      expect.objectContaining({ id, subject: 'Printer on floor 2 jams', status: 'new', line: 1, assignee: null }),
    );
    const table = await tom('tickets', 'list');
    expect(table.stdout.split('\n')[0]).toMatch(/^ID\s+PRIORITY\s+LINE\s+STATUS\s+ASSIGNEE\s+DEVICE\s+AGE\s+SUBJECT$/);
    expect(table.stdout).toMatch(
      new RegExp(`^#${id}\\s+P\\d\\s+L1\\s+new\\s+-\\s+-\\s+(just now|\\S+ ago)\\s+Printer on floor 2 jams$`, 'm'),
    );
    expect(await json<Ticket[]>('tickets', 'list', '--line', '2')).not.toContainEqual(expect.objectContaining({ id }));
    expect((await tom('tickets', 'list', '--mine')).stdout).toBe('No open tickets are assigned to you.\n');
  });

  it('moves a ticket through assign, start, pending, resolve and close, as the history in ticket show --json records', async () => {
    const { id } = await open('Laptop will not boot');
    const steps: Array<[string[], string]> = [
      [['assign', String(id), 'tom'], `Ticket #${id} is now assigned to tom (assigned).`],
      [['start', String(id)], `Ticket #${id} is now in progress (assigned to tom).`],
      [
        ['pending', String(id), '--reason', 'waiting for the new disk'],
        `Ticket #${id} is now pending (assigned to tom).`,
      ],
      [['resolve', `#${id}`, '--resolution', 'disk replaced'], `Ticket #${id} is now resolved (assigned to tom).`],
      [['close', String(id)], `Ticket #${id} is now closed (assigned to tom).`],
    ];
    for (const [args, said] of steps) {
      expect(await tom('ticket', ...args)).toMatchObject({ code: 0, stdout: `${said}\n`, stderr: '' });
      if (args[0] === 'assign')
        expect(await json<Ticket[]>('tickets', 'list', '--mine')).toEqual([
          expect.objectContaining({ id, assignee: 'tom' }),
        ]);
    }
    const shown = await json<Detail>('ticket', 'show', String(id));
    expect(shown.ticket).toMatchObject({ id, status: 'closed', assignee: 'tom' });
    const statuses = shown.history
      .filter((change) => change.field === 'status')
      .map((change) => `${change.oldValue} → ${change.newValue}`);
    expect(statuses).toEqual([
      'new → assigned',
      'assigned → in_progress',
      'in_progress → pending',
      'pending → resolved',
      'resolved → closed',
    ]);
    expect(shown.entries).toContainEqual(
      expect.objectContaining({ kind: 'note', author: 'tom', body: 'Pending: waiting for the new disk' }),
    );

    const text = await tom('ticket', 'show', String(id));
    expect(text.stdout).toMatch(/^status:\s+closed$/m);
    expect(text.stdout).toMatch(/^resolution:\s+disk replaced$/m);
    expect(text.stdout).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d {2}tom {2}status: in progress → pending$/m);
    expect(text.stdout).toMatch(/ {2}tom {2}note \(internal\): Pending: waiting for the new disk$/m);
  });

  it("refuses to close a new ticket with the server's message to resolve it first, and exits 1", async () => {
    const { id } = await open('Mouse is sticky');
    const refused = await tom('ticket', 'close', String(id));
    expect(refused).toMatchObject({ code: 1, stdout: '' });
    expect(refused.stderr.trim()).toBe(
      'helpline: cannot close a ticket that is new: only a resolved ticket can be closed; resolve it first, with a resolution (invalid_state)',
    );
    expect((await detail(id)).ticket.status).toBe('new');
  });

  it('treats escalate without --note as a usage error (exit 2) and leaves the ticket alone', async () => {
    const { id } = await open('VPN drops every hour');
    const refused = await tom('ticket', 'escalate', String(id));
    expect(refused).toMatchObject({ code: 2, stdout: '' });
    expect(refused.stderr).toContain('helpline: Missing required argument: note');
    expect((await detail(id)).ticket).toMatchObject({ line: 1, status: 'new' });
    expect((await tom('ticket', 'note', 'twelve', 'x')).stderr).toContain(
      'helpline: a ticket id is a number like 12 or #12, not "twelve"',
    );
  });

  it("escalates up to line 3 and then passes on the server's message that there is no line above", async () => {
    const { id, priority } = await open('File server is slow', '--line', '2');
    const escalated = await tom(
      'ticket',
      'escalate',
      String(id),
      '--note',
      'needs the storage team',
      '--raise-priority',
      '--assignee',
      'tom',
    );
    expect(escalated).toMatchObject({
      code: 0,
      stdout: `Ticket #${id} is now at line 3 (P${priority - 1}, assigned, assigned to tom).\n`,
    });
    const refused = await tom('ticket', 'escalate', String(id), '--note', 'still slow');
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim()).toBe(
      `helpline: ticket #${id} is already at support line 3; there is no line above it (invalid_state)`,
    );
    const events = (await detail(id)).entries.filter((entry) => entry.kind === 'event');
    expect(events.map((entry) => entry.body)).toEqual(['Escalated to line 3: needs the storage team']);
  });

  it("gives a viewer the server's 403 message when replying, and stores no reply", async () => {
    const { id } = await open('Monitor flickers');
    const refused = await as('vera')('ticket', 'reply', String(id), 'I can see it too');
    expect(refused).toMatchObject({ code: 1, stdout: '' });
    expect(refused.stderr.trim()).toBe('helpline: this needs the role admin or technician; you are viewer (forbidden)');
    expect((await detail(id)).entries).toEqual([]);
    expect((await as('vera')('ticket', 'show', String(id))).code).toBe(0);
  });

  it('prints reply text with <script> and an escape sequence as plain text, and stores it unchanged', async () => {
    const { id } = await open('Web form misbehaves');
    const body = '<script>alert("hi")</script> and \u001b[2J cleared?';
    expect(await tom('ticket', 'reply', String(id), body)).toMatchObject({
      code: 0,
      stdout: `Ticket #${id}: public reply added; it is new (unassigned).\n`,
    });
    expect((await detail(id)).entries).toEqual([expect.objectContaining({ kind: 'reply', author: 'tom', body })]);
    const shown = await tom('ticket', 'show', String(id));
    expect(shown.stdout).toContain('  tom  reply (public): <script>alert("hi")</script> and ?[2J cleared?\n');
    expect(shown.stdout).not.toContain('\u001b');
    expect(shown.stdout).toMatch(/^first response:\s+\d{4}-/m);
  });

  it('reads a long reply from standard input when TEXT is "-", and shows its lines indented', async () => {
    const { id } = await open('Outlook asks for the password');
    const reply = 'Hello,\n\nplease restart Outlook once more.\nRegards, Tom\n';
    expect(await withStdin(reply, 'ticket', 'reply', String(id), '-')).toMatchObject({ code: 0, stderr: '' });
    expect((await detail(id)).entries).toEqual([
      expect.objectContaining({ kind: 'reply', body: 'Hello,\n\nplease restart Outlook once more.\nRegards, Tom' }),
    ]);
    const shown = await tom('ticket', 'show', String(id));
    expect(shown.stdout).toContain(
      '  tom  reply (public): Hello,\n    \n    please restart Outlook once more.\n    Regards, Tom\n',
    );
    expect(
      await withStdin('fixed by the profile reset\n', 'ticket', 'resolve', String(id), '--resolution', '-'),
    ).toMatchObject({ code: 0 });
    expect((await detail(id)).ticket).toMatchObject({ status: 'resolved', resolution: 'fixed by the profile reset' });
    expect(await withStdin('', 'ticket', 'note', String(id), '-')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('TEXT was "-", but standard input was empty'),
    });
  });

  it('takes the device of ticket create and tickets list --device by name as well as by id', async () => {
    const agent = await enrollTestAgent(server, { name: 'reception-pc', start: false });
    try {
      const named = await open('Scanner on the reception PC is offline', '--device', 'Reception-PC');
      expect(named).toMatchObject({ deviceId: agent.deviceId, deviceName: 'reception-pc' });
      await open('Coffee machine leaks');
      const byName = await json<Ticket[]>('tickets', 'list', '--device', 'reception-pc');
      expect(byName.map((ticket) => ticket.id)).toEqual([named.id]);
      const byId = await json<Ticket[]>('tickets', 'list', '--device', agent.deviceId);
      expect(byId.map((ticket) => ticket.id)).toEqual([named.id]);
      const unknown = await tom('ticket', 'create', '--subject', 'Lost', '--device', 'no-such-pc');
      const noSuchDevice = expect.stringContaining('no device has the id or name "no-such-pc"');
      expect(unknown).toMatchObject({ code: 1, stderr: noSuchDevice });
      expect((await server.client().call(API.tickets.list)).map((ticket) => ticket.subject)).not.toContain('Lost');
    } finally {
      await agent.cleanup();
    }
  });
});
