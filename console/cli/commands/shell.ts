// `helpline shell DEVICE`: a remote shell on a PC through the server, interactive in this terminal
// or, with --exec, one command whose output and exit status become this program's. The server
// records every session (see `helpline recordings`) and may first ask the employee to accept.
import type { Argv } from 'yargs';
import type { ApiClient } from '../../../protocol/api/client.js';
import type { CliContext, GlobalArgs } from '../context.js';
import { deviceOf, devicePositional, deviceRefFor, type DeviceRef } from '../device-ref.js';
import { NOT_LOGGED_IN, UsageError } from '../errors.js';
import { ticketId } from '../flags.js';
import { clean, type CliIo } from '../output.js';
import { openShell, type ShellEnd, type ShellRequest } from '../shell-client.js';
import { attachTerminal, terminalSize, writeOut } from '../shell-terminal.js';

const killedBy = (end: ShellEnd): number | null =>
  end.signal !== null && end.signal > 0 && end.signal < 128 ? end.signal : null;

/**
 * This program's exit status from the remote one: 0–255 as is; 128+N when a signal N killed it,
 * as a shell reports it (a pty says "exit code 0" then); 1 when there is none or it does not fit.
 */
export function exitStatus(end: ShellEnd): number {
  const signal = killedBy(end);
  if (!end.opened) return 1;
  if (signal !== null && end.reason === null) return 128 + signal;
  const code = end.exitCode;
  return code !== null && Number.isInteger(code) && code >= 0 && code <= 255 ? code : 1;
}

/** What to say on standard error about the end, when it was not simply the shell exiting. */
export function endNote(end: ShellEnd): string | null {
  const signal = killedBy(end);
  if (!end.opened) return `the shell did not open: ${clean(end.reason ?? 'no reason given')}`;
  if (end.reason !== null)
    return `the shell ended${end.exitCode === null ? ' without an exit status' : ''}: ${clean(end.reason)}`;
  if (signal !== null) return `the shell was killed by signal ${signal}`;
  return end.exitCode === null ? 'the shell ended without an exit status' : null;
}

/** The device's name for the "Connected to" line; its id when it cannot be read. */
async function deviceName(client: ApiClient, device: DeviceRef): Promise<string> {
  try {
    return clean((await deviceOf(client, device)).name);
  } catch {
    return clean(device.id);
  }
}

async function interactive(
  ctx: CliContext,
  client: ApiClient,
  device: DeviceRef,
  request: ShellRequest,
): Promise<ShellEnd> {
  const { io } = ctx;
  const name = await deviceName(client, device);
  const streams = { stdin: process.stdin, stdout: process.stdout };
  let restore = () => {};
  const connection = openShell(request, {
    waiting: (message) => io.err(clean(message)),
    opened: (info) => {
      io.err(`Connected to ${name} (${clean(info.shell)}); the session is recorded. Ctrl-D or \`exit\` ends it.`);
      restore = attachTerminal(connection, streams);
    },
    output: (bytes) => writeOut(process.stdout, bytes),
  });
  try {
    return await connection.done;
  } finally {
    restore();
  }
}

function runCommand(io: CliIo, request: ShellRequest): Promise<ShellEnd> {
  // Said on standard error, so that what the command prints stays alone on standard output.
  return openShell(request, {
    waiting: (message) => io.err(clean(message)),
    output: (bytes) => writeOut(process.stdout, bytes),
  }).done;
}

export function registerShellCommand(cli: Argv<GlobalArgs>, ctx: CliContext): Argv<GlobalArgs> {
  const { io } = ctx;
  return cli.command(
    'shell <device>',
    'open a remote shell on a device (recorded); with --exec, run one command and exit with its status',
    (y) =>
      y
        .positional('device', devicePositional)
        .option('shell', {
          type: 'string',
          describe:
            "which shell, from the device's allowed list (sh, bash, zsh; powershell, cmd); default: the device's own",
        })
        .option('exec', {
          type: 'string',
          describe: 'run this one command instead of an interactive shell; its output goes to standard output',
        })
        .option('ticket', {
          type: 'string',
          describe: 'the ticket this work is for, like 12 or #12 (kept with the recording)',
        })
        .example('$0 shell PC-042', 'an interactive shell in this terminal')
        .example(
          '$0 shell PC-042 --exec "df -h /"',
          "one command; exit status 0-255 is the command's (1 when it has none)",
        )
        .epilog('The session is recorded on the server; the employee may be told, or asked to accept first.'),
    async (args) => {
      if (args.exec !== undefined && args.exec.trim() === '')
        throw new UsageError('--exec is empty; give the command to run, like --exec "df -h"');
      if (args.exec === undefined && !process.stdin.isTTY)
        throw new UsageError('an interactive shell needs a terminal; use --exec "COMMAND" to run one command');
      const ticket = args.ticket === undefined ? undefined : ticketId(args.ticket);
      const client = ctx.api(args);
      // The socket authenticates itself, with the token of the signed-in client.
      const token = client.token;
      if (!token) throw new Error(NOT_LOGGED_IN);
      const device = await deviceRefFor(client, args.device);
      const request: ShellRequest = {
        server: client.server,
        token,
        deviceId: device.id,
        ...terminalSize(process.stdout),
        shell: args.shell,
        exec: args.exec,
        ticket,
      };

      const end =
        args.exec === undefined ? await interactive(ctx, client, device, request) : await runCommand(io, request);
      const note = endNote(end);
      if (note !== null) io.err(`helpline: ${note}`);
      io.exit(exitStatus(end));
    },
  );
}
