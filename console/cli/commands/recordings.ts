// `helpline recordings list|play`: the server's recordings of remote shells. Playing one writes
// the terminal output as it was recorded, escape sequences and all: it is meant to reproduce
// the terminal, so it is the one place where text from a PC reaches this terminal uncleaned.
import type { Argv } from 'yargs';
import { API } from '../../../protocol/api/routes/index.js';
import type { RecordingView } from '../../../protocol/api/shell.js';
import { formatDuration } from '../../../protocol/duration.js';
import { parseCast } from '../../../protocol/asciicast.js';
import { replayCast } from '../asciicast.js';
import type { CliContext, GlobalArgs } from '../context.js';
import { deviceIdFor } from '../device-ref.js';
import { UsageError } from '../errors.js';
import { writeOut } from '../shell-terminal.js';
import { clean, jsonOption, localTime, printJson, printTable, yesNo } from '../output.js';

const formatBytes = (bytes: number): string =>
  bytes < 1024
    ? `${bytes} B`
    : bytes < 1024 * 1024
      ? `${(bytes / 1024).toFixed(1)} KiB`
      : `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

/** "2m" from start to end; "running" while the session is open. */
function duration(recording: RecordingView): string {
  if (recording.endedAt === null) return 'running';
  const ms = Date.parse(recording.endedAt) - Date.parse(recording.startedAt);
  return Number.isNaN(ms) || ms < 0 ? '-' : formatDuration(ms);
}

/** --speed as typed: a number above 0 ("2", "0.5"). */
function parseSpeed(text: string | undefined): number {
  if (text === undefined) return 1;
  const value = /^\s*\d+(\.\d+)?\s*$/.test(text) ? Number(text) : NaN;
  if (!Number.isFinite(value) || value <= 0)
    throw new UsageError(
      `--speed takes a number above 0, like 2 or 0.5, not "${clean(text)}"; --instant prints without waiting`,
    );
  return value;
}

export function registerRecordingCommands(cli: Argv<GlobalArgs>, ctx: CliContext): Argv<GlobalArgs> {
  const { io } = ctx;
  return cli.command(
    ['recordings', 'recording'],
    'recordings of remote shells: list them and play them back',
    (group) =>
      group
        .command(
          'list',
          'recorded shell sessions, newest first',
          (y) =>
            y
              .option('device', { type: 'string', describe: 'only the sessions on this device (id or name)' })
              .option('json', jsonOption),
          async (args) => {
            const api = ctx.api(args);
            // An id is taken as is (see deviceIdsFor), so recordings of a device removed since are still listed.
            const deviceId = args.device === undefined ? undefined : await deviceIdFor(api, args.device);
            const recordings = await api.call(API.recordings.list, { query: { deviceId } });
            if (args.json) return printJson(io, recordings);
            if (recordings.length === 0 && deviceId !== undefined) return io.out('No recordings match.');
            const none = 'No recordings yet; a session opened with `helpline shell DEVICE` is recorded.';
            if (recordings.length === 0) return io.out(none);
            printTable(
              io,
              [
                { header: 'ID', value: (r: RecordingView) => r.id },
                { header: 'DEVICE', value: (r) => r.deviceName ?? r.deviceId },
                { header: 'TECHNICIAN', value: (r) => r.technician },
                { header: 'STARTED', value: (r) => localTime(r.startedAt) },
                { header: 'DURATION', value: (r) => duration(r) },
                { header: 'OUT', value: (r) => formatBytes(r.bytesOut) },
                { header: 'TICKET', value: (r) => (r.ticketId === null ? '-' : `#${r.ticketId}`) },
                { header: 'TRUNCATED', value: (r) => yesNo(r.truncated) },
              ],
              recordings,
            );
          },
        )
        .command(
          'play <id>',
          'play a recording back in this terminal, at its own pace',
          (y) =>
            y
              .positional('id', {
                type: 'string',
                demandOption: true,
                describe: 'recording id, the session id sh_... (see `helpline recordings list`)',
              })
              .option('speed', {
                type: 'string',
                describe: 'play this many times faster (a number above 0; default 1)',
              })
              .option('instant', { type: 'boolean', describe: 'print the whole output at once, without the pauses' })
              .conflicts('instant', 'speed')
              .example('$0 recordings play sh_... --speed 4', 'four times as fast'),
          async (args) => {
            const speed = parseSpeed(args.speed);
            const what = `recording ${clean(args.id)}`;
            const text = await ctx.api(args).call(API.recordings.cast, { params: { id: args.id } });
            const cast = parseCast(text, what);
            await replayCast(cast, {
              speed,
              instant: args.instant === true,
              write: (data) => writeOut(process.stdout, data),
            });
          },
        )
        .demandCommand(1, 'name a recordings command: list or play'),
  );
}
