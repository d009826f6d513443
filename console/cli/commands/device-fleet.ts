// `helpline device tag ID add|remove TAG...` and `helpline device move ID GROUP`: labels besides the
// group, and moving a PC to another group (whose check and shell policies then apply). Added to the
// `device` group by devices.ts; both changes are audited by the server.
import type { Argv } from 'yargs';
import { TAG_MAX_LENGTH, TAG_PATTERN } from '../../../protocol/api/fleet.js';
import { API } from '../../../protocol/api/routes/index.js';
import type { CliContext, GlobalArgs } from '../context.js';
import { deviceIdFor, devicePositional } from '../device-ref.js';
import { UsageError } from '../errors.js';
import { clean, jsonOption, printJson } from '../output.js';

const TAG_OPERATIONS = ['add', 'remove'] as const;
const TAG = new RegExp(TAG_PATTERN, 'u');

/** The tags typed, each once; refused before asking the server when one cannot be a tag. */
function tagsTyped(typed: readonly unknown[]): string[] {
  const tags = [...new Set(typed.map(String))];
  for (const tag of tags)
    if (!TAG.test(tag) || tag.length > TAG_MAX_LENGTH)
      throw new UsageError(
        `"${clean(tag)}" is not a tag: letters and digits, then also . _ - (no spaces), at most ${TAG_MAX_LENGTH}`,
      );
  return tags;
}

/** "kiosk, floor-2", or "no tags". */
export const tagsText = (tags: readonly string[]): string => (tags.length === 0 ? 'no tags' : tags.join(', '));

export function addDeviceFleetCommands(group: Argv<GlobalArgs>, ctx: CliContext): Argv<GlobalArgs> {
  const { io } = ctx;
  return group
    .command(
      'tag <id> <operation> <tags..>',
      'add tags to a device or remove them (tags compare ignoring case; the first spelling is kept)',
      (y) =>
        y
          .positional('id', devicePositional)
          .positional('operation', { choices: TAG_OPERATIONS, demandOption: true, describe: 'add or remove' })
          .positional('tags', {
            type: 'string',
            array: true,
            demandOption: true,
            describe: 'one or more tags: letters, digits, . _ - (at most 40 characters)',
          })
          .option('json', jsonOption)
          .example('$0 device tag PC-042 add kiosk floor-2', '')
          .example('$0 device tag PC-042 remove kiosk', ''),
      async (args) => {
        const tags = tagsTyped(args.tags);
        const api = ctx.api(args);
        const body = args.operation === 'add' ? { add: tags } : { remove: tags };
        const row = await api.call(API.fleet.tag, { params: { id: await deviceIdFor(api, args.id) }, body });
        if (args.json) return printJson(io, row);
        io.out(`${clean(row.device.name)} (${row.device.id}) has ${clean(tagsText(row.tags))}.`);
      },
    )
    .command(
      'move <id> <group>',
      "move a device to another group (admins); the group's check and shell policies apply from then on",
      (y) =>
        y
          .positional('id', devicePositional)
          .positional('group', {
            type: 'string',
            demandOption: true,
            describe: 'the group to move it to (made if it is new)',
          })
          .option('json', jsonOption),
      async (args) => {
        const api = ctx.api(args);
        const params = { id: await deviceIdFor(api, args.id) };
        const device = await api.call(API.fleet.move, { params, body: { group: args.group } });
        if (args.json) return printJson(io, device);
        io.out(`Moved ${clean(device.name)} (${device.id}) to group ${clean(device.group)}.`);
      },
    );
}
