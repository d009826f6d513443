// What every bench command does with its flags: strict parsing (an unknown or malformed flag is a
// usage error, exit 2), --help, and checks of whole numbers and seconds that name the flag.
import { parseArgs, type ParseArgsConfig } from 'node:util';

export class UsageError extends Error {}

type FlagOptions = NonNullable<ParseArgsConfig['options']>;
const HELP = { help: { type: 'boolean', default: false } } as const;
type Parsed<O extends FlagOptions> = ReturnType<
  typeof parseArgs<{ args: string[]; options: O & typeof HELP; strict: true; allowPositionals: false }>
>['values'];

/** The flags' values, or 'help' for --help. */
export function parseFlags<const O extends FlagOptions>(argv: string[], options: O): Parsed<O> | 'help' {
  let values: Parsed<O>;
  try {
    values = parseArgs({ args: argv, strict: true, allowPositionals: false, options: { ...options, ...HELP } }).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  return (values as { help?: boolean }).help ? 'help' : values;
}

/** A whole number of at least 1 (the fallback when the flag is absent). */
export function positiveInteger(flag: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < 1) {
    throw new UsageError(`${flag} must be a positive integer, got "${text}"`);
  }
  return value;
}

/** A number of seconds of at least `minimum`; null when the flag is absent. */
export function seconds(flag: string, text: string | undefined, minimum: number): number | null {
  if (text === undefined) return null;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value < minimum) {
    throw new UsageError(`${flag} must be a number of seconds of at least ${minimum}, got "${text}"`);
  }
  return value;
}
