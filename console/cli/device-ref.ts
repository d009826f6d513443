// Devices as people name them on the command line: by id (dev_...) or by name, the PC's own.
// Every command that takes a device takes either, through here.
import type { TString } from 'typebox';
import type { ApiClient } from '../../protocol/api/client.js';
import { API } from '../../protocol/api/routes/index.js';
import { DeviceId } from '../../protocol/messages/common.js';
import { clean } from './output.js';

// The id schema's own pattern: the schema object carries it, its static type does not.
const DEVICE_ID = new RegExp((DeviceId as TString & { pattern: string }).pattern);

/** The positional of a command that takes one device. */
export const devicePositional = {
  type: 'string',
  demandOption: true,
  describe: 'device id (dev_...) or name (see `helpline devices list`)',
} as const;

/** Text shaped like a device id is an id, never a name. */
export const isDeviceId = (text: string): boolean => DEVICE_ID.test(text);

/**
 * Device ids for what was typed. An id is taken as it is, without asking the server first: the
 * route it goes to says when there is no such device, and the jobs and recordings of a device
 * removed since stay reachable by its id. A name is looked up, exact first, then ignoring case (as
 * PC names are); a name that fits several devices is refused with their ids.
 */
export async function deviceIdsFor(client: ApiClient, typed: readonly string[]): Promise<string[]> {
  const names = typed.filter((text) => !isDeviceId(text));
  const devices = names.length === 0 ? [] : await client.call(API.devices.list);
  const ids = typed.map((text) => {
    if (isDeviceId(text)) return text;
    let named = devices.filter((device) => device.name === text);
    if (named.length === 0) named = devices.filter((device) => device.name.toLowerCase() === text.toLowerCase());
    if (named.length === 1) return named[0]!.id;
    if (named.length === 0)
      throw new Error(`no device has the id or name "${clean(text)}" (see \`helpline devices list\`)`);
    const matching = named.map((device) => clean(device.id)).join(', ');
    throw new Error(`${named.length} devices are named "${clean(text)}": ${matching}; give the id instead`);
  });
  return [...new Set(ids)];
}

/** The id of one device named by id or name (see deviceIdsFor). */
export async function deviceIdFor(client: ApiClient, typed: string): Promise<string> {
  const [id] = await deviceIdsFor(client, [typed]);
  return id!;
}
