// The words of a notification: e-mail subject and plain-text body, and the one-line chat text
// for webhooks. Ticket text comes from users, so it is flattened and never treated as markup.
import type { TicketEvent } from '../../../protocol/api/notifications.js';

// C0/C1 controls, line/paragraph separators and bidirectional overrides (which can disguise text).
const UNSAFE_IN_LINE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const UNSAFE_IN_BLOCK = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** Text squeezed onto one line and cut to `max` characters. */
export function oneLine(text: string, max = 200): string {
  const flat = text.replace(UNSAFE_IN_LINE, ' ').replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function block(text: string, max = 2000): string {
  const clean = text.replace(/\r\n?/g, '\n').replace(UNSAFE_IN_BLOCK, ' ').trim();
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

export function ticketLink(publicUrl: string, ticketId: number): string {
  return `${publicUrl.replace(/\/+$/, '')}/tickets/${ticketId}`;
}

/** What happened, in a few words: "SLA breach", "Assigned to tom". */
export function eventTitle(event: TicketEvent): string {
  switch (event.kind) {
    case 'ticket.created':
      return 'New ticket';
    case 'ticket.assigned':
      return event.ticket.assignee ? `Assigned to ${oneLine(event.ticket.assignee, 64)}` : 'Unassigned';
    case 'ticket.escalated':
      return `Escalated to line ${event.ticket.line}`;
    case 'sla.warning':
      return 'SLA warning';
    case 'sla.breach':
      return 'SLA breach';
    case 'ticket.resolved':
      return 'Resolved';
  }
}

/** "[Helpline #42] SLA breach: Printer offline" */
export function emailSubject(event: TicketEvent): string {
  return `[Helpline #${event.ticket.id}] ${eventTitle(event)}: ${oneLine(event.ticket.subject, 150)}`;
}

function deviceText(ticket: TicketEvent['ticket']): string {
  const name = ticket.deviceName ?? ticket.deviceId;
  if (!name) return '(none)';
  return ticket.deviceGroup ? `${oneLine(name, 100)} (group ${oneLine(ticket.deviceGroup, 64)})` : oneLine(name, 100);
}

export function emailBody(event: TicketEvent, publicUrl: string): string {
  const { ticket } = event;
  const lines = [
    `${eventTitle(event)}: ${oneLine(ticket.subject, 500)}`,
    '',
    `Ticket:    #${ticket.id}`,
    `Priority:  ${ticket.priority} (1 is the most urgent)`,
    `Line:      ${ticket.line}`,
    `Status:    ${oneLine(ticket.status, 64)}`,
    `Assignee:  ${ticket.assignee ? oneLine(ticket.assignee, 64) : '(unassigned)'}`,
    `Requester: ${oneLine(ticket.requester, 100)}`,
    `Device:    ${deviceText(ticket)}`,
    `By:        ${oneLine(event.actor, 64)} at ${new Date(event.at).toISOString()}`,
  ];
  if (event.detail) lines.push('', block(event.detail));
  // The requester is asked for a rating on resolve (employees see the same on their PC).
  if (event.kind === 'ticket.resolved')
    lines.push(
      '',
      `Asked for this? Tell us how we did, from 1 to 5: helpline ticket rate ${ticket.id} <1-5> [--comment TEXT]`,
    );
  lines.push(
    '',
    `Open the ticket: ${ticketLink(publicUrl, ticket.id)}`,
    '',
    '-- ',
    'Helpline. Change your subscriptions in the console.',
  );
  return lines.join('\n') + '\n';
}

/** Slack and Teams read &, < and > as markup (mentions, links): escape them in users' text. */
function escapeChat(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** One line for a chat webhook's `text`. */
export function chatText(event: TicketEvent, publicUrl: string): string {
  const { ticket } = event;
  const facts = [
    `P${ticket.priority}`,
    `line ${ticket.line}`,
    ticket.assignee ? `assigned to ${oneLine(ticket.assignee, 64)}` : 'unassigned',
  ];
  if (ticket.deviceName ?? ticket.deviceId)
    facts.push(`device ${oneLine((ticket.deviceName ?? ticket.deviceId)!, 100)}`);
  return escapeChat(`${emailSubject(event)} (${facts.join(', ')})`) + ` ${ticketLink(publicUrl, ticket.id)}`;
}

/** The words of a "send test" message: who asked, and where the console is. */
export function testMessage(actor: string, publicUrl: string): { subject: string; text: string } {
  const who = oneLine(actor, 64);
  return {
    subject: '[Helpline] Test message',
    text: `Helpline test message, sent by ${who}: this notification channel works. ${publicUrl.replace(/\/+$/, '')}`,
  };
}
