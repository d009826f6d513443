// `npm run bench:shell -- [--keystrokes N] [--megabytes N]`: what a remote shell feels like. A
// server runs in this process and this PC's agent in its own (as on a real PC), on loopback; the
// technician's side is the CLI's own shell client. It times keystroke round trips (a byte to `cat`
// on a raw pty and back, through server and agent both ways) and output throughput with a client
// that acknowledges at once.
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openShell, type ShellConnection } from '../../console/cli/shell-client.js';
import { buildServer } from '../../server/build-server.js';
import { serverConfig } from '../../server/config.js';
import { initDataDir } from '../../server/data-dir.js';
import { waitForFullInventory } from './bench/agent-admin.js';
import { enrollAgent, startAgent } from './bench/agent-child.js';
import { readRssKiB } from './bench/proc-stats.js';
import { Cleanup, runBenchCommand } from './bench/cleanup.js';
import { parseFlags, positiveInteger } from './bench/flags.js';
import { LatencySamples } from './bench/percentiles.js';

const USAGE = `Usage: npm run bench:shell -- [--keystrokes N] [--megabytes N]

Starts a Helpline server in this process and this PC's agent as a child process (temp data
directory, loopback),
opens remote shells through the server as the helpline CLI does, and prints:
  - keystroke round trip: one byte to \`cat\` on a raw terminal and back, N times (p50/p99/max)
  - throughput: N MB of terminal output (decoded bytes) from \`yes\`, acknowledged at once

  --keystrokes N   round trips to time (default 500)
  --megabytes N    megabytes (10^6 bytes) of output to move (default 100)
  --help           show this text`;

interface ShellBenchOptions {
  keystrokes: number;
  megabytes: number;
}

const say = (message: string) => console.error(`bench:shell: ${message}`);
/** The startup inventory is collected and sent before anything is timed: it would compete. */
const FIRST_INVENTORY_TIMEOUT_MS = 120_000;

function parseOptions(argv: string[]): ShellBenchOptions | 'help' {
  const values = parseFlags(argv, { keystrokes: { type: 'string' }, megabytes: { type: 'string' } });
  if (values === 'help') return 'help';
  return {
    keystrokes: positiveInteger('--keystrokes', values.keystrokes, 500),
    megabytes: positiveInteger('--megabytes', values.megabytes, 100),
  };
}

async function postJson<T>(url: string, body: unknown, token?: string): Promise<T> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    ...(token ? { authorization: `Bearer ${token}` } : {}),
  };
  const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify(body) });
  if (!response.ok)
    throw new Error(
      `POST ${new URL(url).pathname} answered ${response.status}: ${(await response.text()).slice(0, 300)}`,
    );
  return (await response.json()) as T;
}

/** A shell running `exec` whose output is counted and handed to `onOutput`, acknowledged at once. */
function shell(
  target: { server: string; token: string; deviceId: string },
  exec: string,
  onOutput: (bytes: Buffer) => void,
) {
  let opened!: () => void;
  const ready = new Promise<void>((resolve) => (opened = resolve));
  const connection: ShellConnection = openShell(
    { ...target, cols: 80, rows: 24, exec },
    { opened: () => opened(), output: onOutput },
  );
  // A refusal or a broken connection ends the wait for "opened" too.
  return {
    connection,
    ready: Promise.race([
      ready,
      connection.done.then(() => Promise.reject(new Error(`the shell for "${exec}" ended before it opened`))),
    ]),
  };
}

async function keystrokeRoundTrips(
  target: { server: string; token: string; deviceId: string },
  count: number,
): Promise<LatencySamples> {
  let seen = '';
  let waiter: (() => void) | null = null;
  const { connection, ready } = shell(target, 'stty raw -echo; printf READY; exec cat', (bytes) => {
    seen = (seen + bytes.toString('latin1')).slice(-16);
    waiter?.();
  });
  await ready;
  const next = () => new Promise<void>((resolve) => (waiter = resolve));
  while (!seen.includes('READY')) await next();
  const samples = new LatencySamples();
  for (let i = 0; i < count; i++) {
    const back = next();
    const sentAt = performance.now();
    connection.input(Buffer.from([0x61 + (i % 26)]));
    await back;
    samples.add(performance.now() - sentAt);
  }
  connection.close();
  await connection.done;
  return samples;
}

async function throughput(
  target: { server: string; token: string; deviceId: string },
  bytes: number,
): Promise<{ bytes: number; ms: number }> {
  let received = 0;
  let startedAt = 0;
  // -opost: the terminal passes the bytes as they are (no "\r" added), so what arrives is what `yes` wrote.
  const { connection, ready } = shell(target, `stty -opost; yes | head -c ${bytes}`, (chunk) => {
    if (received === 0) startedAt = performance.now();
    received += chunk.length;
  });
  await ready;
  const end = await connection.done;
  const ms = performance.now() - startedAt;
  if (end.exitCode !== 0 || received !== bytes)
    throw new Error(`the throughput run moved ${received} of ${bytes} bytes and ended with ${JSON.stringify(end)}`);
  return { bytes: received, ms };
}

async function run(options: ShellBenchOptions, cleanup: Cleanup): Promise<number> {
  const root = mkdtempSync(join(tmpdir(), 'helpline-bench-shell-'));
  cleanup.add(`remove ${root}`, () => rmSync(root, { recursive: true, force: true }));
  const dataDir = join(root, 'server');
  const stateDir = join(root, 'agent');
  mkdirSync(stateDir);
  const adminPassword = randomBytes(18).toString('base64url');
  await initDataDir(dataDir, { adminPassword });
  const server = await buildServer(serverConfig({ dataDir, host: '127.0.0.1', port: 0, logLevel: 'error' }), {
    logStream: process.stderr,
  });
  const url = await server.listen();
  cleanup.add('stop the server', () => server.close());

  const { token } = await postJson<{ token: string }>(`${url}/api/auth/login`, {
    user: 'admin',
    password: adminPassword,
  });
  const enrollment = await postJson<{ token: string }>(
    `${url}/api/enrollment-tokens`,
    { uses: 1, ttlSeconds: 600 },
    token,
  );
  const { deviceId } = await enrollAgent(enrollment.token, stateDir);
  const agent = startAgent(stateDir, [], {});
  cleanup.add('stop the agent', async () => void (await agent.stop()));
  say(`server on ${url}, agent ${deviceId} started; waiting for its startup inventory`);
  await waitForFullInventory(url, adminPassword, deviceId, FIRST_INVENTORY_TIMEOUT_MS);

  const target = { server: url, token, deviceId };
  say(`timing ${options.keystrokes} keystroke round trips`);
  const latency = (await keystrokeRoundTrips(target, options.keystrokes)).summary();
  say(`moving ${options.megabytes} MB of terminal output`);
  // Memory during the flood: flow control should keep both processes near where they started.
  const memory = {
    agentStart: readRssKiB(agent.pid) ?? 0,
    serverStart: process.memoryUsage().rss / 1024,
    agentMax: 0,
    serverMax: 0,
  };
  const sampler = setInterval(() => {
    memory.agentMax = Math.max(memory.agentMax, readRssKiB(agent.pid) ?? 0);
    memory.serverMax = Math.max(memory.serverMax, process.memoryUsage().rss / 1024);
  }, 100);
  const moved = await throughput(target, options.megabytes * 1_000_000).finally(() => clearInterval(sampler));
  const mbPerSecond = moved.bytes / 1_000_000 / (moved.ms / 1000);

  console.log(
    `keystroke round trip (${latency.samples} samples): p50 ${latency.p50Ms} ms, p99 ${latency.p99Ms} ms, max ${latency.maxMs} ms`,
  );
  console.log(
    `throughput: ${(moved.bytes / 1_000_000).toFixed(1)} MB in ${(moved.ms / 1000).toFixed(2)} s = ${mbPerSecond.toFixed(1)} MB/s of terminal output`,
  );
  const mb = (kib: number) => `${(kib / 1024).toFixed(0)} MB`;
  console.log(
    `RSS during the flood: agent ${mb(memory.agentStart)} → max ${mb(memory.agentMax)}; server and technician client (this process) ${mb(memory.serverStart)} → max ${mb(memory.serverMax)}`,
  );
  return 0;
}

await runBenchCommand({ name: 'bench:shell', usage: USAGE, parse: parseOptions, run });
