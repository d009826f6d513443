// The agent's work besides staying connected: collect inventory and health, keep everything in
// the durable outbox, and hand it to the channel whenever one is open.
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { HealthSample } from '../protocol/messages/health.js';
import type { InventoryData } from '../protocol/messages/inventory.js';
import { DEFAULT_AGENT_POLICY, type AgentPolicy } from '../protocol/messages/policy.js';
import type { AgentConfig } from './config.js';
import { createInventoryReporter } from './inventory/reporter.js';
import { openOutbox } from './outbox/outbox-store.js';
import { createOutboxSender, type OutboxChannel } from './outbox/outbox-sender.js';
import { runPeriodically, type Periodic } from './periodic.js';

export const OUTBOX_FILE = 'outbox.db';

export interface WorkSources {
  collectInventory: () => Promise<InventoryData>;
  sampleHealth: () => Promise<HealthSample>;
}

export function createAgentWork(config: AgentConfig, sources: WorkSources, log: Logger, random: () => number = Math.random) {
  const outbox = openOutbox(join(config.stateDir, OUTBOX_FILE), { maxBytes: config.outboxMaxBytes, maxAgeMs: config.outboxMaxAgeMs });
  const sender = createOutboxSender(outbox, { window: config.outboxWindow });
  const reporter = createInventoryReporter({ outbox, collect: sources.collectInventory, log, onEnqueued: sender.notify });
  let policy: AgentPolicy = DEFAULT_AGENT_POLICY;
  const intervals = () => ({
    health: config.healthIntervalMs ?? policy.healthIntervalMs,
    inventory: config.inventoryIntervalMs ?? policy.inventoryIntervalMs,
  });

  const sampleOnce = async () => {
    const sample = await sources.sampleHealth();
    outbox.enqueue('health.batch', { samples: [sample] });
    sender.notify();
  };
  const onError = (what: string) => (error: unknown) => log.warn({ err: error }, `${what} failed; will try again`);
  let health: Periodic | null = null;
  let inventory: Periodic | null = null;

  return {
    outbox,
    reporter,
    /** Starts sampling health and checking inventory (at once, then periodically). */
    start() {
      health ??= runPeriodically(sampleOnce, { intervalMs: intervals().health, jitter: 0.05, random, onError: onError('health sample') });
      inventory ??= runPeriodically(() => reporter.check(), { intervalMs: intervals().inventory, jitter: 0.1, random, onError: onError('inventory check') });
    },
    attach: (channel: OutboxChannel) => sender.attach(channel),
    detach: () => sender.detach(),
    onAck: (seqs: number[]) => sender.onAck(seqs),
    onRefused: (inReplyTo: string, code: string) => sender.onRefused(inReplyTo, code),
    applyPolicy(next: AgentPolicy) {
      policy = next;
      health?.setInterval(intervals().health);
      inventory?.setInterval(intervals().inventory);
    },
    /** Lets a sample or inventory check in progress reach the outbox, then closes it. */
    async stop() {
      await Promise.all([health?.stop(), inventory?.stop()]);
      outbox.close();
    },
  };
}
export type AgentWork = ReturnType<typeof createAgentWork>;
