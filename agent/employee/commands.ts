// `helpline-agent help | tickets | rate`: what an employee does on the PC. The tray app will call
// the same functions. Each works without the server: requests wait in the outbox, the ticket
// list is the copy the server last sent. What a command needs (the outbox, the ticket cache) is
// loaded when it runs, not when the agent's CLI starts.
import type { Argv } from 'yargs';
import { clean, cleanLines, type CliIo } from '../../protocol/cli-output.js';

const when = (ms: number) => new Date(ms).toISOString().replace('T', ' ').slice(0, 16);

/** Text for the outbox schemas: one printable line for subjects, typed text for details. */
function checkText(flag: string, value: string, max: number, singleLine: boolean): string {
  const text = value.trim();
  if (singleLine && /[\u0000-\u001f\u007f]/.test(text))
    throw new Error(`${flag} must be one line of text without control characters`);
  if (!singleLine && /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text))
    throw new Error(`${flag} must not contain control characters`);
  if (text.length > max) throw new Error(`${flag} is ${text.length} characters long; at most ${max} are allowed`);
  return text;
}

function checkLevel(flag: string, value: number): number {
  if (!Number.isInteger(value) || value < 1 || value > 5)
    throw new Error(`${flag} must be a whole number from 1 to 5, not ${value}`);
  return value;
}

const config = async (stateDir: string, env: Record<string, string | undefined>) =>
  (await import('../config.js')).loadAgentConfig({ stateDir }, env);

export function employeeCommands<T>(
  y: Argv<T>,
  withState: <U>(y: Argv<U>) => Argv<U & { state: string }>,
  env: Record<string, string | undefined>,
  io: CliIo,
) {
  return y
    .command(
      'help <subject>',
      'ask IT for help; the request reaches the help desk now or as soon as the server can be reached',
      (c) =>
        withState(c)
          .positional('subject', { type: 'string', demandOption: true, describe: 'what the problem is, in one line' })
          .option('details', { type: 'string', default: '', describe: 'more about it: what happened, what you tried' })
          .option('urgency', {
            type: 'number',
            default: 3,
            describe: '1 (work has stopped) to 5 (whenever convenient)',
          }),
      async (args) => {
        const subject = checkText('the subject', args.subject, 200, true);
        if (!subject) throw new Error('the subject must not be empty');
        const agentConfig = await config(args.state, env);
        const request = {
          subject,
          details: checkText('--details', args.details, 10_000, false),
          urgency: checkLevel('--urgency', args.urgency),
        };
        const { queueHelpRequest } = await import('./requests.js');
        const seq = queueHelpRequest(agentConfig, request);
        const queued = `Your request "${subject}" is queued (#${seq} on this PC)`;
        io.out(`${queued} and goes to the help desk as soon as the server can be reached.`);
        io.out("See its ticket with 'helpline-agent tickets'.");
      },
    )
    .command(
      'tickets',
      'list your tickets and the help desk replies',
      (c) =>
        withState(c)
          .option('all', {
            type: 'boolean',
            default: false,
            describe: "every account's tickets on this PC (needs access to the state directory)",
          })
          .option('json', { type: 'boolean', default: false, describe: 'print as JSON' }),
      async (args) => {
        const [{ currentOsUser, waitingHelpRequests }, { readEmployeeTickets }] = await Promise.all([
          import('./requests.js'),
          import('./ticket-cache.js'),
        ]);
        const user = currentOsUser();
        const mine = <X extends { osUser: string }>(items: X[]) =>
          args.all ? items : items.filter((item) => item.osUser === user);
        const cached = readEmployeeTickets(args.state);
        const tickets = mine(cached.tickets);
        const waiting = mine(waitingHelpRequests(await config(args.state, env)));
        if (args.json) return io.out(JSON.stringify({ receivedAt: cached.receivedAt, tickets, waiting }));
        // What the server sent (subjects, replies, names) is cleaned: it must not drive this terminal.
        for (const request of waiting)
          io.out(`(waiting to be sent) ${clean(request.subject)} — asked ${when(request.requestedAt)}`);
        for (const ticket of tickets) {
          const opened = when(ticket.createdAt);
          io.out(`#${ticket.id} [${clean(ticket.status)}] ${clean(ticket.subject)} — opened ${opened}`);
          for (const reply of ticket.replies) {
            const body = cleanLines(reply.body).join('\n    ');
            io.out(`    ${when(reply.at)} ${clean(reply.author)}: ${body}`);
          }
          if (ticket.resolution) io.out(`    Resolution: ${cleanLines(ticket.resolution).join('\n')}`);
          if (ticket.status === 'resolved' && ticket.rating === null) {
            io.out(`    How did we do? helpline-agent rate ${ticket.id} 1-5 [--comment TEXT]`);
          }
        }
        if (tickets.length === 0 && waiting.length === 0) io.out('You have no tickets from this PC.');
        if (cached.receivedAt !== null) io.out(`(as of ${when(cached.receivedAt)})`);
      },
    )
    .command(
      'rate <ticket> <rating>',
      'rate how a resolved ticket was handled, from 1 (poor) to 5 (excellent)',
      (c) =>
        withState(c)
          .positional('ticket', { type: 'number', demandOption: true, describe: 'the ticket number' })
          .positional('rating', { type: 'number', demandOption: true, describe: '1 to 5' })
          .option('comment', { type: 'string', default: '', describe: 'anything you want to tell the help desk' }),
      async (args) => {
        if (!Number.isSafeInteger(args.ticket) || args.ticket < 1) {
          throw new Error(`the ticket number must be a positive whole number, not ${args.ticket}`);
        }
        const agentConfig = await config(args.state, env);
        const rating = {
          ticketId: args.ticket,
          rating: checkLevel('the rating', args.rating),
          comment: checkText('--comment', args.comment, 2000, false),
        };
        const { queueRating } = await import('./requests.js');
        queueRating(agentConfig, rating);
        io.out(`Thank you. Your rating of ticket #${args.ticket} is on its way to the help desk.`);
      },
    );
}
