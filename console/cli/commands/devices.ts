// `helpline device(s) list|show|approve|revoke`: enrolled PCs (software, changes and health: inventory.ts;
// tags and moves: device-fleet.ts).
import type { Argv } from 'yargs';
import type { DeviceView } from '../../../protocol/api/devices.js';
import type { FleetRow } from '../../../protocol/api/fleet.js';
import { API } from '../../../protocol/api/routes/index.js';
import type { CliContext, GlobalArgs } from '../context.js';
import { deviceIdFor, deviceOf, devicePositional, deviceRefFor } from '../device-ref.js';
import { inventoryFields } from '../inventory-summary.js';
import {
  clean,
  jsonOption,
  printFields,
  printJson,
  printTable,
  relativeTime,
  timeWithRelative,
  yesNo,
} from '../output.js';
import { addDeviceFleetCommands } from './device-fleet.js';
import { addDeviceInventoryCommands } from './inventory.js';

export function deviceFields(device: DeviceView): Array<[string, unknown]> {
  return [
    ['id', device.id],
    ['name', device.name],
    ['group', device.group],
    ['status', device.statusReason ? `${device.status} (${device.statusReason})` : device.status],
    ['online', yesNo(device.online)],
    ['last seen', timeWithRelative(device.lastSeenAt)],
    ['agent version', device.agentVersion],
    ['platform', `${device.platform} ${device.osRelease} ${device.arch}`],
    ['key fingerprint', device.fingerprint],
    ['enrolled', timeWithRelative(device.enrolledAt)],
  ];
}

export function registerDeviceCommands(cli: Argv<GlobalArgs>, ctx: CliContext): Argv<GlobalArgs> {
  const { io } = ctx;
  return cli.command(['device', 'devices'], 'list, inspect, tag, move, approve and revoke enrolled PCs', (group) =>
    addDeviceFleetCommands(addDeviceInventoryCommands(group, ctx), ctx)
      .command(
        'list',
        'list enrolled devices with their tags',
        (y) =>
          y
            .option('tag', { type: 'string', describe: 'only the devices with this tag (ignoring case)' })
            .option('json', jsonOption),
        async (args) => {
          const query = args.tag === undefined ? {} : { tag: args.tag };
          const rows = await ctx.api(args).call(API.fleet.list, { query });
          // Each device as `device show --json` gives it, with its tags.
          if (args.json)
            return printJson(
              io,
              rows.map((row) => ({ ...row.device, tags: row.tags })),
            );
          if (rows.length === 0)
            return io.out(
              args.tag === undefined
                ? 'No devices enrolled yet; make a token with `helpline token create`.'
                : `No device has the tag ${clean(args.tag)}.`,
            );
          printTable(
            io,
            [
              { header: 'ID', value: (row: FleetRow) => row.device.id },
              { header: 'NAME', value: (row) => row.device.name },
              { header: 'GROUP', value: (row) => row.device.group },
              { header: 'TAGS', value: (row) => (row.tags.length === 0 ? null : row.tags.join(',')) },
              { header: 'STATUS', value: (row) => row.device.status },
              { header: 'ONLINE', value: (row) => yesNo(row.device.online) },
              { header: 'LAST SEEN', value: (row) => relativeTime(row.device.lastSeenAt) },
              { header: 'AGENT', value: (row) => row.device.agentVersion },
            ],
            rows,
          );
        },
      )
      .command(
        'show <id>',
        'show one device; with --inventory, also its hardware, OS, users, software and services',
        (y) =>
          y
            .positional('id', devicePositional)
            .option('inventory', {
              type: 'boolean',
              default: false,
              describe: 'add a summary of the inventory (JSON: {device, inventory})',
            })
            .option('json', jsonOption),
        async (args) => {
          const api = ctx.api(args);
          // A device named by its name came whole with the list: it is not asked for again.
          const ref = await deviceRefFor(api, args.id);
          if (!args.inventory) {
            const device = await deviceOf(api, ref);
            return args.json ? printJson(io, device) : printFields(io, deviceFields(device));
          }
          const [device, inventory] = await Promise.all([
            deviceOf(api, ref),
            api.call(API.inventory.show, { params: { id: ref.id } }),
          ]);
          if (args.json) return printJson(io, { device, inventory });
          printFields(io, [...deviceFields(device), ...inventoryFields(inventory)]);
        },
      )
      .command(
        'approve <id>',
        'let a pending or denied device connect; compare its key fingerprint with the one on the PC first',
        (y) => y.positional('id', devicePositional).option('json', jsonOption),
        async (args) => {
          const api = ctx.api(args);
          const device = await api.call(API.devices.approve, { params: { id: await deviceIdFor(api, args.id) } });
          if (args.json) return printJson(io, device);
          io.out(`Approved ${device.id} (${device.name}); status ${device.status}.`);
          printFields(io, [['key fingerprint', device.fingerprint]]);
        },
      )
      .command(
        'revoke <id>',
        'disconnect a device now and refuse it from then on',
        (y) =>
          y
            .positional('id', devicePositional)
            .option('reason', { type: 'string', describe: 'why, for the audit log (e.g. "stolen laptop")' })
            .option('json', jsonOption),
        async (args) => {
          const body = args.reason === undefined ? {} : { reason: args.reason };
          const api = ctx.api(args);
          const params = { id: await deviceIdFor(api, args.id) };
          const device = await api.call(API.devices.revoke, { params, body });
          if (args.json) return printJson(io, device);
          io.out(`Revoked ${device.id} (${device.name}); it is disconnected and will be refused from now on.`);
        },
      )
      .demandCommand(1, 'name a device command: list, show, software, changes, health, tag, move, approve or revoke'),
  );
}
