// What `helpline run` and `helpline schedules add` share: script arguments typed as --arg
// NAME=VALUE, and repeatable flags. (Devices by id or name: device-ref.ts.)
import { SCRIPT_PARAM_NAME_PATTERN } from '../../protocol/script-header.js';
import { UsageError } from './errors.js';
import { clean } from './output.js';

/** --arg NAME=VALUE (repeatable), split at the first "="; the value is taken literally. */
export function parseJobArgs(given: readonly string[] | undefined): Record<string, string> | undefined {
  if (given === undefined || given.length === 0) return undefined;
  const args: Record<string, string> = {};
  for (const text of given) {
    const at = text.indexOf('=');
    const name = at < 0 ? '' : text.slice(0, at);
    if (at < 0 || name === '') throw new UsageError(`--arg takes NAME=VALUE, like --arg days=7, not "${clean(text)}"`);
    if (!SCRIPT_PARAM_NAME_PATTERN.test(name))
      throw new UsageError(
        `--arg ${clean(name)}: a parameter name is lower case letters, digits and "_", starting with a letter`,
      );
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
