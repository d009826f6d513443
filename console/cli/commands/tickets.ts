// `helpline ticket(s) list|create|show`: the help desk's tickets (status changes, replies and
// escalation: ticket-actions.ts).
import type { Argv } from 'yargs';
import { API } from '../../../protocol/api/routes/index.js';
import {
  TICKET_CHANNELS,
  TICKET_STATUSES,
  type CreateTicketRequest,
  type TicketDetailView,
  type TicketListQuery,
  type TicketStatus,
  type TicketView,
} from '../../../protocol/api/tickets.js';
import type { CliContext, GlobalArgs } from '../context.js';
import { deviceIdFor } from '../device-ref.js';
import { STDIN_ARG, ticketId, ticketIdPositional, textValue } from '../flags.js';
import { clean, cleanLines, jsonOption, printFields, printJson, printTable, relativeTime } from '../output.js';
import { snapshotLines } from '../snapshot-summary.js';
import { lineLabel, priorityLabel, ticketFields, timelineLines } from '../ticket-summary.js';
import { addTicketActionCommands } from './ticket-actions.js';

const LINES = [1, 2, 3] as const;
const LEVELS = [1, 2, 3, 4, 5] as const;

interface ListFilters {
  mine: boolean;
  line: TicketListQuery['line'];
  status: TicketStatus | undefined;
  device: string | undefined;
  breached: boolean;
}

/**
 * The list's query: a flag left off is not sent at all (mine=false would mean the same, only longer).
 * `deviceId` is the device's id, looked up when --device gave a name.
 */
function listQuery(filters: ListFilters, deviceId: string | undefined): TicketListQuery {
  return {
    mine: filters.mine || undefined,
    line: filters.line,
    status: filters.status,
    deviceId,
    breached: filters.breached || undefined,
  };
}

function noTickets(filters: ListFilters): string {
  const filtered =
    filters.line !== undefined || filters.status !== undefined || filters.device !== undefined || filters.breached;
  if (filters.mine && !filtered) return 'No open tickets are assigned to you.';
  return filtered || filters.mine
    ? 'No tickets match.'
    : 'No tickets yet; open one with `helpline ticket create --subject "..."`.';
}

/**
 * What `ticket show` adds after the description when there is any: faults still raised, the rating,
 * the PC's snapshot.
 */
function detailExtras(detail: TicketDetailView): string[][] {
  const blocks: string[][] = [];
  const facts: string[] = [];
  if (detail.activeFaults.length > 0) facts.push(`Still failing: ${detail.activeFaults.map(clean).join(', ')}`);
  if (detail.rating !== null) {
    const comment =
      detail.rating.comment.trim() === '' ? '' : ` — "${clean(detail.rating.comment.replace(/\s*\r?\n\s*/g, ' '))}"`;
    facts.push(`Rating: ${detail.rating.rating} of 5${comment}`);
  }
  if (facts.length > 0) blocks.push(facts);
  if (detail.snapshot !== null) blocks.push(snapshotLines(detail.snapshot));
  return blocks;
}

export function registerTicketCommands(cli: Argv<GlobalArgs>, ctx: CliContext): Argv<GlobalArgs> {
  const { io } = ctx;
  return cli.command(['ticket', 'tickets'], 'list, open, read and work on help-desk tickets', (group) =>
    addTicketActionCommands(
      group
        .command(
          'list',
          'list tickets, most urgent first',
          (y) =>
            y
              .option('mine', {
                type: 'boolean',
                default: false,
                describe: 'only tickets assigned to you (open ones, unless --status says otherwise)',
              })
              .option('line', { type: 'number', choices: LINES, describe: 'only tickets at this support line' })
              .option('status', { choices: TICKET_STATUSES, describe: 'only tickets with this status' })
              .option('device', { type: 'string', describe: 'only tickets about this device (id or name)' })
              .option('breached', { type: 'boolean', default: false, describe: 'only tickets past an SLA target' })
              .option('json', jsonOption),
          async (args) => {
            const filters: ListFilters = {
              mine: args.mine,
              line: args.line,
              status: args.status,
              device: args.device,
              breached: args.breached,
            };
            const api = ctx.api(args);
            const deviceId = args.device === undefined ? undefined : await deviceIdFor(api, args.device);
            const tickets = await api.call(API.tickets.list, { query: listQuery(filters, deviceId) });
            if (args.json) return printJson(io, tickets);
            if (tickets.length === 0) return io.out(noTickets(filters));
            printTable(
              io,
              [
                { header: 'ID', value: (t: TicketView) => `#${t.id}` },
                { header: 'PRIORITY', value: (t) => priorityLabel(t.priority) },
                { header: 'LINE', value: (t) => lineLabel(t.line) },
                { header: 'STATUS', value: (t) => t.status },
                { header: 'ASSIGNEE', value: (t) => t.assignee },
                { header: 'DEVICE', value: (t) => t.deviceName ?? t.deviceId },
                { header: 'AGE', value: (t) => relativeTime(t.createdAt) },
                { header: 'SUBJECT', value: (t) => t.subject },
              ],
              tickets,
            );
          },
        )
        .command(
          'create',
          'open a ticket; priority follows from impact and urgency (1 = most pressing)',
          (y) =>
            y
              .option('subject', {
                type: 'string',
                demandOption: true,
                describe: 'one line saying what is wrong (up to 200 characters)',
              })
              .option('description', { type: 'string', describe: 'the details; "-" reads them from standard input' })
              .option('device', {
                type: 'string',
                describe: 'the device it is about, by id or name (see `helpline devices list`)',
              })
              .option('category', { type: 'string', describe: 'e.g. "printer" or "network" (default general)' })
              .option('impact', {
                type: 'number',
                choices: LEVELS,
                describe: 'how many are affected, 1 (everyone) to 5 (one person, barely) (default 3)',
              })
              .option('urgency', {
                type: 'number',
                choices: LEVELS,
                describe: 'how soon it hurts, 1 (now) to 5 (whenever) (default 3)',
              })
              .option('line', { type: 'number', choices: LINES, describe: 'support line to start at (default 1)' })
              .option('channel', {
                choices: TICKET_CHANNELS,
                describe: 'how the request came in (kept on the ticket, counted by `report kpi --by channel`)',
              })
              .option('requester', {
                type: 'string',
                describe: 'the employee who asked, when you take the request for them (default: you)',
              })
              .option('json', jsonOption)
              .example('$0 ticket create --subject "Printer jams" --channel phone --requester "Anna Petrova"', '')
              .example('$0 ticket create --subject "Printer on floor 2 jams" --impact 2 --urgency 3', ''),
          async (args) => {
            const api = ctx.api(args);
            const body: CreateTicketRequest = {
              subject: args.subject === STDIN_ARG ? '-' : args.subject,
              description:
                args.description === undefined ? undefined : await textValue('--description', args.description),
              deviceId: args.device === undefined ? undefined : await deviceIdFor(api, args.device),
              category: args.category,
              impact: args.impact,
              urgency: args.urgency,
              line: args.line,
              channel: args.channel,
              requester: args.requester,
            };
            const ticket = await api.call(API.tickets.create, { body });
            if (args.json) return printJson(io, ticket);
            io.out(
              `Opened ticket #${ticket.id}: ${clean(ticket.subject)} (${priorityLabel(ticket.priority)}, ${lineLabel(ticket.line)}, ${ticket.status}).`,
            );
          },
        )
        .command(
          'show <id>',
          "one ticket: its fields, description, rating, the PC's snapshot, and a timeline of replies, notes, events and changes",
          (y) => y.positional('id', ticketIdPositional).option('json', jsonOption),
          async (args) => {
            const detail = await ctx.api(args).call(API.tickets.show, { params: { id: ticketId(args.id) } });
            if (args.json) return printJson(io, detail);
            printFields(io, ticketFields(detail.ticket));
            io.out('');
            io.out('Description:');
            const description =
              detail.ticket.description.trim() === '' ? ['(none)'] : cleanLines(detail.ticket.description);
            for (const line of description) io.out(`    ${line}`);
            for (const block of detailExtras(detail)) {
              io.out('');
              for (const line of block) io.out(line);
            }
            io.out('');
            io.out('Timeline (local time; replies are public, notes internal):');
            for (const line of timelineLines(detail)) io.out(line);
          },
        ),
      ctx,
    ).demandCommand(
      1,
      'name a ticket command: list, create, show, reply, note, assign, start, pending, resolve, close, reopen, escalate or rate',
    ),
  );
}
