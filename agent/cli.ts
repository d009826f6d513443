// `helpline-agent`: enroll, run, status, and the employee's help, tickets and rate. Parsing and wiring only.
import yargs, { type Argv } from 'yargs';
import { hideBin } from 'yargs/helpers';
import { parseDuration } from '../protocol/duration.js';
import { HELPLINE_VERSION } from '../protocol/version.js';
import { buildAgent } from './build-agent.js';
import { loadAgentConfig } from './config.js';
import { enrollAgent, EnrollmentError } from './enroll.js';
import { currentPlatform, type Platform } from './platform/index.js';
import { employeeCommands } from './employee/commands.js';
import { consentCommands } from './shell/consent-commands.js';
import { createAgentState } from './state.js';

function withState<T>(y: Argv<T>, platform: Platform) {
  return y.option('state', { type: 'string', default: platform.defaultStateDir(), describe: "the agent's state directory" });
}

export function buildAgentCli(argv: string[], env: Record<string, string | undefined>, platform: Platform = currentPlatform()) {
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
          .option('ca', { type: 'string', describe: "PEM file of the CA of the server's TLS certificate, if it is not a public one" })
          .option('name', { type: 'string', describe: 'device name to enroll under (default: the host name)' })
          .option('json', { type: 'boolean', default: false, describe: 'print the result as JSON' }),
      async (args) => {
        const result = await enrollAgent({ token: args.token, stateDir: args.state, platform, caFile: args.ca, name: args.name });
        if (args.json) return console.log(JSON.stringify(result));
        console.log(`Enrolled as ${result.deviceId} (${result.deviceName}) in group ${result.group} on ${result.serverUrl}`);
        console.log(`Key fingerprint: ${result.fingerprint}`);
        if (result.status === 'pending') console.log('Waiting for an admin to approve this device; compare the fingerprint above with the one they see.');
        if (result.status === 'denied') console.log('This PC is already enrolled with another key: an admin must decide before it can connect.');
        console.log(`Run it with: helpline-agent run --state ${args.state}`);
      },
    )
    .command(
      'run',
      'run the agent in the foreground until SIGTERM or SIGINT',
      (y) =>
        withState(y, platform)
          .option('log-level', { type: 'string', describe: 'fatal, error, warn, info, debug, trace or silent' })
          .option('heartbeat-interval', { type: 'string', describe: 'override the heartbeat interval, e.g. 10s' })
          .option('health-interval', { type: 'string', describe: "override the server's health sampling interval, e.g. 5s" })
          .option('inventory-interval', { type: 'string', describe: "override the server's inventory re-check interval, e.g. 10m" }),
      async (args) => {
        const duration = (flag: string, value: string | undefined) => (value === undefined ? undefined : parseDurationFlag(flag, value));
        const config = loadAgentConfig(
          {
            stateDir: args.state,
            logLevel: args.logLevel as never,
            heartbeatIntervalMs: duration('--heartbeat-interval', args.heartbeatInterval),
            healthIntervalMs: duration('--health-interval', args.healthInterval),
            inventoryIntervalMs: duration('--inventory-interval', args.inventoryInterval),
          },
          env,
        );
        const agent = buildAgent(config);
        agent.on('revoked', () => process.exit(3));
        const stop = async () => {
          await agent.stop();
          process.exit(0);
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
      (args) => {
        const { identity } = createAgentState(args.state).load();
        if (args.json) return console.log(JSON.stringify(identity));
        console.log(`device ${identity.deviceId} (${identity.deviceName}), group ${identity.group}`);
        console.log(`server ${identity.serverUrl}`);
        console.log(`key fingerprint ${identity.fingerprint}`);
      },
    );
  return consentCommands(employeeCommands(cli, (c) => withState(c, platform), env), (c) => withState(c, platform))
    .fail((message, error) => {
      const text = error instanceof EnrollmentError ? `${error.message} (${error.code})` : (error?.message ?? message);
      console.error(`helpline-agent: ${text}`);
      if (!error) console.error(`run 'helpline-agent --help' for usage`);
      process.exit(2);
    })
    .help();
}

function parseDurationFlag(flag: string, text: string): number {
  const ms = parseDuration(text);
  if (ms === null) throw new Error(`${flag} takes a duration like 500ms, 10s or 5m, not "${text}"`);
  return ms;
}

export async function runAgentCli(argv = hideBin(process.argv), env = process.env): Promise<void> {
  await buildAgentCli(argv, env).parseAsync();
}
