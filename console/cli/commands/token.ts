// `helpline token create|list|revoke`: enrollment tokens for `helpline-agent enroll` (admins).
import type { Argv } from 'yargs';
import type { CreateEnrollmentTokenRequest, EnrollmentTokenView } from '../../../protocol/api/enrollment-tokens.js';
import { API } from '../../../protocol/api/routes/index.js';
import { enrollCommand } from '../../../protocol/enroll-command.js';
import type { CliContext, GlobalArgs } from '../context.js';
import { positiveInteger, ttlSeconds } from '../flags.js';
import { jsonOption, printFields, printJson, printTable, relativeTime, timeWithRelative, yesNo } from '../output.js';

function tokenFields(info: EnrollmentTokenView): Array<[string, unknown]> {
  return [
    ['id', info.id],
    ['group', info.group],
    ['expires', timeWithRelative(info.expiresAt)],
    ['uses', `${info.uses} of ${info.maxUses}`],
    ['approval', info.approval ? 'required (devices wait as pending)' : 'not required'],
    ['state', info.state],
  ];
}

export function registerTokenCommands(cli: Argv<GlobalArgs>, ctx: CliContext): Argv<GlobalArgs> {
  const { io } = ctx;
  return cli.command('token', 'make, list and revoke enrollment tokens (admins)', (group) =>
    group
      .command(
        'create',
        'make an enrollment token; it is shown once',
        (y) =>
          y
            .option('group', {
              type: 'string',
              describe: 'device group the enrolled PCs join (server default: "default")',
            })
            .option('ttl', { type: 'string', describe: 'how long the token is valid, e.g. 30m, 12h, 7d (1m to 90d)' })
            .option('uses', { type: 'string', describe: 'how many PCs may enroll with it' })
            .option('approval', { type: 'boolean', describe: 'devices wait as pending until an admin approves them' })
            .option('json', jsonOption)
            .example('$0 token create --group office --ttl 2h --uses 5', ''),
        async (args) => {
          const body: CreateEnrollmentTokenRequest = {};
          if (args.group !== undefined) body.group = args.group;
          if (args.ttl !== undefined) body.ttlSeconds = ttlSeconds(args.ttl);
          const uses = positiveInteger('--uses', args.uses);
          if (uses !== undefined) body.uses = uses;
          if (args.approval !== undefined) body.approval = args.approval;
          const created = await ctx.api(args).call(API.enrollment.createToken, { body });
          if (args.json) return printJson(io, created);
          io.out(`Enrollment token (shown once; on the PC run \`${enrollCommand('TOKEN')}\`):`);
          io.out('');
          io.out(created.token);
          io.out('');
          printFields(io, tokenFields(created.info));
        },
      )
      .command(
        'list',
        'list enrollment tokens',
        (y) => y.option('json', jsonOption),
        async (args) => {
          const tokens = await ctx.api(args).call(API.enrollment.listTokens);
          if (args.json) return printJson(io, tokens);
          if (tokens.length === 0) return io.out('No enrollment tokens.');
          printTable(
            io,
            [
              { header: 'ID', value: (t: EnrollmentTokenView) => t.id },
              { header: 'GROUP', value: (t) => t.group },
              { header: 'STATE', value: (t) => t.state },
              { header: 'USES', value: (t) => `${t.uses}/${t.maxUses}` },
              { header: 'APPROVAL', value: (t) => yesNo(t.approval) },
              { header: 'EXPIRES', value: (t) => relativeTime(t.expiresAt) },
              { header: 'CREATED BY', value: (t) => t.createdBy },
            ],
            tokens,
          );
        },
      )
      .command(
        'revoke <id>',
        'revoke an enrollment token so no more PCs can use it',
        (y) =>
          y
            .positional('id', {
              type: 'string',
              demandOption: true,
              describe: 'token id, like tok_... (see `helpline token list`)',
            })
            .option('json', jsonOption),
        async (args) => {
          const info = await ctx.api(args).call(API.enrollment.revokeToken, { params: { id: args.id } });
          if (args.json) return printJson(io, info);
          io.out(`Revoked enrollment token ${info.id} (group ${info.group}, used ${info.uses} of ${info.maxUses}).`);
        },
      )
      .demandCommand(1, 'name a token command: create, list or revoke'),
  );
}
