// `helpline checks list|show|set|reset`: the check policy of each device group, which says what
// counts as a fault on its PCs. Staff read them; admins replace a group's policy from a JSON file
// or send the group back to the default. The server checks a policy and says what is wrong.
import { readFileSync } from 'node:fs';
import type { Argv } from 'yargs';
import type { ResponseOf } from '../../../protocol/api/route.js';
import { API } from '../../../protocol/api/routes/index.js';
import type { CheckPolicy } from '../../../protocol/messages/checks.js';
import { checkLines } from '../check-summary.js';
import type { CliContext, GlobalArgs } from '../context.js';
import { UsageError } from '../errors.js';
import { STDIN_ARG, readStandardInput } from '../flags.js';
import { clean, jsonOption, localTime, printJson, printTable } from '../output.js';

type GroupCheckPolicyView = ResponseOf<typeof API.checkPolicies.show>;

const groupPositional = {
  type: 'string',
  demandOption: true,
  describe: 'device group, like "lab" (set when the enrollment token was made)',
} as const;
const checkCount = (policy: CheckPolicy): string =>
  `${policy.checks.length} check${policy.checks.length === 1 ? '' : 's'}`;

/**
 * The policy JSON from FILE, or from standard input for "-" (read as a stream: /dev/stdin cannot
 * be opened when it is a socket); not checked beyond being JSON (the server does that).
 */
async function readPolicyFile(file: string): Promise<unknown> {
  const fromStdin = file === STDIN_ARG || file === '-';
  const shown = fromStdin ? 'standard input' : clean(file);
  let text: string;
  try {
    text = fromStdin ? (await readStandardInput()).toString('utf8') : readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${shown}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  if (text.trim() === '') throw new UsageError(`${shown} is empty; a check policy is JSON like {"checks": [...]}`);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new UsageError(`${shown} is not valid JSON: ${clean((error as Error).message)}`);
  }
}

/** "Group lab runs its own check policy (set by ann, 2025-01-31 15:05:09):" or "... the default check policy:". */
function policyHeading(view: GroupCheckPolicyView): string {
  const group = clean(view.group);
  if (!view.custom) return `Group ${group} runs the default check policy (${checkCount(view.policy)}):`;
  const by = view.updatedBy === null ? '' : ` by ${clean(view.updatedBy)}`;
  const at = view.updatedAt === null ? '' : `, ${localTime(view.updatedAt)}`;
  return `Group ${group} runs its own check policy (${checkCount(view.policy)}; set${by}${at}):`;
}

export function registerCheckCommands(cli: Argv<GlobalArgs>, ctx: CliContext): Argv<GlobalArgs> {
  const { io } = ctx;
  return cli.command(
    ['checks', 'check'],
    "device groups' check policies: what counts as a fault on their PCs",
    (group) =>
      group
        .command(
          'list',
          'the groups that have a check policy of their own (all others run the default)',
          (y) => y.option('json', jsonOption),
          async (args) => {
            const policies = await ctx.api(args).call(API.checkPolicies.list);
            if (args.json) return printJson(io, policies);
            if (policies.length === 0)
              return io.out(
                'No group has a check policy of its own; all run the default (see `helpline checks show GROUP`).',
              );
            printTable(
              io,
              [
                { header: 'GROUP', value: (p: GroupCheckPolicyView) => p.group },
                { header: 'CHECKS', value: (p) => p.policy.checks.length },
                { header: 'UPDATED BY', value: (p) => p.updatedBy },
                { header: 'UPDATED', value: (p) => (p.updatedAt === null ? null : localTime(p.updatedAt)) },
              ],
              policies,
            );
          },
        )
        .command(
          'show <group>',
          "a group's check policy, one line per check (the default when the group has none of its own)",
          (y) => y.positional('group', groupPositional).option('json', jsonOption),
          async (args) => {
            const view = await ctx.api(args).call(API.checkPolicies.show, { params: { group: args.group } });
            if (args.json) return printJson(io, view);
            io.out(policyHeading(view));
            const lines = checkLines(view.policy.checks);
            if (lines.length === 0) io.out('    (no checks: nothing on these PCs raises a fault)');
            for (const line of lines) io.out(`    ${line}`);
          },
        )
        .command(
          'set <group> <file>',
          "replace a group's check policy with the JSON in FILE (admins); online agents get it at once",
          (y) =>
            y
              .positional('group', groupPositional)
              .positional('file', {
                type: 'string',
                demandOption: true,
                describe:
                  'a JSON file like {"checks": [...]} (the "policy" of `helpline checks show GROUP --json`); "-" reads standard input',
              })
              .option('json', jsonOption)
              .example('$0 checks set lab lab-checks.json', ''),
          async (args) => {
            const policy = await readPolicyFile(args.file);
            const view = await ctx
              .api(args)
              .call(API.checkPolicies.set, { params: { group: args.group }, body: policy });
            if (args.json) return printJson(io, view);
            io.out(
              `Group ${clean(view.group)} now runs its own check policy (${checkCount(view.policy)}); online agents of the group have it now.`,
            );
          },
        )
        .command(
          'reset <group>',
          'send a group back to the default check policy (admins)',
          (y) => y.positional('group', groupPositional).option('json', jsonOption),
          async (args) => {
            const view = await ctx.api(args).call(API.checkPolicies.reset, { params: { group: args.group } });
            if (args.json) return printJson(io, view);
            io.out(`Group ${clean(view.group)} runs the default check policy again.`);
          },
        )
        .demandCommand(1, 'name a checks command: list, show, set or reset'),
  );
}
