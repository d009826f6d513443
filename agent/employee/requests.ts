// What an employee asks for on the PC: a help request or a rating of a resolved ticket. Both go
// into the agent's durable outbox (the running agent sends them, now or when the server is back),
// so the CLI works the same whether the agent is connected or not.
import { userInfo } from 'node:os';
import { join } from 'node:path';
import type { AgentConfig } from '../config.js';
import { openOutbox } from '../outbox/outbox-store.js';
import { OUTBOX_FILE } from '../work.js';

export interface HelpRequestInput {
  subject: string;
  details: string;
  urgency: number;
}

/** The OS account running this command; the server shows tickets back to the same account. */
export function currentOsUser(): string {
  return (
    userInfo()
      .username.replace(/[\u0000-\u001f\u007f@]/g, '_')
      .slice(0, 128) || 'unknown'
  );
}

function withOutbox<T>(config: AgentConfig, work: (outbox: ReturnType<typeof openOutbox>) => T): T {
  const outbox = openOutbox(join(config.stateDir, OUTBOX_FILE), {
    maxBytes: config.outboxMaxBytes,
    maxAgeMs: config.outboxMaxAgeMs,
  });
  try {
    return work(outbox);
  } finally {
    outbox.close();
  }
}

export function queueHelpRequest(
  config: AgentConfig,
  input: HelpRequestInput,
  osUser = currentOsUser(),
  now = Date.now(),
): number {
  return withOutbox(config, (outbox) =>
    outbox.enqueue('help.request', {
      osUser,
      subject: input.subject,
      details: input.details,
      urgency: input.urgency,
      requestedAt: now,
    }),
  );
}

export function queueRating(
  config: AgentConfig,
  input: { ticketId: number; rating: number; comment: string },
  osUser = currentOsUser(),
  now = Date.now(),
): number {
  return withOutbox(config, (outbox) =>
    outbox.enqueue('ticket.rating', {
      osUser,
      ticketId: input.ticketId,
      rating: input.rating,
      comment: input.comment,
      ratedAt: now,
    }),
  );
}

/** Help requests still waiting in the outbox (not yet stored by the server). */
export function waitingHelpRequests(
  config: AgentConfig,
): Array<{ seq: number; subject: string; osUser: string; requestedAt: number }> {
  return withOutbox(config, (outbox) =>
    outbox.waiting('help.request').map((item) => ({
      seq: item.seq,
      subject: String(item.body.subject),
      osUser: String(item.body.osUser),
      requestedAt: Number(item.body.requestedAt),
    })),
  );
}
