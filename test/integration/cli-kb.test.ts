// The real compiled `helpline kb` commands on a real server: writing articles from a flag, a file
// or standard input, searching, showing the Markdown source as plain text, linking, and writing an
// article from a resolved ticket.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API } from '../../protocol/api/routes/index.js';
import { signedInCli, type CliResult } from '../helpers/run-cli.js';
import type { ResponseOf } from '../../protocol/api/route.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

/** What --json prints: the route's answer as the server gave it. */
type Article = ResponseOf<typeof API.knowledge.show>;
type Hit = ResponseOf<typeof API.knowledge.search>[number];

describe('helpline kb', () => {
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
  const withStdin = (input: string, ...args: string[]): Promise<CliResult> => cli.withStdin('tom', input, ...args);
  const addUser = async (name: string, role: 'admin' | 'technician' | 'viewer') => {
    tokens[name] = await server.addUser(name, role);
  };
  const article = (id: number) => server.client().call(API.knowledge.show, { params: { id } });
  const openTicket = async (subject: string) =>
    (await server.client().call(API.tickets.create, { body: { subject, category: 'network' } })).id;

  beforeAll(async () => {
    server = await startTestServer();
    dir = mkdtempSync(join(tmpdir(), 'helpline-cli-kb-'));
    await addUser('tom', 'technician');
    await addUser('vera', 'viewer');
  });
  afterAll(async () => {
    await server?.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it('adds an article with --body, finds it with kb search, and shows its Markdown source', async () => {
    const body = '## Steps\n\n1. Open **Settings**\n2. Choose `Wi-Fi`\n\tthen forget the network\n';
    const added = await tom(
      'kb',
      'add',
      '--title',
      'Forgetting a wifi network',
      '--category',
      'network',
      '--body',
      body,
    );
    expect(added).toMatchObject({ code: 0, stderr: '' });
    const id = Number(/^Added article #(\d+): Forgetting a wifi network \(network\)\.\n$/.exec(added.stdout)?.[1]);
    expect((await article(id)).body).toBe(body);

    const found = await tom('kb', 'search', 'forget', 'network');
    expect(found.stdout).toMatch(
      new RegExp(
        `^#${id}  Forgetting a wifi network  \\[network, updated (just now|\\S+ ago)\\]\\n    Steps Open Settings Choose Wi-Fi then forget the network\\n$`,
      ),
    );
    expect((await json<Hit[]>('kb', 'search', 'wifi', '--category', 'network')).map((hit) => hit.id)).toEqual([id]);

    const shown = await tom('kb', 'show', `#${id}`);
    expect(shown.stdout).toMatch(/^title:\s+Forgetting a wifi network$/m);
    expect(shown.stdout).toMatch(/^written:\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \(.+\) by tom$/m);
    expect(
      shown.stdout.endsWith('\n\n## Steps\n\n1. Open **Settings**\n2. Choose `Wi-Fi`\n    then forget the network\n'),
    ).toBe(true);
  });

  it('reads the body verbatim from --file and from standard input with --body -', async () => {
    const file = join(dir, 'dock.md');
    writeFileSync(file, '# Dock\n\nUnplug it for ten seconds.\n\n');
    const fromFile = await json<Article>(
      'kb',
      'add',
      '--title',
      'Resetting a dock',
      '--category',
      'hardware',
      '--file',
      file,
    );
    expect((await article(fromFile.id)).body).toBe('# Dock\n\nUnplug it for ten seconds.\n\n');
    const piped = await withStdin(
      'Line one\n\nLine two\n',
      'kb',
      'add',
      '--title',
      'Piped article',
      '--category',
      'general',
      '--body',
      '-',
      '--json',
    );
    expect(piped).toMatchObject({ code: 0, stderr: '' });
    expect((await article((JSON.parse(piped.stdout) as Article).id)).body).toBe('Line one\n\nLine two\n');
    // --file - reads a pipe too (opening /dev/stdin fails when it is a socket).
    const pipedFile = await withStdin(
      'From a pipe\n',
      'kb',
      'add',
      '--title',
      'Piped file',
      '--category',
      'general',
      '--file',
      '-',
      '--json',
    );
    expect(pipedFile).toMatchObject({ code: 0, stderr: '' });
    expect((await article((JSON.parse(pipedFile.stdout) as Article).id)).body).toBe('From a pipe\n');
  });

  it('prints a <script> body unchanged as text, with escape sequences made harmless', async () => {
    const body = '<script>alert("kb")</script>\nclear: \u001b[2J done';
    const { id } = await json<Article>('kb', 'add', '--title', 'Odd article', '--category', 'general', '--body', body);
    expect((await json<Article>('kb', 'show', String(id))).body).toBe(body);
    const shown = await tom('kb', 'show', String(id));
    expect(shown.stdout).toContain('\n\n<script>alert("kb")</script>\nclear: ?[2J done\n');
    expect(shown.stdout).not.toContain('\u001b');
  });

  it('searches with FTS5 syntax characters without an error', async () => {
    for (const text of ['a OR', '"', 'NEAR(', '*', 'title:x AND (']) {
      const result = await tom('kb', 'search', text);
      expect(result, text).toMatchObject({ code: 0, stderr: '' });
    }
    expect((await tom('kb', 'search', '"*"')).stdout).toBe('No articles match.\n');
  });

  it('links an article to a ticket and lists the links', async () => {
    const ticket = await openTicket('VPN drops');
    const { id } = await json<Article>(
      'kb',
      'add',
      '--title',
      'VPN reconnects',
      '--category',
      'network',
      '--body',
      'Renew the certificate.',
    );
    expect(await tom('kb', 'link', `#${ticket}`, String(id))).toMatchObject({
      code: 0,
      stdout: `Ticket #${ticket} is linked to article #${id}: VPN reconnects.\n`,
    });
    const links = await as('vera')('kb', 'links', String(ticket));
    expect(links.stdout).toMatch(
      new RegExp(`^#${id}\\s+network\\s+tom\\s+(just now|\\S+ ago)\\s+VPN reconnects$`, 'm'),
    );
  });

  it('refuses from-ticket on an unresolved ticket with the server message, and writes the article once it is resolved', async () => {
    const ticket = await openTicket('Proxy blocks updates');
    const refused = await tom('kb', 'from-ticket', String(ticket));
    expect(refused).toMatchObject({ code: 1, stdout: '' });
    expect(refused.stderr.trim()).toBe(
      `helpline: ticket #${ticket} is new; only a resolved or closed ticket can become an article, so resolve it first (invalid_state)`,
    );
    const resolution = 'Allowed the update host in the proxy.';
    await server.client().call(API.tickets.resolve, { params: { id: ticket }, body: { resolution } });
    const written = await tom('kb', 'from-ticket', String(ticket));
    const id = Number(
      new RegExp(`^Wrote article #(\\d+): Proxy blocks updates \\(network\\) from ticket #${ticket}\\.\\n$`).exec(
        written.stdout,
      )?.[1],
    );
    expect(await article(id)).toMatchObject({
      sourceTicketId: ticket,
      body: '## Resolution\n\nAllowed the update host in the proxy.\n',
    });
  });

  it("gives a viewer the server's 403 on kb add, and treats a wrong command line as a usage error", async () => {
    const refused = await as('vera')('kb', 'add', '--title', 'Tip', '--category', 'general', '--body', 'text');
    expect(refused).toMatchObject({ code: 1, stdout: '' });
    expect(refused.stderr.trim()).toBe('helpline: this needs the role admin or technician; you are viewer (forbidden)');
    const both = await tom(
      'kb',
      'add',
      '--title',
      'T',
      '--category',
      'general',
      '--body',
      'x',
      '--file',
      join(dir, 'dock.md'),
    );
    expect(both).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('exactly one of --body TEXT, --body - (standard input) or --file PATH'),
    });
    expect(
      (await tom('kb', 'add', '--title', 'T', '--category', 'general', '--file', join(dir, 'missing.md'))).stderr,
    ).toContain('cannot read --file');
    expect(await tom('kb', 'show', 'three')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('an article id is a number like 3 or #3, not "three"'),
    });
  });
});
