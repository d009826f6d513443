// `helpline software find`: which PCs have a program installed, across all devices.
import type { Argv } from 'yargs';
import type { SoftwareView } from '../../../protocol/api/inventory.js';
import { API } from '../../../protocol/api/routes/index.js';
import type { CliContext, GlobalArgs } from '../context.js';
import { clean, jsonOption, printJson, printTable } from '../output.js';

export function registerSoftwareCommands(cli: Argv<GlobalArgs>, ctx: CliContext): Argv<GlobalArgs> {
  const { io } = ctx;
  return cli.command('software', 'find installed software across devices', (group) =>
    group
      .command(
        'find <name>',
        'devices with software whose name contains NAME',
        (y) =>
          y
            // --version here is the package version, not the CLI's own.
            .version(false)
            .positional('name', {
              type: 'string',
              demandOption: true,
              describe: 'part of the package name, e.g. "firefox"',
            })
            .option('version', { type: 'string', describe: 'only this exact version' })
            .option('json', jsonOption),
        async (args) => {
          const query = { name: args.name, version: args.version };
          const found = await ctx.api(args).call(API.inventory.findSoftware, { query });
          if (args.json) return printJson(io, found);
          if (found.length === 0) {
            const version = args.version === undefined ? '' : ` at version ${clean(args.version)}`;
            return io.out(`No device has software whose name contains "${clean(args.name)}"${version}.`);
          }
          printTable(
            io,
            [
              { header: 'DEVICE', value: (s: SoftwareView) => s.deviceName },
              { header: 'DEVICE ID', value: (s) => s.deviceId },
              { header: 'NAME', value: (s) => s.name },
              { header: 'VERSION', value: (s) => s.version },
              { header: 'SOURCE', value: (s) => s.source },
            ],
            found,
          );
        },
      )
      .demandCommand(1, 'name a software command: find'),
  );
}
