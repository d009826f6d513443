// `helpline-agent consent list|accept|deny`: the employee's answer to a remote shell request
// (until the tray app asks them itself). Without an answer within 60 s the request is refused.
// consent.js is loaded when a consent command runs, not when the agent's CLI starts.
import type { Argv } from 'yargs';
import { clean, type CliIo } from '../../protocol/cli-output.js';

const when = (ms: number) => new Date(ms).toISOString().replace('T', ' ').slice(0, 19);

export function consentCommands<T>(y: Argv<T>, withState: <U>(y: Argv<U>) => Argv<U & { state: string }>, io: CliIo) {
  return y.command('consent', 'answer a request for a remote shell on this PC: list, accept ID, deny ID', (group) =>
    group
      .command(
        'list',
        'requests waiting for your answer',
        (c) => withState(c).option('json', { type: 'boolean', default: false, describe: 'print as JSON' }),
        async (args) => {
          const { pendingConsents } = await import('./consent.js');
          const pending = pendingConsents(args.state);
          if (args.json) return io.out(JSON.stringify(pending));
          if (pending.length === 0) return io.out('No remote shell is waiting for your answer.');
          for (const request of pending) {
            const since = when(request.requestedAt);
            // Names from the server are cleaned: they must not drive this terminal.
            const who = clean(request.technician);
            io.out(`${clean(request.sessionId)}  ${who} asks to open ${clean(request.what)} (since ${since})`);
          }
        },
      )
      .command(
        ['accept <id>', 'deny <id>'],
        'accept or refuse a request',
        (c) =>
          withState(c).positional('id', {
            type: 'string',
            demandOption: true,
            describe: 'the request id from `consent list`',
          }),
        async (args) => {
          const accept = args._.includes('accept');
          const { answerConsent } = await import('./consent.js');
          if (!answerConsent(args.state, args.id, accept)) {
            throw new Error(`no remote shell request ${args.id} is waiting (see helpline-agent consent list)`);
          }
          const accepted = 'Accepted: the technician can now use a shell on this PC.';
          io.out(accept ? accepted : 'Refused: no shell will be opened.');
        },
      )
      .demandCommand(1, 'name a consent command: list, accept or deny'),
  );
}
