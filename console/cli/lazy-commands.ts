// The manifest's commands registered with yargs as stand-ins: yargs knows their names, aliases and
// descriptions (the top-level help, "did you mean", the exit statuses come from those), and only
// when it dispatches to one does the stand-in load the module and hand over to what the module
// registers for it: its builder (options, subcommands) and its handler.
import type { ArgumentsCamelCase, Argv } from 'yargs';
import { COMMANDS, type CommandEntry, type RegisterCommands } from './command-manifest.js';
import type { CliContext, GlobalArgs } from './context.js';

type Builder = (y: Argv<GlobalArgs>) => unknown;
type Handler = (args: ArgumentsCamelCase<GlobalArgs>) => void | Promise<void>;

/** One top-level command as its module registers it with yargs. */
export interface RecordedCommand {
  command: string | readonly string[];
  description: string;
  builder: Builder | undefined;
  handler: Handler | undefined;
}

const primary = (command: string | readonly string[]): string =>
  typeof command === 'string' ? command : (command[0] ?? '');

/**
 * What a module's registerXCommands hands to yargs, written down instead of registered: it gets a
 * parser whose command() only records the call. The modules call nothing else on the top-level
 * parser; anything else is refused loudly rather than half-done.
 */
export function recordCommands(register: RegisterCommands, ctx: CliContext): RecordedCommand[] {
  const recorded: RecordedCommand[] = [];
  const record = (command: string | readonly string[], description: string, builder?: Builder, handler?: Handler) => {
    recorded.push({ command, description, builder, handler });
    return recorder;
  };
  // Every property is answered by the handler below; the empty target is never read.
  const recorder = new Proxy({} as Argv<GlobalArgs>, {
    get(_target, key) {
      if (key === 'command') return record;
      throw new Error(
        `a command module called ${String(key)}() on the top-level parser, where only command() is expected`,
      );
    },
  });
  register(recorder, ctx);
  return recorded;
}

/** Registers every command of the manifest; none of their modules is loaded here. */
export function registerLazyCommands(cli: Argv<GlobalArgs>, ctx: CliContext): Argv<GlobalArgs> {
  const modules = new Map<RegisterCommands, RecordedCommand[]>();
  const realCommand = async (entry: CommandEntry): Promise<RecordedCommand> => {
    const register = await entry.load();
    let recorded = modules.get(register);
    if (recorded === undefined) {
      recorded = recordCommands(register, ctx);
      modules.set(register, recorded);
    }
    const real = recorded.find((command) => primary(command.command) === primary(entry.command));
    if (real === undefined) throw new Error(`the module of "${primary(entry.command)}" does not register it`);
    return real;
  };

  let registered = cli;
  for (const entry of COMMANDS) {
    // The module's builder configures the parser yargs hands over and returns that same parser.
    const builder = async (y: Argv<GlobalArgs>) => {
      (await realCommand(entry)).builder?.(y);
      return y;
    };
    // Groups have no handler of their own (yargs asks for a subcommand); commands run the module's.
    const handler =
      entry.kind === 'command'
        ? async (args: ArgumentsCamelCase<GlobalArgs>) => (await realCommand(entry)).handler?.(args)
        : undefined;
    registered = registered.command(entry.command, entry.description, builder, handler);
  }
  return registered;
}
