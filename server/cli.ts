// `helpline-server`: init and start. Parsing and wiring only; the work is in data-dir.ts and build-server.ts.
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { HELPLINE_VERSION } from '../protocol/version.js';
import { buildServer } from './build-server.js';
import { loadServerConfig } from './config.js';
import { initDataDir } from './data-dir.js';
import { resetPasswordOffline } from './offline-admin.js';

export function buildServerCli(argv: string[], env: Record<string, string | undefined>) {
  return yargs(argv)
    .scriptName('helpline-server')
    .version(HELPLINE_VERSION)
    .strict()
    .demandCommand(1, 'name a command: init, start or reset-password')
    .command(
      'init',
      'create a data directory: database, channel and job signing keys, first admin user',
      (y) =>
        y
          .option('data', { type: 'string', demandOption: true, describe: 'data directory to create' })
          .option('admin-password', {
            type: 'string',
            describe: 'password for the user "admin" (generated when omitted)',
          })
          .option('json', { type: 'boolean', default: false, describe: 'print the result as JSON' }),
      async (args) => {
        const result = await initDataDir(args.data, { adminPassword: args.adminPassword });
        if (args.json) {
          console.log(
            JSON.stringify({
              dataDir: args.data,
              adminUser: 'admin',
              adminPassword: result.generated ? result.adminPassword : undefined,
              serverKey: result.channelPublicKey,
            }),
          );
          return;
        }
        console.log(`Initialised ${args.data}`);
        console.log(`  server key: ${result.channelPublicKey}`);
        if (result.generated)
          console.log(`  admin user: admin  password: ${result.adminPassword}   (shown once; keep it safe)`);
        else console.log('  admin user: admin  (password as given)');
      },
    )
    .command(
      'reset-password',
      'give a user a new generated password, with access to the data directory (for a lost admin password)',
      (y) =>
        y
          .option('data', { type: 'string', demandOption: true, describe: 'data directory made by init' })
          .option('user', { type: 'string', default: 'admin', describe: 'whose password to reset' }),
      async (args) => {
        const password = await resetPasswordOffline(args.data, args.user);
        console.log(`New password for ${args.user}: ${password}   (shown once; their earlier logins are signed out)`);
      },
    )
    .command(
      'start',
      'run the server until SIGTERM or SIGINT',
      (y) =>
        y
          .option('data', { type: 'string', demandOption: true, describe: 'data directory made by init' })
          .option('host', { type: 'string', describe: 'address to listen on (default 127.0.0.1)' })
          .option('port', { type: 'number', describe: 'port to listen on (default 8080; 0 picks a free one)' })
          .option('public-url', {
            type: 'string',
            describe: 'URL agents use to reach this server (put into enrollment tokens)',
          })
          .option('tls-cert', { type: 'string', describe: 'PEM certificate file: serve HTTPS and wss' })
          .option('tls-key', { type: 'string', describe: 'PEM private key file for --tls-cert' })
          .option('log-level', { type: 'string', describe: 'fatal, error, warn, info, debug, trace or silent' })
          .check((args) => {
            if (Boolean(args.tlsCert) !== Boolean(args.tlsKey)) throw new Error('--tls-cert and --tls-key go together');
            return true;
          }),
      async (args) => {
        const config = loadServerConfig(
          {
            dataDir: args.data,
            host: args.host,
            port: args.port,
            publicUrl: args.publicUrl,
            tlsCert: args.tlsCert,
            tlsKey: args.tlsKey,
            logLevel: args.logLevel,
          },
          env,
        );
        const server = await buildServer(config);
        const url = await server.listen();
        console.log(`Helpline server ${HELPLINE_VERSION} listening on ${url}`);
        const stop = async (signal: string) => {
          console.log(`${signal} received; shutting down`);
          await server.close();
          process.exit(0);
        };
        process.once('SIGTERM', () => void stop('SIGTERM'));
        process.once('SIGINT', () => void stop('SIGINT'));
      },
    )
    .fail((message, error, y) => {
      if (error) console.error(`helpline-server: ${error.message}`);
      else {
        console.error(`helpline-server: ${message}`);
        console.error(`run 'helpline-server --help' for usage`);
      }
      void y;
      process.exit(2);
    })
    .help();
}

export async function runServerCli(argv = hideBin(process.argv), env = process.env): Promise<void> {
  await buildServerCli(argv, env).parseAsync();
}
