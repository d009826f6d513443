// `helpline users add|list|disable|enable`: technicians' accounts (admins).
import type { Argv } from 'yargs';
import type { UserView } from '../../../protocol/api/auth.js';
import type { Role } from '../../../protocol/api/common.js';
import { API } from '../../../protocol/api/routes/index.js';
import type { CliContext, GlobalArgs } from '../context.js';
import { UsageError } from '../errors.js';
import { jsonOption, printJson, printTable, relativeTime } from '../output.js';
import { describeUser } from './auth.js';

const ROLES = ['admin', 'technician', 'viewer'] as const satisfies readonly Role[];
const nameArg = { type: 'string', demandOption: true, describe: 'user name' } as const;

export function registerUserCommands(cli: Argv<GlobalArgs>, ctx: CliContext): Argv<GlobalArgs> {
  const { io } = ctx;
  return cli.command(['users', 'user'], 'add, list, disable and enable users (admins)', (group) =>
    group
      .command(
        'add <name>',
        'add a user; without --password the server generates one and shows it once',
        (y) =>
          y
            .positional('name', nameArg)
            .option('role', { choices: ROLES, demandOption: true, describe: 'what the user may do' })
            .option('line', {
              type: 'number',
              choices: [1, 2, 3] as const,
              describe: 'support line, for technicians (default 1)',
            })
            .option('password', {
              type: 'string',
              describe: 'initial password, at least 10 characters (default: generated)',
            })
            .option('json', jsonOption)
            .example('$0 users add bob --role technician --line 2', ''),
        async (args) => {
          if (args.line !== undefined && args.role !== 'technician')
            throw new UsageError('--line is only for --role technician');
          const body = { name: args.name, role: args.role, line: args.line, password: args.password };
          const created = await ctx.api(args).call(API.users.add, { body });
          if (args.json) return printJson(io, created);
          io.out(`Added ${describeUser(created.user)}.`);
          if (created.generatedPassword !== undefined) {
            io.out('Generated password (shown once; give it to the user):');
            io.out(created.generatedPassword);
          }
        },
      )
      .command(
        'reset-password <name>',
        'give a user a new generated password and sign out all their logins',
        (y) => y.positional('name', nameArg).option('json', jsonOption),
        async (args) => {
          const reset = await ctx.api(args).call(API.users.resetPassword, { params: { name: args.name } });
          if (args.json) return printJson(io, reset);
          io.out(`New password for ${reset.user.name} (shown once; give it to the user):`);
          io.out(reset.generatedPassword);
        },
      )
      .command(
        'list',
        'list users',
        (y) => y.option('json', jsonOption),
        async (args) => {
          const users = await ctx.api(args).call(API.users.list);
          if (args.json) return printJson(io, users);
          printTable(
            io,
            [
              { header: 'NAME', value: (u: UserView) => u.name },
              { header: 'ROLE', value: (u) => u.role },
              { header: 'LINE', value: (u) => u.line },
              { header: 'STATUS', value: (u) => (u.disabled ? 'disabled' : 'active') },
              { header: 'CREATED', value: (u) => relativeTime(u.createdAt) },
            ],
            users,
          );
        },
      )
      .command(
        'disable <name>',
        'stop a user from signing in and end their sessions',
        (y) => y.positional('name', nameArg).option('json', jsonOption),
        async (args) => {
          const user = await ctx.api(args).call(API.users.disable, { params: { name: args.name } });
          if (args.json) return printJson(io, user);
          io.out(`Disabled ${user.name}; their sessions have ended.`);
        },
      )
      .command(
        'enable <name>',
        'let a disabled user sign in again',
        (y) => y.positional('name', nameArg).option('json', jsonOption),
        async (args) => {
          const user = await ctx.api(args).call(API.users.enable, { params: { name: args.name } });
          if (args.json) return printJson(io, user);
          io.out(`Enabled ${user.name}.`);
        },
      )
      .demandCommand(1, 'name a users command: add, list, disable or enable'),
  );
}
