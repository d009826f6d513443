// Devices as people name them on the command line: by id (dev_...) or by name, the PC's own.
// Every command that takes a device takes either, through here.
import type { ApiClient } from '../../protocol/api/client.js';
import type { DeviceView } from '../../protocol/api/devices.js';
import { API } from '../../protocol/api/routes/index.js';
import { DEVICE_ID_PATTERN } from '../../protocol/messages/common.js';
import { clean } from './output.js';

const DEVICE_ID = new RegExp(DEVICE_ID_PATTERN);

/** The positional of a command that takes one device. */
export const devicePositional = {
  type: 'string',
  demandOption: true,
  describe: 'device id (dev_...) or name (see `helpline devices list`)',
} as const;

/** Text shaped like a device id is an id, never a name. */
export const isDeviceId = (text: string): boolean => DEVICE_ID.test(text);

/** A device as typed: its id, and the device itself when a name was looked up (null for an id). */
export interface DeviceRef {
  id: string;
  listed: DeviceView | null;
}

/**
 * The devices typed, in order. An id is taken as it is, without asking the server first: the
 * route it goes to says when there is no such device, and the jobs and recordings of a device
 * removed since stay reachable by its id. A name is looked up, exact first, then ignoring case (as
 * PC names are); a name that fits several devices is refused with their ids.
 */
export async function deviceRefsFor(client: ApiClient, typed: readonly string[]): Promise<DeviceRef[]> {
  const names = typed.filter((text) => !isDeviceId(text));
  const devices = names.length === 0 ? [] : await client.call(API.devices.list);
  return typed.map((text) => {
    if (isDeviceId(text)) return { id: text, listed: null };
    let named = devices.filter((device) => device.name === text);
    if (named.length === 0) named = devices.filter((device) => device.name.toLowerCase() === text.toLowerCase());
    if (named.length === 1) return { id: named[0]!.id, listed: named[0]! };
    if (named.length === 0)
      throw new Error(`no device has the id or name "${clean(text)}" (see \`helpline devices list\`)`);
    const matching = named.map((device) => clean(device.id)).join(', ');
    throw new Error(`${named.length} devices are named "${clean(text)}": ${matching}; give the id instead`);
  });
}

/** One device named by id or name (see deviceRefsFor). */
export async function deviceRefFor(client: ApiClient, typed: string): Promise<DeviceRef> {
  const [ref] = await deviceRefsFor(client, [typed]);
  return ref!;
}

/** Device ids for what was typed, each once (see deviceRefsFor). */
export async function deviceIdsFor(client: ApiClient, typed: readonly string[]): Promise<string[]> {
  return [...new Set((await deviceRefsFor(client, typed)).map((ref) => ref.id))];
}

/** The id of one device named by id or name (see deviceRefsFor). */
export async function deviceIdFor(client: ApiClient, typed: string): Promise<string> {
  return (await deviceRefFor(client, typed)).id;
}

/** The device itself: as the list gave it when it was named, else asked for by its id. */
export async function deviceOf(client: ApiClient, ref: DeviceRef): Promise<DeviceView> {
  return ref.listed ?? client.call(API.devices.show, { params: { id: ref.id } });
}
