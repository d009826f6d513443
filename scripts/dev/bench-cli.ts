// `npm run bench:cli -- [--runs N] [--json] [--bin-dir DIR]`: how long a technician waits for the
// command-line programs, against bare `node -e 0` on the same machine at the same time. A server
// runs as a child process with 1,000 devices seeded in bulk; the CLIs sign in and enroll as a
// person would, then each command is timed from spawn to exit.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { enrollAgent } from './bench/agent-child.js';
import { Cleanup, runBenchCommand } from './bench/cleanup.js';
import { timeCommands, type CliCommand, type CommandTimes } from './bench/cli-runs.js';
import { parseFlags, positiveInteger, UsageError } from './bench/flags.js';
import { seedDevices } from './bench/seed-devices.js';
import { initServerData, startServer } from './bench/server-process.js';
import { programFailed } from './bench/program-failure.js';

const DEVICES = 1000;
/** Issue 11's goal: every command's median within this many times bare node's. */
const GOAL_RATIO = 4;
const OWN_BIN_DIR = fileURLToPath(new URL('../../../bin/', import.meta.url));

const USAGE = `Usage: npm run bench:cli -- [--runs N] [--json] [--bin-dir DIR]

Starts a Helpline server (child process, temp data directory) with ${DEVICES.toLocaleString('en')} devices
seeded in bulk through its device store, signs in with \`helpline login\`, enrolls one agent with
\`helpline-agent enroll\`, then times, from spawn to exit, N runs each of (interleaved):
  node -e 0                     bare node, the baseline
  helpline --help
  helpline devices list         all ${DEVICES.toLocaleString('en')} of them, and the enrolled agent
  helpline-agent status
and prints each one's median and p90 and its median's ratio to bare node's.

  --runs N        runs of each command (default 20)
  --json          print one JSON object as the last line
  --bin-dir DIR   time the helpline.js and helpline-agent.js in DIR (another build) instead of
                  this checkout's bin/; the server is always this checkout's
  --help          show this text`;

interface CliBenchOptions {
  runs: number;
  json: boolean;
  binDir: string;
}

const say = (message: string) => console.error(`bench:cli: ${message}`);

function parseOptions(argv: string[]): CliBenchOptions | 'help' {
  const values = parseFlags(argv, {
    runs: { type: 'string' },
    json: { type: 'boolean', default: false },
    'bin-dir': { type: 'string' },
  });
  if (values === 'help') return 'help';
  const binDir = resolve(values['bin-dir'] ?? OWN_BIN_DIR);
  for (const program of ['helpline.js', 'helpline-agent.js']) {
    if (!existsSync(join(binDir, program))) throw new UsageError(`--bin-dir ${binDir} holds no ${program}`);
  }
  return { runs: positiveInteger('--runs', values.runs, 20), json: values.json ?? false, binDir };
}

/** The environment of every timed run: none of the developer's HELPLINE_* settings. */
function benchEnv(extra: Record<string, string>): Record<string, string | undefined> {
  const own = Object.entries(process.env).filter(([key]) => !key.startsWith('HELPLINE_'));
  return { ...Object.fromEntries(own), ...extra };
}

async function helpline(binDir: string, args: string[], env: Record<string, string | undefined>): Promise<string> {
  try {
    const { stdout } = await promisify(execFile)(process.execPath, [join(binDir, 'helpline.js'), ...args], { env });
    return stdout;
  } catch (error) {
    throw programFailed(`helpline ${args[0]}`, error);
  }
}

function commands(
  binDir: string,
  env: Record<string, string | undefined>,
  stateDir: string,
  deviceId: string,
): CliCommand[] {
  const helplineBin = join(binDir, 'helpline.js');
  const agentBin = join(binDir, 'helpline-agent.js');
  const expect = (what: string, ok: (stdout: string) => boolean) => (stdout: string) =>
    ok(stdout) ? null : `printed no ${what}`;
  return [
    { name: 'node -e 0', args: ['-e', '0'], env, check: () => null },
    {
      name: 'helpline --help',
      args: [helplineBin, '--help'],
      env,
      check: expect('usage', (out) => out.includes('helpline <command>')),
    },
    {
      name: 'helpline devices list',
      args: [helplineBin, 'devices', 'list'],
      env,
      // The seeded devices, the enrolled agent and the header line.
      check: expect(`table of ${DEVICES + 1} devices`, (out) => out.trimEnd().split('\n').length === DEVICES + 2),
    },
    {
      name: 'helpline-agent status',
      args: [agentBin, 'status', '--state', stateDir],
      env,
      check: expect(`status of ${deviceId}`, (out) => out.includes(`device ${deviceId} `)),
    },
  ];
}

interface CliBenchResult {
  runs: number;
  devices: number;
  binDir: string;
  loadAverage: { start: number[]; end: number[] };
  baseline: CommandTimes;
  commands: Array<CommandTimes & { ratio: number }>;
  goalRatio: number;
  withinGoal: boolean;
}

function format(result: CliBenchResult): string {
  const ms = (value: number) => `${value.toFixed(0).padStart(5)} ms`;
  const row = (times: CommandTimes, ratio: string) =>
    `  ${times.name.padEnd(24)} median ${ms(times.medianMs)}   p90 ${ms(times.p90Ms)}   ${ratio}`;
  return [
    `${result.runs} runs each, interleaved; ratio = median / median of bare node`,
    `(load average at the start ${result.loadAverage.start.join(' ')}, at the end ${result.loadAverage.end.join(' ')})`,
    row(result.baseline, '1×'),
    ...result.commands.map((times) => row(times, `${times.ratio.toFixed(2)}×`)),
    `goal: every median within ${result.goalRatio}× bare node: ${result.withinGoal ? 'met' : 'NOT met'}`,
  ].join('\n');
}

async function run(options: CliBenchOptions, cleanup: Cleanup): Promise<number> {
  const loadAverageStart = loadavg().map((value) => Math.round(value * 100) / 100);
  const root = mkdtempSync(join(tmpdir(), 'helpline-bench-cli-'));
  cleanup.add(`remove ${root}`, () => rmSync(root, { recursive: true, force: true }));
  const dataDir = join(root, 'server');
  const stateDir = join(root, 'agent');
  const adminPassword = randomBytes(18).toString('base64url');
  await initServerData(dataDir, adminPassword);
  seedDevices(dataDir, DEVICES);
  say(
    `${DEVICES.toLocaleString('en')} devices seeded in bulk through the server's device store (no agents run for them)`,
  );
  const server = await startServer(dataDir);
  cleanup.add('stop the server', () => server.stop());

  const env = benchEnv({ HELPLINE_CONFIG: join(root, 'cli.json') });
  await helpline(OWN_BIN_DIR, ['login', '--server', server.url, '--user', 'admin'], {
    ...env,
    HELPLINE_PASSWORD: adminPassword,
  });
  const { token } = JSON.parse(await helpline(OWN_BIN_DIR, ['token', 'create', '--uses', '1', '--json'], env)) as {
    token: string;
  };
  const { deviceId } = await enrollAgent(token, stateDir);
  say(`server ${server.pid} on ${server.url}; signed in as admin; agent ${deviceId} enrolled in ${stateDir}`);
  if (options.binDir !== resolve(OWN_BIN_DIR)) say(`timing the programs in ${options.binDir}`);

  say(`timing ${options.runs} runs of each command`);
  const [baseline, ...timed] = await timeCommands(commands(options.binDir, env, stateDir, deviceId), options.runs);
  const withRatio = timed.map((times) => ({
    ...times,
    ratio: Math.round((times.medianMs / baseline!.medianMs) * 100) / 100,
  }));
  const result: CliBenchResult = {
    runs: options.runs,
    devices: DEVICES,
    binDir: options.binDir,
    loadAverage: { start: loadAverageStart, end: loadavg().map((value) => Math.round(value * 100) / 100) },
    baseline: baseline!,
    commands: withRatio,
    goalRatio: GOAL_RATIO,
    withinGoal: withRatio.every((times) => times.ratio <= GOAL_RATIO),
  };
  console.log(format(result));
  if (options.json) console.log(JSON.stringify(result));
  return 0;
}

await runBenchCommand({ name: 'bench:cli', usage: USAGE, parse: parseOptions, run });
