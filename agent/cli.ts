// `helpline-agent`: enroll, run, status, and the employee's help, tickets and rate. Parsing and
// wiring only. Each command loads what it needs when it runs: `status` or `tickets` must not pay
// for the agent runtime (systeminformation, the channel, the shell), which only `run` uses.
import yargs, { type Argv } from 'yargs';
import { hideBin } from 'yargs/helpers';
import { streamIo, type CliIo } from '../protocol/cli-output.js';
import { parseDuration } from '../protocol/duration.js';
import { HELPLINE_VERSION } from '../protocol/version.js';
import type { AgentConfig } from './config.js';
import type { enrollAgent } from './enroll.js';
import { currentPlatform, type Platform } from './platform/index.js';
import { employeeCommands } from './employee/commands.js';
import { consentCommands } from './shell/consent-commands.js';

const processIo: CliIo = streamIo(process.stdout, process.stderr, (code) => process.exit(code));

function withState<T>(y: Argv<T>, platform: Platform) {
  return y.option('state', {
    type: 'string',
    default: platform.defaultStateDir(),
    describe: "the agent's state directory",
  });
}

/** An enrollment refusal is told with its code, which the admin can look up. */
async function enroll(options: Parameters<typeof enrollAgent>[0]) {
  const enrollment = await import('./enroll.js');
  try {
    return await enrollment.enrollAgent(options);
  } catch (error) {
    throw error instanceof enrollment.EnrollmentError ? new Error(`${error.message} (${error.code})`) : error;
  }
}

export function buildAgentCli(
  argv: string[],
  env: Record<string, string | undefined>,
  platform: Platform = currentPlatform(),
  io: CliIo = processIo,
) {
  const cli = yargs(argv)
    .scriptName('helpline-agent')
    .version(HELPLINE_VERSION)
    .strict()
    .demandCommand(1, 'name a command: enroll, run, status, help, tickets, rate or consent')
    .command(
      'enroll',
      'enroll this PC with a token from `helpline token create`',
      (y) =>
        withState(y, platform)
          .option('token', { type: 'string', demandOption: true, describe: 'the enrollment token (hl1_...)' })
          .option('ca', {
            type: 'string',
            describe: "PEM file of the CA of the server's TLS certificate, if it is not a public one",
          })
          .option('name', { type: 'string', describe: 'device name to enroll under (default: the host name)' })
          .option('json', { type: 'boolean', default: false, describe: 'print the result as JSON' }),
      async (args) => {
        const result = await enroll({
          token: args.token,
          stateDir: args.state,
          platform,
          caFile: args.ca,
          name: args.name,
        });
        if (args.json) return io.out(JSON.stringify(result));
        io.out(`Enrolled as ${result.deviceId} (${result.deviceName}) in group ${result.group} on ${result.serverUrl}`);
        io.out(`Key fingerprint: ${result.fingerprint}`);
        if (result.status === 'pending') {
          io.out('Waiting for an admin to approve this device; compare the fingerprint above with the one they see.');
        }
        if (result.status === 'denied') {
          io.out('This PC is already enrolled with another key: an admin must decide before it can connect.');
        }
        io.out(`Run it with: helpline-agent run --state ${args.state}`);
      },
    )
    .command(
      'run',
      'run the agent in the foreground until SIGTERM or SIGINT',
      (y) =>
        withState(y, platform)
          .option('log-level', { type: 'string', describe: 'fatal, error, warn, info, debug, trace or silent' })
          .option('heartbeat-interval', { type: 'string', describe: 'override the heartbeat interval, e.g. 10s' })
          .option('health-interval', {
            type: 'string',
            describe: "override the server's health sampling interval, e.g. 5s",
          })
          .option('inventory-interval', {
            type: 'string',
            describe: "override the server's inventory re-check interval, e.g. 10m",
          }),
      async (args) => {
        const duration = (flag: string, value: string | undefined) =>
          value === undefined ? undefined : parseDurationFlag(flag, value);
        const flags = {
          stateDir: args.state,
          // Checked against the config schema with the rest, which names the levels it takes.
          logLevel: args.logLevel as AgentConfig['logLevel'] | undefined,
          heartbeatIntervalMs: duration('--heartbeat-interval', args.heartbeatInterval),
          healthIntervalMs: duration('--health-interval', args.healthInterval),
          inventoryIntervalMs: duration('--inventory-interval', args.inventoryInterval),
        };
        const [{ loadAgentConfig }, { buildAgent }] = await Promise.all([
          import('./config.js'),
          import('./build-agent.js'),
        ]);
        const agent = buildAgent(loadAgentConfig(flags, env));
        agent.on('revoked', () => io.exit(3));
        const stop = async () => {
          await agent.stop();
          io.exit(0);
        };
        process.once('SIGTERM', () => void stop());
        process.once('SIGINT', () => void stop());
        agent.start();
      },
    )
    .command(
      'status',
      "show this agent's identity and key fingerprint",
      (y) => withState(y, platform).option('json', { type: 'boolean', default: false, describe: 'print as JSON' }),
      async (args) => {
        const { createAgentState } = await import('./state.js');
        const { identity } = createAgentState(args.state).load();
        if (args.json) return io.out(JSON.stringify(identity));
        io.out(`device ${identity.deviceId} (${identity.deviceName}), group ${identity.group}`);
        io.out(`server ${identity.serverUrl}`);
        io.out(`key fingerprint ${identity.fingerprint}`);
      },
    );
  return consentCommands(
    employeeCommands(cli, (c) => withState(c, platform), env, io),
    (c) => withState(c, platform),
    io,
  )
    .fail((message, error) => {
      io.err(`helpline-agent: ${error?.message ?? message}`);
      if (!error) io.err(`run 'helpline-agent --help' for usage`);
      io.exit(2);
    })
    .help();
}

function parseDurationFlag(flag: string, text: string): number {
  const ms = parseDuration(text);
  if (ms === null) throw new Error(`${flag} takes a duration like 500ms, 10s or 5m, not "${text}"`);
  return ms;
}

export async function runAgentCli(
  argv = hideBin(process.argv),
  env = process.env,
  io: CliIo = processIo,
): Promise<void> {
  await buildAgentCli(argv, env, currentPlatform(), io).parseAsync();
}
