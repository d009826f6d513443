// The real compiled `helpline` CLI attaching files to a ticket and fetching them back from a real
// server: bytes and sha256 survive the round trip, and refusals are said plainly. Run `npm run
// build` first.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API } from '../../protocol/api/routes/index.js';
import { runCli, type CliResult } from '../helpers/run-cli.js';
import type { ResponseOf } from '../../protocol/api/route.js';
import { startStaffedServer, type TestServer } from '../helpers/test-server.js';

/** What --json prints: the upload's answer as the server gave it. */
type Attachment = ResponseOf<typeof API.attachments.upload>;

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('helpline attachment commands', () => {
  let server: TestServer;
  let dir: string;
  let ticketId: number;
  const tokens: Record<string, string> = {};
  const as =
    (person: string) =>
    (...args: string[]): Promise<CliResult> =>
      runCli('helpline', args, {
        HELPLINE_SERVER: server.url,
        HELPLINE_TOKEN: tokens[person]!,
        HELPLINE_CONFIG: join(dir, person, 'cli.json'),
      });
  const tom = as('tom');
  const vera = as('vera');

  beforeAll(async () => {
    const staffed = await startStaffedServer();
    server = staffed.server;
    tokens.tom = staffed.tom;
    tokens.vera = staffed.vera;
    dir = mkdtempSync(join(tmpdir(), 'helpline-cli-attachments-'));
    ticketId = (await server.client(tokens.tom).call(API.tickets.create, { body: { subject: 'Monitor flickers' } })).id;
  });
  afterAll(async () => {
    await server?.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it('attaches a file and gets it back byte for byte, with the sha256 the server recorded', async () => {
    const bytes = randomBytes(200_000);
    const file = join(dir, 'flicker capture.png');
    writeFileSync(file, bytes);
    const added = await tom('attachment', 'add', `#${ticketId}`, file, '--json');
    expect(added).toMatchObject({ code: 0, stderr: '' });
    const attachment = JSON.parse(added.stdout) as Attachment;
    expect(attachment).toMatchObject({
      ticketId,
      name: 'flicker capture.png',
      contentType: 'image/png',
      size: bytes.length,
      sha256: sha256(bytes),
    });

    const listed = await vera('attachment', 'list', String(ticketId));
    expect(listed.code).toBe(0);
    expect(listed.stdout.split('\n')[0]).toMatch(/^ID\s+SIZE\s+TYPE\s+ADDED\s+NAME$/);
    expect(listed.stdout).toMatch(
      new RegExp(`^${attachment.id}\\s+195\\.3 KiB\\s+image/png\\s+.+ by tom\\s+flicker capture\\.png$`, 'm'),
    );

    const output = join(dir, 'vera', 'copy.png');
    mkdirSync(join(dir, 'vera'), { recursive: true });
    const got = await vera('attachment', 'get', attachment.id, '--output', output);
    expect(got).toMatchObject({ code: 0, stderr: '' });
    expect(got.stdout).toBe(`Saved ${attachment.id} to ${output} (195.3 KiB, sha256 ${attachment.sha256}).\n`);
    expect(Buffer.compare(readFileSync(output), bytes)).toBe(0);
    // No temporary file is left next to the download.
    expect(readdirSync(join(dir, 'vera')).filter((name) => name.endsWith('.part'))).toEqual([]);

    const again = await vera('attachment', 'get', attachment.id, '--output', output);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('exists already');
    expect((await vera('attachment', 'get', attachment.id, '--output', output, '--force')).code).toBe(0);
  });

  it('says why an upload is refused: a viewer, an unknown ticket, a bad name, a missing file', async () => {
    const file = join(dir, 'notes.txt');
    writeFileSync(file, 'notes');
    const viewer = await vera('attachment', 'add', String(ticketId), file);
    expect(viewer.code).toBe(1);
    expect(viewer.stderr).toContain('(forbidden)');
    const unknown = await tom('attachment', 'add', '999999', file);
    expect(unknown).toMatchObject({ code: 1, stderr: 'helpline: no ticket #999999 (not_found)\n' });
    const badName = await tom('attachment', 'add', String(ticketId), file, '--name', '../notes.txt');
    expect(badName.code).toBe(2);
    expect(badName.stderr).toContain('must not contain "/"');
    const missing = await tom('attachment', 'add', String(ticketId), join(dir, 'nowhere.txt'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('is not a file');
    const badId = await tom('attachment', 'get', '../helpline.db', '--output', join(dir, 'x'));
    expect(badId.code).toBe(2);
    expect(existsSync(join(dir, 'x'))).toBe(false);
    expect(await server.client().call(API.attachments.list, { params: { id: ticketId } })).toHaveLength(1);
  });
});
