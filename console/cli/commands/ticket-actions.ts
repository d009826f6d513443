// `helpline ticket reply|note|assign|start|pending|resolve|close|reopen|escalate|rate`: working on
// one ticket. Each prints one line saying where the ticket stands now (rate: that it was rated);
// the server decides which changes are allowed and says why when one is not. Added to the
// `ticket` group by tickets.ts.
import type { Argv } from 'yargs';
import type { ApiClient } from '../../../protocol/api/client.js';
import { API } from '../../../protocol/api/routes/index.js';
import type { RateRequest, TicketView } from '../../../protocol/api/tickets.js';
import type { CliContext, GlobalArgs } from '../context.js';
import { UsageError } from '../errors.js';
import { textValue, ticketId, ticketIdPositional } from '../flags.js';
import { clean, jsonOption, printJson } from '../output.js';
import { assigneeText, priorityLabel, stateSentence, statusText } from '../ticket-summary.js';

const textPositional = {
  type: 'string',
  demandOption: true,
  describe: 'the text (quote it); "-" reads it from standard input',
} as const;
const userPositional = { type: 'string', demandOption: true, describe: 'user name of a technician or admin' } as const;
const textOption = (what: string) =>
  ({ type: 'string', describe: `${what}; "-" reads it from standard input` }) as const;
const requiredText = (what: string) => ({ ...textOption(what), demandOption: true }) as const;

type ActionArgs = GlobalArgs & { id: string; json: boolean };
/** One action's call; it builds its body itself, after the id was checked (it may read standard input). */
type SendAction = (api: ApiClient, params: { id: number }) => Promise<TicketView>;

/** A rating as typed: a whole number from 1 to 5. */
function ratingValue(text: string): number {
  const value = /^\s*\d+\s*$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(value) || value < 1 || value > 5)
    throw new UsageError(`a rating is a whole number from 1 (poor) to 5 (excellent), not "${clean(text)}"`);
  return value;
}

export function addTicketActionCommands(group: Argv<GlobalArgs>, ctx: CliContext): Argv<GlobalArgs> {
  const { io } = ctx;
  const act = async (args: ActionArgs, send: SendAction, say: (ticket: TicketView) => string) => {
    const params = { id: ticketId(args.id) };
    const ticket = await send(ctx.api(args), params);
    if (args.json) return printJson(io, ticket);
    io.out(say(ticket));
  };
  const state = (ticket: TicketView) => stateSentence(ticket);

  return group
    .command(
      'reply <id> <text>',
      'a public reply to the requester (the first one counts as the first response)',
      (y) => y.positional('id', ticketIdPositional).positional('text', textPositional).option('json', jsonOption),
      (args) =>
        act(
          args,
          async (api, params) => {
            const text = await textValue('TEXT', args.text);
            return api.call(API.tickets.reply, { params, body: { body: text } });
          },
          (t) => `Ticket #${t.id}: public reply added; it is ${statusText(t.status)} (${assigneeText(t)}).`,
        ),
    )
    .command(
      'note <id> <text>',
      'an internal note, for technicians only',
      (y) => y.positional('id', ticketIdPositional).positional('text', textPositional).option('json', jsonOption),
      (args) =>
        act(
          args,
          async (api, params) => {
            const text = await textValue('TEXT', args.text);
            return api.call(API.tickets.note, { params, body: { body: text } });
          },
          (t) => `Ticket #${t.id}: internal note added; it is ${statusText(t.status)} (${assigneeText(t)}).`,
        ),
    )
    .command(
      'assign <id> <user>',
      'give a ticket to a technician (a new ticket becomes assigned)',
      (y) => y.positional('id', ticketIdPositional).positional('user', userPositional).option('json', jsonOption),
      (args) =>
        act(
          args,
          (api, params) => api.call(API.tickets.assign, { params, body: { assignee: args.user } }),
          (t) => `Ticket #${t.id} is now ${assigneeText(t)} (${statusText(t.status)}).`,
        ),
    )
    .command(
      'start <id>',
      'start work on a ticket (in progress); takes it when nobody has it',
      (y) => y.positional('id', ticketIdPositional).option('json', jsonOption),
      (args) => act(args, (api, params) => api.call(API.tickets.start, { params }), state),
    )
    .command(
      'pending <id>',
      'wait for someone else (the requester, a supplier); the SLA clock pauses',
      (y) =>
        y
          .positional('id', ticketIdPositional)
          .option('reason', textOption('what you are waiting for (kept as an internal note)'))
          .option('json', jsonOption),
      (args) =>
        act(
          args,
          async (api, params) => {
            const reason = args.reason === undefined ? undefined : await textValue('--reason', args.reason);
            return api.call(API.tickets.pending, { params, body: { reason } });
          },
          state,
        ),
    )
    .command(
      'resolve <id>',
      'mark a ticket resolved, saying how',
      (y) =>
        y
          .positional('id', ticketIdPositional)
          .option('resolution', requiredText('what fixed it'))
          .option('json', jsonOption),
      (args) =>
        act(
          args,
          async (api, params) => {
            const resolution = await textValue('--resolution', args.resolution);
            return api.call(API.tickets.resolve, { params, body: { resolution } });
          },
          state,
        ),
    )
    .command(
      'close <id>',
      'close a resolved ticket; it cannot be reopened afterwards',
      (y) => y.positional('id', ticketIdPositional).option('json', jsonOption),
      (args) => act(args, (api, params) => api.call(API.tickets.close, { params }), state),
    )
    .command(
      'reopen <id>',
      'reopen a resolved ticket (back to in progress)',
      (y) =>
        y
          .positional('id', ticketIdPositional)
          .option('reason', requiredText('why it is not fixed after all'))
          .option('json', jsonOption),
      (args) =>
        act(
          args,
          async (api, params) => {
            const reason = await textValue('--reason', args.reason);
            return api.call(API.tickets.reopen, { params, body: { reason } });
          },
          (t) => stateSentence(t, ' again'),
        ),
    )
    .command(
      'escalate <id>',
      'hand a ticket to the next support line (up to line 3), saying why',
      (y) =>
        y
          .positional('id', ticketIdPositional)
          .option('note', requiredText('why it needs the next line'))
          .option('raise-priority', {
            type: 'boolean',
            default: false,
            describe: 'also make it one step more urgent (P3 to P2)',
          })
          .option('assignee', {
            type: 'string',
            describe: 'give it to this technician at the next line (default: nobody, status new)',
          })
          .option('json', jsonOption),
      (args) =>
        act(
          args,
          async (api, params) => {
            const note = await textValue('--note', args.note);
            const body = { note, raisePriority: args.raisePriority || undefined, assignee: args.assignee };
            return api.call(API.tickets.escalate, { params, body });
          },
          (t) =>
            `Ticket #${t.id} is now at line ${t.line} (${priorityLabel(t.priority)}, ${statusText(t.status)}, ${assigneeText(t)}).`,
        ),
    )
    .command(
      'rate <id> <rating>',
      'rate a resolved or closed ticket you asked for, 1 (poor) to 5 (excellent); rating again replaces it',
      (y) =>
        y
          .positional('id', ticketIdPositional)
          .positional('rating', {
            type: 'string',
            demandOption: true,
            describe: 'a whole number from 1 (poor) to 5 (excellent)',
          })
          .option('comment', textOption('a few words on how it went'))
          .option('json', jsonOption),
      async (args) => {
        const id = ticketId(args.id);
        const rating = ratingValue(args.rating);
        const comment = args.comment === undefined ? undefined : await textValue('--comment', args.comment);
        const body: RateRequest = { rating, comment };
        const detail = await ctx.api(args).call(API.tickets.rate, { params: { id }, body });
        if (args.json) return printJson(io, detail);
        io.out(`Ticket #${detail.ticket.id} rated ${detail.rating?.rating ?? body.rating} of 5. Thank you.`);
      },
    );
}
