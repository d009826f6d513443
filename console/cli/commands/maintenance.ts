// `helpline maintenance start|list|end`: put a device or a group in maintenance for a while.
// Faults its PCs raise meanwhile are recorded but open no ticket and notify nobody.
import type { Argv } from 'yargs';
import type { ApiClient } from '../../../protocol/api/client.js';
import {
  MAINTENANCE_REASON_MAX,
  parseMaintenanceDuration,
  type MaintenanceView,
} from '../../../protocol/api/maintenance.js';
import { API } from '../../../protocol/api/routes/index.js';
import type { CliContext, GlobalArgs } from '../context.js';
import { deviceIdFor } from '../device-ref.js';
import { UsageError } from '../errors.js';
import { clean, jsonOption, localTime, printJson, printTable } from '../output.js';

const target = (window: MaintenanceView): string =>
  window.target.kind === 'device'
    ? `device ${window.target.deviceName ?? window.target.value}`
    : `group ${window.target.value}`;
const said = (window: MaintenanceView) => `#${window.id} (${clean(target(window))})`;

/** --on or --group, exactly one of them. */
function oneTarget(args: { on?: string; group?: string }, verb: string): void {
  if ((args.on === undefined) === (args.group === undefined))
    throw new UsageError(`name what to ${verb}: --on DEVICE or --group NAME (one of them, not both)`);
}

/** A window id as typed: "3" or "#3". */
function windowId(text: string): number {
  const value = /^\s*#?\d+\s*$/.test(text) ? Number(text.trim().replace(/^#/, '')) : NaN;
  if (!Number.isSafeInteger(value) || value < 1)
    throw new UsageError(`a maintenance id is a number like 3 or #3, not "${clean(text)}"`);
  return value;
}

/** The windows `end --on D` or `end --group G` means: the target's own, in force now. */
async function windowsOf(api: ApiClient, args: { on?: string; group?: string }): Promise<MaintenanceView[]> {
  if (args.group !== undefined) {
    const windows = await api.call(API.maintenance.list, { query: { group: args.group } });
    if (windows.length === 0) throw new Error(`group ${clean(args.group)} is not in maintenance`);
    return windows;
  }
  const deviceId = await deviceIdFor(api, args.on ?? '');
  const covering = await api.call(API.maintenance.list, { query: { deviceId } });
  const own = covering.filter((window) => window.target.kind === 'device');
  if (own.length > 0) return own;
  const group = covering.find((window) => window.target.kind === 'group');
  if (group)
    throw new Error(
      `${clean(args.on ?? '')} is in maintenance through group ${clean(group.target.value)} (#${group.id}); end that with \`helpline maintenance end --group ${clean(group.target.value)}\``,
    );
  throw new Error(`${clean(args.on ?? '')} is not in maintenance`);
}

export function registerMaintenanceCommands(cli: Argv<GlobalArgs>, ctx: CliContext): Argv<GlobalArgs> {
  const { io } = ctx;
  return cli.command('maintenance', 'put a device or a group in maintenance: no fault tickets meanwhile', (group) =>
    group
      .command(
        'start',
        'put a device or a group in maintenance for a while (faults are recorded, open no ticket, notify nobody)',
        (y) =>
          y
            .option('on', { type: 'string', describe: 'the device (id or name)' })
            .option('group', { type: 'string', describe: 'every device of this group' })
            .option('for', {
              type: 'string',
              demandOption: true,
              describe: 'how long, like 30m, 2h or 1d (30 days at most)',
            })
            .option('reason', { type: 'string', describe: 'why, for the others who see it' })
            .option('json', jsonOption)
            .example('$0 maintenance start --on front-desk --for 2h --reason "replacing the disk"', ''),
        async (args) => {
          oneTarget(args, 'put in maintenance');
          const duration = parseMaintenanceDuration(args.for);
          if ('problem' in duration) throw new UsageError(`--for: ${duration.problem}`);
          if (args.reason !== undefined && args.reason.length > MAINTENANCE_REASON_MAX)
            throw new UsageError(`--reason is ${MAINTENANCE_REASON_MAX} characters at most`);
          const api = ctx.api(args);
          const body =
            args.on !== undefined
              ? { deviceId: await deviceIdFor(api, args.on), for: args.for, reason: args.reason }
              : { group: args.group, for: args.for, reason: args.reason };
          const window = await api.call(API.maintenance.start, { body });
          if (args.json) return printJson(io, window);
          io.out(
            `Started maintenance ${said(window)} until ${localTime(window.endsAt)}; its faults open no tickets until then.`,
          );
        },
      )
      .command(
        'list',
        'maintenance in force: device or group, until when, why, and who started it',
        (y) => y.option('json', jsonOption),
        async (args) => {
          const windows = await ctx.api(args).call(API.maintenance.list, { query: {} });
          if (args.json) return printJson(io, windows);
          if (windows.length === 0) return io.out('Nothing is in maintenance.');
          printTable(
            io,
            [
              { header: 'ID', value: (w: MaintenanceView) => `#${w.id}` },
              { header: 'TARGET', value: (w) => target(w) },
              { header: 'UNTIL', value: (w) => localTime(w.endsAt) },
              { header: 'REASON', value: (w) => w.reason },
              { header: 'BY', value: (w) => w.startedBy },
              { header: 'FAULTS', value: (w) => String(w.faults) },
            ],
            windows,
          );
        },
      )
      .command(
        'end [id]',
        'end maintenance now: by its id, or that of a device (--on) or a group (--group)',
        (y) =>
          y
            .positional('id', { type: 'string', describe: 'maintenance id, like 3 (see `helpline maintenance list`)' })
            .option('on', { type: 'string', describe: 'the device (id or name) whose maintenance to end' })
            .option('group', { type: 'string', describe: 'the group whose maintenance to end' })
            .option('json', jsonOption),
        async (args) => {
          const named = [args.id, args.on, args.group].filter((given) => given !== undefined).length;
          if (named !== 1)
            throw new UsageError('name the maintenance to end: its id, --on DEVICE or --group NAME (one of them)');
          const api = ctx.api(args);
          const ids = args.id !== undefined ? [windowId(args.id)] : (await windowsOf(api, args)).map((w) => w.id);
          const ended: MaintenanceView[] = [];
          for (const id of ids) ended.push(await api.call(API.maintenance.end, { params: { id } }));
          if (args.json) return printJson(io, args.id !== undefined ? ended[0] : ended);
          for (const window of ended)
            io.out(
              `Ended maintenance ${said(window)}; ${window.faults} fault(s) were recorded during it. New faults open tickets again.`,
            );
        },
      )
      .demandCommand(1, 'name a maintenance command: start, list or end'),
  );
}
