// `helpline audit list|verify`: the hash-chained audit log (admins).
import type { Argv } from 'yargs';
import { MAX_AUDIT_LISTED, type AuditEntryView } from '../../../protocol/api/audit.js';
import { API } from '../../../protocol/api/routes/index.js';
import type { CliContext, GlobalArgs } from '../context.js';
import { UsageError } from '../errors.js';
import { positiveInteger } from '../flags.js';
import { jsonOption, printJson, printTable } from '../output.js';

type AuditEntry = AuditEntryView;

function detailText(detail: unknown): string {
  if (detail === null || detail === undefined) return '';
  if (typeof detail === 'object' && Object.keys(detail).length === 0) return '';
  return JSON.stringify(detail);
}

export function registerAuditCommands(cli: Argv<GlobalArgs>, ctx: CliContext): Argv<GlobalArgs> {
  const { io } = ctx;
  return cli.command('audit', 'read and check the audit log (admins)', (group) =>
    group
      .command(
        'list',
        'recent audit entries, newest first',
        (y) =>
          y
            .option('action', {
              type: 'string',
              describe: 'only actions starting with this, e.g. "device." or "login"',
            })
            .option('limit', {
              type: 'string',
              describe: `how many entries (1 to ${MAX_AUDIT_LISTED}; server default 100)`,
            })
            .option('json', jsonOption),
        async (args) => {
          const limit = positiveInteger('--limit', args.limit);
          if (limit !== undefined && limit > MAX_AUDIT_LISTED)
            throw new UsageError(`--limit takes 1 to ${MAX_AUDIT_LISTED}, not ${limit}`);
          const entries = await ctx.api(args).call(API.audit.list, { query: { action: args.action, limit } });
          if (args.json) return printJson(io, entries);
          if (entries.length === 0) return io.out('No audit entries match.');
          printTable(
            io,
            [
              { header: 'SEQ', value: (e: AuditEntry) => e.seq },
              { header: 'TIME', value: (e) => e.at.replace('T', ' ').replace(/\.\d+Z$/, 'Z') },
              { header: 'ACTOR', value: (e) => e.actor },
              { header: 'ACTION', value: (e) => e.action },
              { header: 'TARGET', value: (e) => e.target },
              { header: 'DETAIL', value: (e) => detailText(e.detail) },
            ],
            entries,
          );
        },
      )
      .command(
        'verify',
        'check the hash chain of the whole audit log; exit status 1 when it is broken',
        (y) => y.option('json', jsonOption),
        async (args) => {
          const verdict = await ctx.api(args).call(API.audit.verify);
          if (args.json) printJson(io, verdict);
          else if (verdict.ok) io.out(`Audit log intact: ${verdict.entries} entries, hash chain verified.`);
          else
            io.out(
              `Audit log BROKEN: the hash chain fails at entry ${verdict.brokenAt}; entries from there on may have been altered.`,
            );
          if (!verdict.ok) io.exit(1);
        },
      )
      .demandCommand(1, 'name an audit command: list or verify'),
  );
}
