// `helpline report kpi`: help-desk KPIs over whole days, as a table, JSON or CSV.
import type { Argv } from 'yargs';
import {
  REPORT_GROUP_BYS,
  checkReportRange,
  groupLabel,
  kpiReportCsv,
  type KpiFigures,
  type KpiReport,
  type ReportGroupBy,
  type TimerFigures,
} from '../../../protocol/api/reports.js';
import { API } from '../../../protocol/api/routes/index.js';
import type { CliContext, GlobalArgs } from '../context.js';
import { UsageError } from '../errors.js';
import { jsonOption, printJson, printTable, type Column } from '../output.js';

/** "45m", "9h 05m": business hours are not 24-hour days, so hours are never rolled into days. */
export function minutesText(minutes: number | null): string {
  if (minutes === null) return '-';
  const whole = Math.round(minutes);
  if (whole < 60) return `${whole}m`;
  return `${Math.floor(whole / 60)}h ${String(whole % 60).padStart(2, '0')}m`;
}

const spreadText = (spread: { median: number | null; p90: number | null }) =>
  spread.median === null ? '-' : `${minutesText(spread.median)} / ${minutesText(spread.p90)}`;
const shareText = (timer: TimerFigures) =>
  timer.withinSlaShare === null ? '-' : `${Math.round(timer.withinSlaShare * 100)}% of ${timer.count}`;

/** Typed as the whole set, so that yargs gives --by the type of its choices. */
const DEFAULT_GROUP_BY: ReportGroupBy = 'line';

type Row = { label: string; figures: KpiFigures };

const COLUMNS: Array<Column<Row>> = [
  { header: 'GROUP', value: (row) => row.label },
  { header: 'OPENED', value: (row) => row.figures.opened },
  { header: 'RESOLVED', value: (row) => row.figures.resolved },
  { header: 'CLOSED', value: (row) => row.figures.closed },
  { header: 'BACKLOG', value: (row) => row.figures.backlog },
  { header: 'RESPONSE MED/P90', value: (row) => spreadText(row.figures.firstResponse.businessMinutes) },
  { header: '(WALL)', value: (row) => spreadText(row.figures.firstResponse.wallClockMinutes) },
  { header: 'RESPONSE SLA', value: (row) => shareText(row.figures.firstResponse) },
  { header: 'RESOLUTION MED/P90', value: (row) => spreadText(row.figures.resolution.businessMinutes) },
  { header: '(WALL)', value: (row) => spreadText(row.figures.resolution.wallClockMinutes) },
  { header: 'RESOLUTION SLA', value: (row) => shareText(row.figures.resolution) },
  {
    header: 'SATISFACTION',
    value: (row) =>
      row.figures.satisfaction.average === null
        ? '-'
        : `${row.figures.satisfaction.average.toFixed(2)} (${row.figures.satisfaction.ratings})`,
  },
];

const CSV_ROUTE = `${API.reports.kpiCsv.method} ${API.reports.kpiCsv.path}`;

// Controls other than tab, CR and LF (which CSV may carry inside quotes) could drive the terminal.
const TERMINAL_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/** "75% (3 of 4 resolved)": resolved tickets that never left line 1. */
export function firstLineText(figures: KpiFigures): string {
  const { count, share } = figures.solvedAtFirstLine;
  if (share === null) return 'no tickets were resolved in this range';
  return `${Math.round(share * 100)}% (${count} of ${figures.resolved} resolved)`;
}

/** Ranges up to this many days print one line per day; longer ones leave the days to --json. */
const DAYS_PRINTED = 31;

function printDays(ctx: CliContext, report: KpiReport): void {
  const { io } = ctx;
  if (report.daily.length > DAYS_PRINTED) {
    io.out(`Tickets per day: ${report.daily.length} days; --json gives them (daily, faultTrend).`);
    io.out('');
    return;
  }
  io.out('Tickets per day:');
  printTable(
    io,
    [
      { header: 'DAY', value: (day: KpiReport['daily'][number]) => day.date },
      { header: 'OPENED', value: (day) => day.opened },
      { header: 'RESOLVED', value: (day) => day.resolved },
      { header: 'FAULTS', value: (day) => day.faults },
    ],
    report.daily,
  );
  io.out('');
}

function printReport(ctx: CliContext, report: KpiReport): void {
  const { io } = ctx;
  const { range } = report;
  io.out(
    `Help-desk KPIs ${range.from} to ${range.to} (${range.timeZone}), by ${report.groupBy === 'group' ? 'device group' : report.groupBy}`,
  );
  io.out(
    'Times from opening: business hours of the SLA calendar, (WALL) wall-clock; median / 90th percentile (nearest rank).',
  );
  io.out('');
  const rows: Row[] = report.groups.map((group) => ({ label: groupLabel(report.groupBy, group.key), figures: group }));
  printTable(io, COLUMNS, [...rows, { label: 'TOTAL', figures: report.totals }]);
  io.out('');
  io.out(`Solved at first line: ${firstLineText(report.totals)}`);
  io.out('');
  printDays(ctx, report);
  if (report.topFaultDevices.length === 0) return io.out('No fault tickets were opened in this range.');
  io.out('Most faults by device:');
  printTable(
    io,
    [
      { header: 'DEVICE', value: (d: KpiReport['topFaultDevices'][number]) => d.deviceName },
      { header: 'GROUP', value: (d) => d.group },
      { header: 'FAULTS', value: (d) => d.faults },
    ],
    report.topFaultDevices,
  );
  io.out('');
  io.out('Most faults by category:');
  printTable(
    io,
    [
      { header: 'CATEGORY', value: (c: KpiReport['topFaultCategories'][number]) => c.category },
      { header: 'FAULTS', value: (c) => c.faults },
    ],
    report.topFaultCategories,
  );
}

export function registerReportCommands(cli: Argv<GlobalArgs>, ctx: CliContext): Argv<GlobalArgs> {
  const { io } = ctx;
  return cli.command('report', 'help-desk reports', (group) =>
    group
      .command(
        'kpi',
        'tickets opened, resolved and closed, response and resolution times, SLA shares, satisfaction, backlog and most faults over whole days',
        (y) =>
          y
            .option('from', {
              type: 'string',
              demandOption: true,
              describe: "first day, YYYY-MM-DD (in the SLA calendar's time zone)",
            })
            .option('to', { type: 'string', demandOption: true, describe: 'last day, YYYY-MM-DD, included' })
            .option('by', {
              choices: REPORT_GROUP_BYS,
              default: DEFAULT_GROUP_BY,
              describe:
                'one row per support line, category, assignee, device group or channel (phone, e-mail, chat, portal…)',
            })
            .option('json', jsonOption)
            .option('csv', {
              type: 'boolean',
              default: false,
              describe: `print CSV (RFC 4180), as ${CSV_ROUTE} gives it`,
            })
            .example('$0 report kpi --from 2025-03-01 --to 2025-03-31 --by assignee', 'March, one row per technician'),
        async (args) => {
          if (args.json && args.csv) throw new UsageError('--json and --csv cannot be combined; pick one');
          const checked = checkReportRange(args.from, args.to);
          if (!checked.ok) throw new UsageError(checked.errors.join('; '));
          const query = { from: args.from, to: args.to, groupBy: args.by };
          const report = await ctx.api(args).call(API.reports.kpi, { query });
          if (args.json) return printJson(io, report);
          if (args.csv) return io.out(kpiReportCsv(report).replace(TERMINAL_CONTROL, '?').replace(/\r\n$/, ''));
          printReport(ctx, report);
        },
      )
      .demandCommand(1, 'name a report: kpi'),
  );
}
