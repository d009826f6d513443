// Sends the outbox over the live channel, in sequence order, with a bounded number of items in
// flight; deletes an item only when the server acknowledges it. After a reconnect it starts
// again from the oldest unacknowledged item, and the server drops what it already stored.
import type { AgentToServerBody } from '../../protocol/envelope.js';
import type { OutboxMessageType } from '../../protocol/messages/agent-to-server.js';
import { CHANNEL_ERRORS } from '../../protocol/errors.js';
import type { Outbox } from './outbox-store.js';

export type OutboxMessageBody = AgentToServerBody<OutboxMessageType>;

export interface OutboxChannel {
  send(type: OutboxMessageType, body: OutboxMessageBody, id: string): boolean;
}

const ID_PREFIX = 'o';

export function outboxMessageId(seq: number): string {
  return `${ID_PREFIX}${seq}`;
}

export function createOutboxSender(outbox: Outbox, options: { window: number; onAcked?: (seqs: number[]) => void }) {
  let channel: OutboxChannel | null = null;
  const inFlight = new Set<number>();
  let lastSentSeq = 0;

  const pump = () => {
    while (channel && inFlight.size < options.window) {
      const batch = outbox.pending(lastSentSeq, options.window - inFlight.size);
      if (batch.length === 0) return;
      for (const item of batch) {
        // The stored body was built by this agent for its type; the server checks it again and
        // refuses one that does not fit, and then the item is dropped (onRefused).
        const body = { ...item.body, seq: item.seq } as OutboxMessageBody;
        if (!channel.send(item.type, body, outboxMessageId(item.seq))) return;
        inFlight.add(item.seq);
        lastSentSeq = item.seq;
      }
    }
  };

  return {
    attach(next: OutboxChannel): void {
      channel = next;
      inFlight.clear();
      lastSentSeq = 0;
      pump();
    },
    detach(): void {
      channel = null;
      inFlight.clear();
    },
    /** Something was enqueued: send it now if the window allows. */
    notify: pump,
    onAck(seqs: number[]): void {
      outbox.acknowledge(seqs);
      for (const seq of seqs) inFlight.delete(seq);
      options.onAcked?.(seqs);
      pump();
    },
    /**
     * The server refused a message. A schema failure is final (sending it again cannot help), so
     * the item is dropped and counted; any other error keeps it for the next connection.
     * Returns the sequence number when the refusal concerned an outbox item.
     */
    onRefused(inReplyTo: string, code: string): number | null {
      if (!inReplyTo.startsWith(ID_PREFIX)) return null;
      const seq = Number(inReplyTo.slice(ID_PREFIX.length));
      if (!Number.isSafeInteger(seq)) return null;
      if (code === CHANNEL_ERRORS.invalid_message) {
        outbox.reject(seq);
        inFlight.delete(seq);
        pump();
      }
      return seq;
    },
    get inFlight(): number {
      return inFlight.size;
    },
  };
}
export type OutboxSender = ReturnType<typeof createOutboxSender>;
