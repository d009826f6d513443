// `helpline login`, `logout`, `whoami`: the session stored in the CLI config file.
import type { Argv } from 'yargs';
import type { UserView } from '../../../protocol/api/auth.js';
import { API } from '../../../protocol/api/routes/index.js';
import { ApiRequestError, UsageError } from '../errors.js';
import type { CliContext, GlobalArgs } from '../context.js';
import { jsonOption, printJson, timeWithRelative } from '../output.js';

export function describeUser(user: UserView): string {
  const line = user.line === null ? '' : `, line ${user.line}`;
  return `${user.name} (${user.role}${line}${user.disabled ? ', disabled' : ''})`;
}

export function registerAuthCommands(cli: Argv<GlobalArgs>, ctx: CliContext): Argv<GlobalArgs> {
  const { io } = ctx;
  return cli
    .command(
      'login',
      'sign in to a server and keep the API token in the config file',
      (y) =>
        y
          .option('user', { type: 'string', demandOption: true, describe: 'your user name' })
          .option('password', {
            type: 'string',
            describe: 'your password (or set HELPLINE_PASSWORD, which stays out of the process list)',
          })
          .option('json', jsonOption)
          .example('$0 login --server https://helpline.example.com --user alice --password "$PW"', ''),
      async (args) => {
        const server = ctx.serverUrl(args);
        if (!server)
          throw new UsageError('which server? give --server URL, e.g. --server https://helpline.example.com');
        const password = args.password ?? ctx.env.HELPLINE_PASSWORD;
        if (!password) throw new UsageError('give --password (or set HELPLINE_PASSWORD)');
        const result = await ctx.apiFor(server, null).call(API.auth.login, { body: { user: args.user, password } });
        ctx.writeConfig({ server, token: result.token, user: result.user.name });
        if (args.json) return printJson(io, { server, expiresAt: result.expiresAt, user: result.user });
        io.out(`Logged in to ${server} as ${describeUser(result.user)}.`);
        io.out(`The login is kept in ${ctx.configPath} and expires ${timeWithRelative(result.expiresAt)}.`);
      },
    )
    .command(
      'logout',
      'end the session on the server and forget the token',
      (y) => y,
      async (args) => {
        const stored = ctx.readConfig();
        if (!stored?.token) return io.out('Not logged in.');
        let problem: Error | null = null;
        try {
          // The stored token, even when HELPLINE_TOKEN is set: that is the one being forgotten.
          await ctx.apiFor(ctx.serverUrl(args) ?? stored.server, stored.token).call(API.auth.logout);
        } catch (error) {
          // A token the server no longer accepts is as good as logged out.
          if (!(error instanceof ApiRequestError && error.status === 401)) problem = error as Error;
        }
        ctx.writeConfig({ ...stored, token: null });
        if (problem)
          throw new Error(`the token was removed here, but the server could not end the session: ${problem.message}`);
        io.out(`Logged out${stored.user ? ` ${stored.user}` : ''} from ${stored.server}.`);
      },
    )
    .command(
      'whoami',
      'show who is signed in, and where',
      (y) => y.option('json', jsonOption),
      async (args) => {
        const client = ctx.api(args);
        const user = await client.call(API.auth.me);
        if (args.json) return printJson(io, user);
        io.out(`${describeUser(user)} on ${client.server}`);
      },
    )
    .command(
      'passwd',
      'change your own password (your other logins are signed out)',
      (y) =>
        y
          .option('current', { type: 'string', demandOption: true, describe: 'your current password' })
          .option('new', { type: 'string', demandOption: true, describe: 'the new password, at least 10 characters' }),
      async (args) => {
        const body = { currentPassword: args.current, newPassword: args.new };
        await ctx.api(args).call(API.auth.changePassword, { body });
        io.out('Password changed.');
      },
    );
}
