// `helpline schedules add|list|pause|resume|remove`: scripts that run by themselves on a cron
// expression in a time zone, on one device or a group, spread out and kept inside a window.
import type { Argv } from 'yargs';
import { API } from '../../../protocol/api/routes/index.js';
import type { ScheduleRequest, ScheduleView } from '../../../protocol/api/schedules.js';
import { formatDuration, parseDuration } from '../../../protocol/duration.js';
import type { CliContext, GlobalArgs } from '../context.js';
import { deviceIdFor } from '../device-ref.js';
import { UsageError } from '../errors.js';
import { listOf, parseJobArgs } from '../job-targets.js';
import { clean, jsonOption, localTime, printJson, printTable, yesNo } from '../output.js';

const MAX_SPREAD_MS = 24 * 3_600_000;
const idPositional = {
  type: 'string',
  demandOption: true,
  describe: 'schedule number, like 3 or #3 (see `helpline schedules list`)',
} as const;

/** A schedule id as typed: "3" or "#3". */
function scheduleId(text: string): number {
  const value = /^\s*#?\d+\s*$/.test(text) ? Number(text.trim().replace(/^#/, '')) : NaN;
  if (!Number.isSafeInteger(value) || value < 1)
    throw new UsageError(`a schedule id is a number like 3 or #3, not "${clean(text)}"`);
  return value;
}

/** --window 22:00-05:00 (it may cross midnight). */
function windowFlag(text: string | undefined): ScheduleRequest['window'] {
  if (text === undefined) return undefined;
  const match = /^\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$/.exec(text);
  const clock = (hours: string, minutes: string) =>
    Number(hours) <= 23 && Number(minutes) <= 59 ? `${hours.padStart(2, '0')}:${minutes}` : null;
  const start = match && clock(match[1]!, match[2]!);
  const end = match && clock(match[3]!, match[4]!);
  if (!start || !end)
    throw new UsageError(
      `--window takes a daily time window START-END in 24-hour time, like 22:00-05:00, not "${clean(text)}"`,
    );
  if (start === end) throw new UsageError(`--window ${start}-${end} is empty; give different start and end times`);
  return { start, end };
}

function spreadFlag(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const ms = parseDuration(text);
  if (ms === null || ms > MAX_SPREAD_MS)
    throw new UsageError(
      `--spread takes a duration up to ${formatDuration(MAX_SPREAD_MS)}, like 30m or 2h, not "${clean(text)}"`,
    );
  return ms;
}

const target = (schedule: ScheduleView): string => `${schedule.target.kind} ${schedule.target.value}`;
const nextRun = (schedule: ScheduleView): string =>
  schedule.paused ? 'paused' : schedule.nextFireAt === null ? 'none' : localTime(schedule.nextFireAt);
const said = (schedule: ScheduleView): string => `#${schedule.id} ${clean(schedule.name)}`;

export function registerScheduleCommands(cli: Argv<GlobalArgs>, ctx: CliContext): Argv<GlobalArgs> {
  const { io } = ctx;
  const act = (verb: 'pause' | 'resume', done: string) =>
    [
      `${verb} <id>`,
      verb === 'pause'
        ? 'stop a schedule from starting jobs until it is resumed'
        : 'let a paused schedule start jobs again',
      (y: Argv<GlobalArgs>) => y.positional('id', idPositional).option('json', jsonOption),
      async (args: GlobalArgs & { id: string; json: boolean }) => {
        const schedule = await ctx.api(args).call(API.schedules[verb], { params: { id: scheduleId(args.id) } });
        if (args.json) return printJson(io, schedule);
        io.out(`${done} schedule ${said(schedule)}${schedule.paused ? '' : `; next run ${nextRun(schedule)}`}.`);
      },
    ] as const;
  return cli.command(
    ['schedules', 'schedule'],
    'scripts that run by themselves on a schedule: add, list, pause, resume, remove',
    (group) =>
      group
        .command(
          'add <name>',
          'run a script on a device, a group or the devices with a tag on a cron schedule',
          (y) =>
            y
              .positional('name', {
                type: 'string',
                demandOption: true,
                describe: 'a name for the schedule, like nightly-clean',
              })
              .option('script', {
                type: 'string',
                demandOption: true,
                describe: 'script name (see `helpline scripts list`)',
              })
              .option('on', { type: 'string', describe: 'the device (id or name) to run it on' })
              .option('group', { type: 'string', describe: 'run it on every active device of this group' })
              .option('tag', {
                type: 'string',
                describe: 'run it on every active device with this tag when it fires (see `helpline device tag`)',
              })
              .option('cron', {
                type: 'string',
                demandOption: true,
                describe: 'when: five cron fields (minute hour day month weekday), like "0 2 * * *"',
              })
              .option('tz', {
                type: 'string',
                describe: "IANA time zone of the cron expression and window (default: this computer's)",
              })
              .option('spread', {
                type: 'string',
                describe: 'start each device at a random moment within this long, like 30m',
              })
              .option('window', {
                type: 'string',
                describe: 'start nothing outside this daily window, like 22:00-05:00',
              })
              .option('arg', { type: 'string', array: true, describe: 'a parameter as NAME=VALUE (repeatable)' })
              .option('json', jsonOption)
              .example(
                '$0 schedules add nightly-clean --script clean-temp --group office --cron "0 2 * * *" --spread 30m --window 22:00-05:00',
                '',
              ),
          async (args) => {
            if ([args.on, args.group, args.tag].filter((given) => given !== undefined).length !== 1)
              throw new UsageError('name where to run it: --on DEVICE, --group NAME or --tag TAG (one of them)');
            const request: ScheduleRequest = {
              name: args.name,
              script: args.script,
              cron: args.cron,
              timeZone: args.tz ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
              spreadMs: spreadFlag(args.spread),
              window: windowFlag(args.window),
              args: parseJobArgs(listOf(args.arg)),
            };
            const api = ctx.api(args);
            if (args.on !== undefined) request.deviceId = await deviceIdFor(api, args.on);
            else if (args.tag !== undefined) request.tag = args.tag;
            else request.group = args.group;
            const schedule = await api.call(API.schedules.add, { body: request });
            if (args.json) return printJson(io, schedule);
            io.out(
              `Added schedule ${said(schedule)}: ${clean(schedule.script)} on ${clean(target(schedule))}, "${clean(schedule.cron)}" (${clean(schedule.timeZone)}); next run ${nextRun(schedule)}.`,
            );
          },
        )
        .command(
          'list',
          'every schedule, with its next run in local time',
          (y) => y.option('json', jsonOption),
          async (args) => {
            const schedules = await ctx.api(args).call(API.schedules.list);
            if (args.json) return printJson(io, schedules);
            if (schedules.length === 0) return io.out('No schedules yet; add one with `helpline schedules add`.');
            printTable(
              io,
              [
                { header: 'ID', value: (s: ScheduleView) => `#${s.id}` },
                { header: 'NAME', value: (s) => s.name },
                { header: 'SCRIPT', value: (s) => s.script },
                { header: 'TARGET', value: (s) => target(s) },
                { header: 'CRON', value: (s) => s.cron },
                { header: 'ZONE', value: (s) => s.timeZone },
                { header: 'WINDOW', value: (s) => (s.window === null ? null : `${s.window.start}-${s.window.end}`) },
                { header: 'NEXT RUN', value: (s) => (s.nextFireAt === null ? null : localTime(s.nextFireAt)) },
                { header: 'PAUSED', value: (s) => yesNo(s.paused) },
              ],
              schedules,
            );
          },
        )
        .command(...act('pause', 'Paused'))
        .command(...act('resume', 'Resumed'))
        .command(
          'remove <id>',
          'delete a schedule (jobs it already started are kept)',
          (y) => y.positional('id', idPositional).option('json', jsonOption),
          async (args) => {
            const id = scheduleId(args.id);
            const result = await ctx.api(args).call(API.schedules.remove, { params: { id } });
            if (args.json) return printJson(io, result);
            io.out(`Removed schedule #${id}.`);
          },
        )
        .demandCommand(1, 'name a schedules command: add, list, pause, resume or remove'),
  );
}
