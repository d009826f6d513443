// `helpline`: the technicians' command-line console. Parsing and wiring only; each command group
// lives in commands/<group>.ts, listed in command-manifest.ts and loaded only when it runs.
import yargs, { type Argv } from 'yargs';
import { hideBin } from 'yargs/helpers';
import { HELPLINE_VERSION } from '../../protocol/version.js';
import { commandNames } from './command-manifest.js';
import { createCliContext, type GlobalArgs } from './context.js';
import { ApiRequestError, UsageError } from './errors.js';
import { protectDash, showDash } from './flags.js';
import { registerLazyCommands } from './lazy-commands.js';
import { processIo, type CliIo } from './output.js';

const EPILOG = [
  'The login is kept in $HELPLINE_CONFIG (default ~/.config/helpline/cli.json, readable by you only).',
  'HELPLINE_SERVER and HELPLINE_TOKEN override the stored server and token; --server overrides both.',
  'Exit status: 0 done, 1 the request failed or was refused, 2 the command line was wrong.',
].join('\n');

/** "a, b or c". */
const listed = (names: string[]): string =>
  names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;

/** Usage mistakes exit 2; everything that went wrong while doing the work exits 1. */
function isUsageError(error: Error | undefined): boolean {
  return error === undefined || error instanceof UsageError || error.name === 'YError';
}

function describeError(error: Error): string {
  if (error instanceof ApiRequestError) return `${error.message} (${error.code})`;
  return error.message;
}

export function buildCli(
  argv: string[],
  env: Record<string, string | undefined>,
  io: CliIo = processIo,
): Argv<GlobalArgs> {
  const ctx = createCliContext(env, io);
  let cli: Argv<GlobalArgs> = yargs(protectDash(argv))
    .scriptName('helpline')
    .version(HELPLINE_VERSION)
    .usage('$0 <command> [options]\n\nWork with a Helpline server from the command line.')
    .option('server', {
      type: 'string',
      global: true,
      describe: 'server URL; overrides the stored one (login stores it)',
    })
    .strict()
    .recommendCommands()
    .updateStrings({ 'Did you mean %s?': 'unknown command; did you mean %s?' })
    .demandCommand(1, `name a command: ${listed(commandNames())}`)
    .epilog(EPILOG);
  cli = registerLazyCommands(cli, ctx);
  return cli
    .fail((message: string | null, error: Error | undefined) => {
      const usage = isUsageError(error);
      const text = error ? describeError(error) : (message ?? 'invalid command line');
      io.err(`helpline: ${usage ? showDash(text) : text}`);
      if (usage) io.err("run 'helpline --help' or 'helpline COMMAND --help' for usage");
      io.exit(usage ? 2 : 1);
    })
    .help()
    .alias('help', 'h');
}

export async function runCli(
  argv: string[] = hideBin(process.argv),
  env: Record<string, string | undefined> = process.env,
  io: CliIo = processIo,
): Promise<void> {
  await buildCli(argv, env, io).parseAsync();
}
