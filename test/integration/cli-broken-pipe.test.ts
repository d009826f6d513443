// Both command-line programs at the head of a pipeline whose reader stops early
// (`helpline devices list | head -5`): they end at once, quietly, with the status a Unix tool
// killed by SIGPIPE shows (141), not with an EPIPE stack trace.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEmployeeTicketCache } from '../../agent/employee/ticket-cache.js';
import { BROKEN_PIPE_STATUS } from '../../protocol/cli-output.js';
import { seedDevices } from '../../scripts/dev/bench/seed-devices.js';
import { binPath, runCli } from '../helpers/run-cli.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

/** Twice what a pipe holds (64 KiB on Linux): the program is still writing when the reader goes. */
const LONG_OUTPUT_BYTES = 128 * 1024;

/** This environment without HELPLINE_* settings, so a developer's own setup cannot leak in. */
const cleanEnv = (extra: Record<string, string>) => ({
  ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('HELPLINE_'))),
  ...extra,
});

interface CutShort {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/** Runs a program with its standard output read only up to the first chunk, then closed. */
function readFirstChunkOnly(program: 'helpline' | 'helpline-agent', args: string[], env: Record<string, string>) {
  return new Promise<CutShort>((resolve, reject) => {
    const child = spawn(process.execPath, [binPath(program), ...args], { env: cleanEnv(env) });
    child.stdin.end();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${program} ${args.join(' ')} did not end after its reader went away`));
    }, 20_000);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stderr });
    });
  });
}

describe('a CLI whose reader goes away', () => {
  let server: TestServer;
  let dir: string;

  beforeAll(async () => {
    server = await startTestServer();
    dir = mkdtempSync(join(tmpdir(), 'helpline-broken-pipe-'));
    seedDevices(server.dataDir, 2000);
  });
  afterAll(async () => {
    await server?.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it('helpline ends quietly with status 141', async () => {
    const env = {
      HELPLINE_SERVER: server.url,
      HELPLINE_TOKEN: server.adminToken,
      HELPLINE_CONFIG: join(dir, 'cli.json'),
    };
    const whole = await runCli('helpline', ['devices', 'list'], env);
    expect(whole).toMatchObject({ code: 0, stderr: '' });
    expect(whole.stdout.length).toBeGreaterThan(LONG_OUTPUT_BYTES);

    const cut = await readFirstChunkOnly('helpline', ['devices', 'list'], env);
    expect(cut).toEqual({ code: BROKEN_PIPE_STATUS, signal: null, stderr: '' });
  });

  it('helpline-agent ends quietly with status 141', async () => {
    const stateDir = join(dir, 'agent');
    mkdirSync(stateDir);
    const reply = { at: Date.now(), author: 'Tom', body: 'Restarted the print spooler; please try again. '.repeat(20) };
    const ticket = (id: number) => ({
      id,
      osUser: 'anna',
      subject: `Printer ${id} jams`,
      status: 'in_progress',
      createdAt: Date.now(),
      updatedAt: Date.now(),
      resolution: null,
      rating: null,
      replies: [reply, reply, reply],
    });
    openEmployeeTicketCache(stateDir).replace({
      tickets: Array.from({ length: 200 }, (_, index) => ticket(index + 1)),
    });
    const args = ['tickets', '--all', '--state', stateDir];
    const whole = await runCli('helpline-agent', args);
    expect(whole).toMatchObject({ code: 0, stderr: '' });
    expect(whole.stdout.length).toBeGreaterThan(LONG_OUTPUT_BYTES);

    const cut = await readFirstChunkOnly('helpline-agent', args, {});
    expect(cut).toEqual({ code: BROKEN_PIPE_STATUS, signal: null, stderr: '' });
  });
});
