// Every top-level command of `helpline`, in the order of `helpline --help`, with what the help
// shows of it and where its module is. buildCli registers these without loading any command
// module; a module is loaded when its command runs (lazy-commands.ts), so that `helpline --help`
// or `helpline devices list` does not pay for all of them. test/unit/cli-manifest.test.ts checks
// that each entry says what its module registers.
import type { Argv } from 'yargs';
import type { CliContext, GlobalArgs } from './context.js';

/** A command module's exported registerXCommands. */
export type RegisterCommands = (cli: Argv<GlobalArgs>, ctx: CliContext) => Argv<GlobalArgs>;

export interface CommandEntry {
  /** As the module passes it to yargs: the name with its positionals, or the name and its aliases. */
  command: string | readonly string[];
  description: string;
  /** A group only holds subcommands; a command has a handler of its own (login, run, shell). */
  kind: 'group' | 'command';
  /** Loads the module and gives its register function (the four of auth.ts share one). */
  load(): Promise<RegisterCommands>;
}

const auth = async () => (await import('./commands/auth.js')).registerAuthCommands;

export const COMMANDS: readonly CommandEntry[] = [
  {
    command: 'login',
    description: 'sign in to a server and keep the API token in the config file',
    kind: 'command',
    load: auth,
  },
  {
    command: 'logout',
    description: 'end the session on the server and forget the token',
    kind: 'command',
    load: auth,
  },
  {
    command: 'whoami',
    description: 'show who is signed in, and where',
    kind: 'command',
    load: auth,
  },
  {
    command: 'passwd',
    description: 'change your own password (your other logins are signed out)',
    kind: 'command',
    load: auth,
  },
  {
    command: 'token',
    description: 'make, list and revoke enrollment tokens (admins)',
    kind: 'group',
    load: async () => (await import('./commands/token.js')).registerTokenCommands,
  },
  {
    command: ['device', 'devices'],
    description: 'list, inspect, tag, move, approve and revoke enrolled PCs',
    kind: 'group',
    load: async () => (await import('./commands/devices.js')).registerDeviceCommands,
  },
  {
    command: 'software',
    description: 'find installed software across devices',
    kind: 'group',
    load: async () => (await import('./commands/software.js')).registerSoftwareCommands,
  },
  {
    command: ['ticket', 'tickets'],
    description: 'list, open, read and work on help-desk tickets',
    kind: 'group',
    load: async () => (await import('./commands/tickets.js')).registerTicketCommands,
  },
  {
    command: 'report',
    description: 'help-desk reports',
    kind: 'group',
    load: async () => (await import('./commands/report.js')).registerReportCommands,
  },
  {
    command: ['attachment', 'attachments'],
    description: 'files attached to tickets: add, list, download, delete',
    kind: 'group',
    load: async () => (await import('./commands/attachments.js')).registerAttachmentCommands,
  },
  {
    command: ['kb', 'knowledge'],
    description: 'knowledge-base articles: add, search, read, and link them to tickets',
    kind: 'group',
    load: async () => (await import('./commands/kb.js')).registerKbCommands,
  },
  {
    command: ['checks', 'check'],
    description: "device groups' check policies: what counts as a fault on their PCs",
    kind: 'group',
    load: async () => (await import('./commands/checks.js')).registerCheckCommands,
  },
  {
    command: ['scripts', 'script'],
    description: 'the script library: add scripts from files (admins), list and read them',
    kind: 'group',
    load: async () => (await import('./commands/scripts.js')).registerScriptCommands,
  },
  {
    command: 'run <script>',
    description: 'run a library script on devices (each device checks the signature before it runs anything)',
    kind: 'command',
    load: async () => (await import('./commands/run.js')).registerRunCommand,
  },
  {
    command: ['jobs', 'job'],
    description: 'jobs (a script run on a device): list them and read their output',
    kind: 'group',
    load: async () => (await import('./commands/jobs.js')).registerJobCommands,
  },
  {
    command: ['schedules', 'schedule'],
    description: 'scripts that run by themselves on a schedule: add, list, pause, resume, remove',
    kind: 'group',
    load: async () => (await import('./commands/schedules.js')).registerScheduleCommands,
  },
  {
    command: 'maintenance',
    description: 'put a device or a group in maintenance: no fault tickets meanwhile',
    kind: 'group',
    load: async () => (await import('./commands/maintenance.js')).registerMaintenanceCommands,
  },
  {
    command: 'shell <device>',
    description: 'open a remote shell on a device (recorded); with --exec, run one command and exit with its status',
    kind: 'command',
    load: async () => (await import('./commands/shell.js')).registerShellCommand,
  },
  {
    command: ['recordings', 'recording'],
    description: 'recordings of remote shells: list them and play them back',
    kind: 'group',
    load: async () => (await import('./commands/recordings.js')).registerRecordingCommands,
  },
  {
    command: ['users', 'user'],
    description: 'add, list, disable and enable users (admins)',
    kind: 'group',
    load: async () => (await import('./commands/users.js')).registerUserCommands,
  },
  {
    command: 'audit',
    description: 'read and check the audit log (admins)',
    kind: 'group',
    load: async () => (await import('./commands/audit.js')).registerAuditCommands,
  },
];

/** The name people type for each command, in manifest order: "run" of "run <script>", "device" of its aliases. */
export function commandNames(): string[] {
  return COMMANDS.map((entry) => {
    const primary = typeof entry.command === 'string' ? entry.command : (entry.command[0] ?? '');
    return primary.split(' ')[0] ?? primary;
  });
}
