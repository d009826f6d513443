// The agent's work besides staying connected: collect inventory and health, run the checks on
// them, keep everything in the durable outbox, and hand it to the channel whenever one is open.
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { HealthSample } from '../protocol/messages/health.js';
import type { InventoryData } from '../protocol/messages/inventory.js';
import type { AgentPolicy } from '../protocol/messages/policy.js';
import { createCheckRunner } from './checks/runner.js';
import type { AgentConfig } from './config.js';
import { openEmployeeTicketCache } from './employee/ticket-cache.js';
import { createInventoryReporter } from './inventory/reporter.js';
import { openOutbox } from './outbox/outbox-store.js';
import { createOutboxSender, type OutboxChannel } from './outbox/outbox-sender.js';
import { runPeriodically, type Periodic } from './periodic.js';

export const OUTBOX_FILE = 'outbox.db';
/** How often the outbox is looked at for items other processes queued (`helpline-agent help`). */
export const OUTBOX_POLL_MS = 2_000;

export interface WorkSources {
  collectInventory: () => Promise<InventoryData>;
  sampleHealth: () => Promise<HealthSample>;
  /** Services alone, for service checks between inventory runs (absent: only with inventory). */
  listServices?: () => Promise<InventoryData['services']>;
}

export function createAgentWork(
  config: AgentConfig,
  sources: WorkSources,
  log: Logger,
  random: () => number = Math.random,
) {
  const outbox = openOutbox(join(config.stateDir, OUTBOX_FILE), {
    maxBytes: config.outboxMaxBytes,
    maxAgeMs: config.outboxMaxAgeMs,
  });
  const sender = createOutboxSender(outbox, { window: config.outboxWindow });
  const intervals = (policy: AgentPolicy) => ({
    health: config.healthIntervalMs ?? policy.healthIntervalMs,
    inventory: config.inventoryIntervalMs ?? policy.inventoryIntervalMs,
  });
  const checks = createCheckRunner({
    outbox,
    log,
    onEnqueued: sender.notify,
    healthIntervalMs: (policy) => intervals(policy).health,
  });
  const reporter = createInventoryReporter({
    outbox,
    collect: sources.collectInventory,
    log,
    onEnqueued: sender.notify,
    onCollected: (data, at) => checks.onInventory(data, at),
  });
  const employeeTickets = openEmployeeTicketCache(config.stateDir);

  const sampleOnce = async () => {
    const sample = await sources.sampleHealth();
    checks.onHealthSample(sample);
    // A stopped service should not wait for the hourly inventory; only asked for when a check needs it.
    if (sources.listServices && checks.policy().checks.checks.some((check) => check.kind === 'service_running')) {
      checks.onInventory({ services: await sources.listServices() }, sample.at);
    }
  };
  const onError = (what: string) => (error: unknown) => log.warn({ err: error }, `${what} failed; will try again`);
  let health: Periodic | null = null;
  let inventory: Periodic | null = null;
  let poll: NodeJS.Timeout | null = null;

  return {
    outbox,
    reporter,
    employeeTickets,
    /** Starts sampling health and checking inventory (at once, then periodically). */
    start() {
      const every = intervals(checks.policy());
      health ??= runPeriodically(sampleOnce, {
        intervalMs: every.health,
        jitter: 0.05,
        random,
        onError: onError('health sample'),
      });
      inventory ??= runPeriodically(() => reporter.check(), {
        intervalMs: every.inventory,
        jitter: 0.1,
        random,
        onError: onError('inventory check'),
      });
      poll ??= setInterval(sender.notify, OUTBOX_POLL_MS);
      poll.unref();
    },
    /** Looks again at once (after a job): a health sample, and the inventory when it changed. */
    recheck(): void {
      sampleOnce().catch(onError('health sample'));
      reporter.check().catch(onError('inventory check'));
    },
    notify: () => sender.notify(),
    attach: (channel: OutboxChannel) => sender.attach(channel),
    detach: () => sender.detach(),
    onAck: (seqs: number[]) => sender.onAck(seqs),
    onRefused: (inReplyTo: string, code: string) => sender.onRefused(inReplyTo, code),
    applyPolicy(next: AgentPolicy) {
      if (!checks.applyPolicy(next)) return;
      const every = intervals(next);
      health?.setInterval(every.health);
      inventory?.setInterval(every.inventory);
      log.info(
        { healthIntervalMs: every.health, inventoryIntervalMs: every.inventory, checks: next.checks.checks.length },
        'policy applied',
      );
    },
    /** Lets a sample or inventory check in progress reach the outbox, then closes it. */
    async stop() {
      if (poll) clearInterval(poll);
      await Promise.all([health?.stop(), inventory?.stop()]);
      outbox.close();
    },
  };
}
export type AgentWork = ReturnType<typeof createAgentWork>;
