// `helpline scripts add|list|show|versions`: the script library that jobs run. Admins add scripts
// from files; a file's helpline-script header (protocol/script-header.ts) says what the flags
// would otherwise have to: name, description, interpreter, platforms, timeout and parameters.
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import type { Argv } from 'yargs';
import { API } from '../../../protocol/api/routes/index.js';
import type { ScriptParam, ScriptRequest, ScriptVersionView } from '../../../protocol/api/scripts.js';
import { formatDuration, parseDuration } from '../../../protocol/duration.js';
import { MAX_SCRIPT_BYTES } from '../../../protocol/messages/jobs.js';
import {
  SCRIPT_INTERPRETERS,
  SCRIPT_MAX_TIMEOUT_MS,
  SCRIPT_PLATFORMS,
  parseScriptHeader,
  type ScriptInterpreter,
  type ScriptPlatform,
} from '../../../protocol/script-header.js';
import type { CliContext, GlobalArgs } from '../context.js';
import { UsageError } from '../errors.js';
import { positiveInteger } from '../flags.js';
import { listOf } from '../job-targets.js';
import { clean, jsonOption, localTime, printFields, printJson, printTable } from '../output.js';

const namePositional = {
  type: 'string',
  demandOption: true,
  describe: 'script name, like clean-temp (see `helpline scripts list`)',
} as const;
const INTERPRETER_OF: Record<string, ScriptInterpreter> = {
  '.sh': 'sh',
  '.ps1': 'powershell',
  '.py': 'python',
  '.cmd': 'cmd',
  '.bat': 'cmd',
  '.js': 'node',
  '.mjs': 'node',
  '.cjs': 'node',
};

interface AddFlags {
  name?: string;
  description?: string;
  changes?: string;
  interpreter?: ScriptInterpreter;
  timeout?: string;
  platform?: string | string[];
}

function platformsFlag(value: string | string[] | undefined): ScriptPlatform[] | undefined {
  const list = listOf(value)
    ?.flatMap((text) => text.split(','))
    .map((text) => text.trim())
    .filter((text) => text !== '');
  if (list === undefined) return undefined;
  if (list.length === 0)
    throw new UsageError(`--platform takes one or more of ${SCRIPT_PLATFORMS.join(', ')}, separated by commas`);
  for (const platform of list) {
    if (!(SCRIPT_PLATFORMS as readonly string[]).includes(platform))
      throw new UsageError(
        `--platform: unknown platform "${clean(platform)}"; use one or more of ${SCRIPT_PLATFORMS.join(', ')}, separated by commas`,
      );
  }
  return [...new Set(list)] as ScriptPlatform[];
}

function timeoutFlag(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const ms = parseDuration(text);
  if (ms === null || ms < 1000 || ms > SCRIPT_MAX_TIMEOUT_MS)
    throw new UsageError(
      `--timeout takes a duration from 1s to ${formatDuration(SCRIPT_MAX_TIMEOUT_MS)}, like 90s or 10m, not "${clean(text)}"`,
    );
  return ms;
}

/** The request for one file: its header (if any) with the flags on top. Checked before anything is sent. */
function requestFor(file: string, flags: AddFlags): ScriptRequest {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new UsageError(
      `cannot read ${clean(file)}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
  if (bytes.length > MAX_SCRIPT_BYTES)
    throw new UsageError(
      `${clean(file)} is ${(bytes.length / 1024).toFixed(1)} KiB; a script may be at most ${MAX_SCRIPT_BYTES / 1024} KiB`,
    );
  let body: string;
  try {
    body = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UsageError(`${clean(file)} is not UTF-8 text`);
  }
  if (body.trim() === '') throw new UsageError(`${clean(file)} is empty`);
  const parsed = parseScriptHeader(body);
  const hasHeader = parsed.ok || parsed.error !== 'no helpline-script header';
  if (!parsed.ok && hasHeader)
    throw new UsageError(`${clean(file)}: bad helpline-script header: ${clean(parsed.error)}`);
  const header = parsed.ok ? parsed.header : undefined;

  const name = flags.name ?? header?.name;
  const interpreter = flags.interpreter ?? header?.interpreter ?? INTERPRETER_OF[extname(file).toLowerCase()];
  const platforms = platformsFlag(flags.platform) ?? header?.platforms;
  const missing = [
    name === undefined && '--name',
    interpreter === undefined && '--interpreter',
    platforms === undefined && '--platform',
  ].filter((flag) => flag !== false);
  if (missing.length > 0)
    throw new UsageError(
      `${clean(file)} has no helpline-script header; give ${missing.join(', ')} (or add a header, see scripts/maintenance/)`,
    );
  return {
    name: name!,
    description: flags.description ?? header?.description ?? '',
    changes: flags.changes ?? header?.changes,
    interpreter: interpreter!,
    body,
    params: header?.params ?? [],
    timeoutMs: timeoutFlag(flags.timeout) ?? header?.timeoutMs,
    platforms: platforms!,
    elevation: header?.elevation ?? false,
  };
}

/** "days (integer, default 7): Delete files older than this many days." */
const paramWords = (param: ScriptParam): string =>
  `${param.name} (${param.type}, ${param.default === null ? 'required' : `default ${param.default === '' ? '""' : param.default}`}): ${param.description}`;

function scriptFields(script: ScriptVersionView): Array<[string, unknown]> {
  const params: Array<[string, unknown]> =
    script.params.length === 0
      ? [['params', 'none']]
      : script.params.map((param, index) => [index === 0 ? 'params' : '', paramWords(param)]);
  return [
    ['script', script.name],
    ['version', script.version],
    ['description', script.description],
    ['changes', script.changes],
    ['interpreter', script.interpreter],
    ['platforms', script.platforms.join(', ')],
    ['timeout', formatDuration(script.timeoutMs)],
    ['elevation', script.elevation ? 'required (runs as root / Administrator)' : 'none'],
    ...params,
    ['size', `${script.bytes} bytes`],
    ['sha512', script.sha512],
    ['saved', `${localTime(script.createdAt)} by ${clean(script.createdBy)}`],
  ];
}

export function registerScriptCommands(cli: Argv<GlobalArgs>, ctx: CliContext): Argv<GlobalArgs> {
  const { io } = ctx;
  return cli.command(
    ['scripts', 'script'],
    'the script library: add scripts from files (admins), list and read them',
    (group) =>
      group
        .command(
          'add <files..>',
          'add scripts from files, or a new version of one that changed; a helpline-script header in the file gives the defaults',
          (y) =>
            y
              .positional('files', {
                type: 'string',
                array: true,
                demandOption: true,
                describe: 'script files (at most 256 KiB each)',
              })
              .option('name', { type: 'string', describe: 'kebab-case name (needed without a header; one FILE only)' })
              .option('interpreter', {
                choices: SCRIPT_INTERPRETERS,
                describe: 'how to run it (default: the header, else from the file extension)',
              })
              .option('platform', {
                type: 'string',
                describe: `where it runs: ${SCRIPT_PLATFORMS.join(', ')}, separated by commas (needed without a header)`,
              })
              .option('timeout', {
                type: 'string',
                describe: 'stop the script after this long, like 90s or 10m (default: the header, else 10m)',
              })
              .option('description', { type: 'string', describe: 'what the script does, one line' })
              .option('changes', { type: 'string', describe: 'what it changes on the PC, one line' })
              .option('json', jsonOption)
              .example('$0 scripts add scripts/maintenance/*.sh', 'load the shipped Linux library')
              .example('$0 scripts add hello.sh --name hello --platform linux', 'a file without a header'),
          async (args) => {
            const files = args.files.map(String);
            if (args.name !== undefined && files.length > 1)
              throw new UsageError('--name names one script; give a single FILE with it');
            const requests = files.map((file) => requestFor(file, args));
            const api = ctx.api(args);
            const saved: ScriptVersionView[] = [];
            for (const request of requests) {
              const { status, body } = await api.callWithStatus(API.scripts.add, { body: request });
              saved.push(body);
              // One name may have a variant per platform (clean-temp.sh, clean-temp.ps1): say which.
              const which = `${clean(body.name)} (${body.platforms.join(', ')})`;
              if (!args.json)
                io.out(
                  status === 201
                    ? `${which}: version ${body.version} saved`
                    : `${which}: unchanged (version ${body.version})`,
                );
            }
            if (args.json) printJson(io, saved);
          },
        )
        .command(
          'list',
          'every script in the library, newest version',
          (y) => y.option('json', jsonOption),
          async (args) => {
            const scripts = await ctx.api(args).call(API.scripts.list);
            if (args.json) return printJson(io, scripts);
            if (scripts.length === 0) return io.out('No scripts yet; add some with `helpline scripts add FILE...`.');
            printTable(
              io,
              [
                { header: 'NAME', value: (s: ScriptVersionView) => s.name },
                { header: 'VERSION', value: (s) => s.version },
                { header: 'INTERPRETER', value: (s) => s.interpreter },
                { header: 'PLATFORMS', value: (s) => s.platforms.join(',') },
                { header: 'DESCRIPTION', value: (s) => s.description },
              ],
              scripts,
            );
          },
        )
        .command(
          'show <name>',
          'one script: what it does, its parameters, and its text',
          (y) =>
            y
              .positional('name', namePositional)
              .version(false)
              .option('version', { type: 'string', describe: 'this version (default: the newest)' })
              .option('platform', {
                choices: SCRIPT_PLATFORMS,
                describe: 'the variant for this platform, when the script has several',
              })
              .option('json', jsonOption),
          async (args) => {
            const version = positiveInteger('--version', args.version);
            const query = { version, platform: args.platform };
            const script = await ctx.api(args).call(API.scripts.show, { params: { name: args.name }, query });
            if (args.json) return printJson(io, script);
            printFields(io, scriptFields(script));
            io.out('');
            for (const line of script.body.replace(/\r?\n$/, '').split(/\r?\n/))
              io.out(clean(line.replace(/\t/g, '    ')));
          },
        )
        .command(
          'versions <name>',
          'every version of a script, newest first',
          (y) => y.positional('name', namePositional).option('json', jsonOption),
          async (args) => {
            const versions = await ctx.api(args).call(API.scripts.versions, { params: { name: args.name } });
            if (args.json) return printJson(io, versions);
            printTable(
              io,
              [
                { header: 'VERSION', value: (s: ScriptVersionView) => s.version },
                { header: 'SAVED', value: (s) => localTime(s.createdAt) },
                { header: 'BY', value: (s) => s.createdBy },
                { header: 'BYTES', value: (s) => s.bytes },
                { header: 'PLATFORMS', value: (s) => s.platforms.join(',') },
                { header: 'SHA512', value: (s) => `${s.sha512.slice(0, 16)}…` },
              ],
              [...versions].sort((a, b) => b.version - a.version),
            );
          },
        )
        .demandCommand(1, 'name a scripts command: add, list, show or versions'),
  );
}
