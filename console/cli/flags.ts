// Flag and argument values that yargs cannot check by itself, parsed so the error quotes what was
// typed; long texts may come from standard input.
import { formatDuration, parseDuration } from '../../protocol/duration.js';
import { UsageError } from './errors.js';
import { clean } from './output.js';

const MIN_TTL_MS = 60_000;
const MAX_TTL_MS = 90 * 86_400_000;

/** --ttl as the API wants it (whole seconds), with the limits said in the user's own terms. */
export function ttlSeconds(text: string): number {
  const ms = parseDuration(text);
  if (ms === null) throw new UsageError(`--ttl takes a duration like 30m, 12h or 7d, not "${text}"`);
  if (ms < MIN_TTL_MS || ms > MAX_TTL_MS)
    throw new UsageError(
      `--ttl must be between ${formatDuration(MIN_TTL_MS)} and ${formatDuration(MAX_TTL_MS)}, not ${text}`,
    );
  return Math.ceil(ms / 1000);
}

/** A count flag, taken as text so the error can quote what was typed. */
export function positiveInteger(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = /^\s*\d+\s*$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(value) || value < 1)
    throw new UsageError(`${flag} takes a whole number of 1 or more, not "${text}"`);
  return value;
}

/** The positional of a command that takes one ticket; ticketId reads it. */
export const ticketIdPositional = {
  type: 'string',
  demandOption: true,
  describe: 'ticket number, like 12 or #12 (see `helpline tickets list`)',
} as const;

/** A ticket id as typed: "12" or "#12". */
export function ticketId(text: string): number {
  const value = /^\s*#?\d+\s*$/.test(text) ? Number(text.trim().replace(/^#/, '')) : NaN;
  if (!Number.isSafeInteger(value) || value < 1)
    throw new UsageError(`a ticket id is a number like 12 or #12, not "${clean(text)}"`);
  return value;
}

/**
 * A lone "-" means "read standard input", but yargs turns it into "" (yargs/yargs#1312), so
 * buildCli hands it to yargs as STDIN_ARG: textValue reads standard input for either, and usage
 * messages show "-" again.
 */
export const STDIN_ARG = '/dev/stdin';
export const protectDash = (argv: readonly string[]): string[] => argv.map((arg) => (arg === '-' ? STDIN_ARG : arg));
export const showDash = (text: string): string => text.replaceAll(STDIN_ARG, '-');

/**
 * Everything on standard input, read as a stream: opening /dev/stdin fails (ENXIO) when standard
 * input is a socket, which is what a parent process often hands over.
 */
export async function readStandardInput(stdin: AsyncIterable<string | Buffer> = process.stdin): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}

/** A text argument (reply, note, reason, ...) as typed, or standard input when given as "-". */
export async function textValue(
  name: string,
  value: string,
  stdin: AsyncIterable<string | Buffer> = process.stdin,
): Promise<string> {
  const fromStdin = value === '-' || value === STDIN_ARG;
  let text = value;
  if (fromStdin) text = (await readStandardInput(stdin)).toString('utf8').replace(/(\r?\n)+$/, '');
  if (text.trim() === '')
    throw new UsageError(fromStdin ? `${name} was "-", but standard input was empty` : `${name} is empty`);
  return text;
}
