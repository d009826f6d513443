// `helpline device software|changes|health`: what is installed on one PC, what changed on it, and
// how it has been doing. Added to the `device` group by devices.ts.
import type { Argv } from 'yargs';
import { API } from '../../../protocol/api/routes/index.js';
import { parseDuration } from '../../../protocol/duration.js';
import type { SoftwarePackage } from '../../../protocol/messages/inventory-items.js';
import type { CliContext, GlobalArgs } from '../context.js';
import { deviceIdFor, devicePositional } from '../device-ref.js';
import { healthChart } from '../health-chart.js';
import { clean, jsonOption, localTime, printJson, printTable } from '../output.js';

/** --since goes to the server as typed; the server checks it and says what is wrong with it. */
function sinceOption(fallback: string) {
  return {
    type: 'string',
    describe: `how far back: a duration like 24h or 7d, or an ISO date-time (default ${fallback})`,
  } as const;
}

/** "in the last 7d" for a duration, "since 2025-01-31T00:00:00Z" for a date. */
function rangeText(since: string | undefined, fallback: string): string {
  const text = since ?? fallback;
  return parseDuration(text) === null ? `since ${clean(text)}` : `in the last ${clean(text.trim())}`;
}

export function addDeviceInventoryCommands(group: Argv<GlobalArgs>, ctx: CliContext): Argv<GlobalArgs> {
  const { io } = ctx;
  return group
    .command(
      'software <id>',
      'list the software installed on a device',
      (y) => y.positional('id', devicePositional).option('json', jsonOption),
      async (args) => {
        const api = ctx.api(args);
        const packages = await api.call(API.inventory.software, {
          params: { id: await deviceIdFor(api, args.id) },
        });
        if (args.json) return printJson(io, packages);
        if (packages.length === 0) return io.out(`No software reported by ${clean(args.id)} yet.`);
        printTable(
          io,
          [
            { header: 'NAME', value: (p: SoftwarePackage) => p.name },
            { header: 'VERSION', value: (p) => p.version },
            { header: 'SOURCE', value: (p) => p.source },
            { header: 'PUBLISHER', value: (p) => p.publisher },
            { header: 'INSTALLED', value: (p) => p.installedAt },
          ],
          packages,
        );
      },
    )
    .command(
      'changes <id>',
      'what changed in the inventory of a device (hardware, OS, software), newest first',
      (y) => y.positional('id', devicePositional).option('since', sinceOption('7d')).option('json', jsonOption),
      async (args) => {
        const api = ctx.api(args);
        const params = { id: await deviceIdFor(api, args.id) };
        const changes = await api.call(API.inventory.changes, { params, query: { since: args.since } });
        if (args.json) return printJson(io, changes);
        if (changes.length === 0) return io.out(`No changes on ${clean(args.id)} ${rangeText(args.since, '7d')}.`);
        for (const change of changes) io.out(`${localTime(change.at)}  ${clean(change.text)}`);
      },
    )
    .command(
      'health <id>',
      'CPU, memory, disk, temperature, battery and process count over time, as terminal charts',
      (y) => y.positional('id', devicePositional).option('since', sinceOption('24h')).option('json', jsonOption),
      async (args) => {
        const api = ctx.api(args);
        const params = { id: await deviceIdFor(api, args.id) };
        const series = await api.call(API.inventory.health, { params, query: { since: args.since } });
        if (args.json) return printJson(io, series);
        for (const line of healthChart(series)) io.out(line);
      },
    );
}
