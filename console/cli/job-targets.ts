// What `helpline run` and `helpline schedules add` share: devices named by id or by name, and
// script arguments typed as --arg NAME=VALUE.
import type { DeviceView } from '../../protocol/api/devices.js';
import { SCRIPT_PARAM_NAME_PATTERN } from '../../protocol/script-header.js';
import type { ApiClient } from './api-client.js';
import { UsageError } from './errors.js';
import { clean } from './output.js';

/**
 * Device ids for what was typed after --on: a device id, or a device name (exact first, then
 * ignoring case, as PC names are). A name that fits several devices is refused with their ids.
 */
export async function resolveDevices(client: ApiClient, wanted: readonly string[]): Promise<string[]> {
  const devices = await client.get<DeviceView[]>('/api/devices');
  const ids = wanted.map((text) => {
    const byId = devices.find((device) => device.id === text);
    if (byId) return byId.id;
    let named = devices.filter((device) => device.name === text);
    if (named.length === 0) named = devices.filter((device) => device.name.toLowerCase() === text.toLowerCase());
    if (named.length === 1) return named[0]!.id;
    if (named.length === 0) throw new Error(`no device has the id or name "${clean(text)}" (see \`helpline devices list\`)`);
    throw new Error(`${named.length} devices are named "${clean(text)}": ${named.map((device) => clean(device.id)).join(', ')}; give the id instead`);
  });
  return [...new Set(ids)];
}

/** --arg NAME=VALUE (repeatable), split at the first "="; the value is taken literally. */
export function parseJobArgs(given: readonly string[] | undefined): Record<string, string> | undefined {
  if (given === undefined || given.length === 0) return undefined;
  const args: Record<string, string> = {};
  for (const text of given) {
    const at = text.indexOf('=');
    const name = at < 0 ? '' : text.slice(0, at);
    if (at < 0 || name === '') throw new UsageError(`--arg takes NAME=VALUE, like --arg days=7, not "${clean(text)}"`);
    if (!SCRIPT_PARAM_NAME_PATTERN.test(name)) throw new UsageError(`--arg ${clean(name)}: a parameter name is lower case letters, digits and "_", starting with a letter`);
    if (Object.hasOwn(args, name)) throw new UsageError(`--arg ${clean(name)} is given twice`);
    args[name] = text.slice(at + 1);
  }
  return args;
}

/** yargs hands a repeated string option over as an array; a single one as a string. */
export function listOf(value: string | readonly string[] | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  return (typeof value === 'string' ? [value] : [...value]).map(String);
}
