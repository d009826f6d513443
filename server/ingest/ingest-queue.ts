// Durable intake of everything agents send through their outbox. Items are queued in memory and
// written in one transaction per flush (a few ms apart), then acknowledged: an agent deletes an
// item only after the transaction holding it committed. Each device's highest stored sequence
// number makes redelivery harmless: an item at or below it is a duplicate, acknowledged again.
import type { FastifyBaseLogger } from 'fastify';
import { CloseCode } from '../../protocol/close-codes.js';
import type { Db } from '../db/database.js';
import { createOutboxStore } from './store.js';

export interface IngestSink {
  send(type: 'outbox.ack', body: { seqs: number[] }): boolean;
  close(code: number, reason: string): void;
}

interface IngestItem {
  deviceId: string;
  seq: number;
  /** Writes the item; runs inside the flush transaction. */
  apply(): void;
  sink: IngestSink;
}

export function createIngestQueue(deps: { db: Db; log: FastifyBaseLogger; flushMs: number; maxBatch: number }) {
  const outbox = createOutboxStore(deps.db);
  let queue: IngestItem[] = [];
  let timer: NodeJS.Timeout | null = null;
  const stats = { stored: 0, duplicates: 0, failed: 0, batches: 0 };

  const applyOne = deps.db.transaction((item: IngestItem) => {
    item.apply();
    outbox.setLastSeq(item.deviceId, item.seq);
  });

  const writeBatch = deps.db.transaction((batch: IngestItem[]) => {
    const acks = new Map<IngestSink, number[]>();
    const highWater = new Map<string, number>();
    const failedDevices = new Set<string>();
    for (const item of batch) {
      if (failedDevices.has(item.deviceId)) continue;
      const stored = highWater.get(item.deviceId) ?? outbox.lastSeq(item.deviceId);
      if (item.seq <= stored) {
        stats.duplicates++;
      } else {
        try {
          applyOne(item);
          highWater.set(item.deviceId, item.seq);
          stats.stored++;
        } catch (error) {
          // Skip the device's later items too: storing them would move its high-water mark past
          // this one, which would then be taken for a duplicate when the agent sends it again.
          failedDevices.add(item.deviceId);
          stats.failed++;
          deps.log.error(
            { deviceId: item.deviceId, seq: item.seq, err: error },
            'storing an agent item failed; the agent will send it again',
          );
          item.sink.close(CloseCode.InternalError, 'storage failed; reconnect and resend');
          continue;
        }
      }
      acks.set(item.sink, [...(acks.get(item.sink) ?? []), item.seq]);
    }
    return acks;
  });

  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (queue.length === 0) return;
    const batch = queue;
    queue = [];
    try {
      const acks = writeBatch(batch);
      stats.batches++;
      for (const [sink, seqs] of acks) sink.send('outbox.ack', { seqs });
    } catch (error) {
      deps.log.error({ err: error, items: batch.length }, 'ingest transaction failed; agents will resend');
      for (const sink of new Set(batch.map((item) => item.sink)))
        sink.close(CloseCode.InternalError, 'storage failed; reconnect and resend');
    }
  };

  const enqueue = (item: IngestItem): void => {
    queue.push(item);
    if (queue.length >= deps.maxBatch) setImmediate(flush);
    else timer ??= setTimeout(flush, deps.flushMs);
  };

  return {
    /** What an agent sent with sequence number `seq`: `apply` stores it, then the agent gets its ack. */
    accept(agent: IngestSink & { deviceId: string }, seq: number, apply: () => void): void {
      enqueue({ deviceId: agent.deviceId, seq, sink: agent, apply });
    },
    flush,
    /** Highest sequence number stored for a device (0 when it never sent anything). */
    lastSeq: outbox.lastSeq,
    stats: () => ({ ...stats, queued: queue.length }),
  };
}
export type IngestQueue = ReturnType<typeof createIngestQueue>;
