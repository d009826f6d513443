// The delivery worker: sends due deliveries from the queue with bounded concurrency, retries
// failures with exponential backoff and jitter, and gives up after notifyMaxAttempts.
import type { TicketEvent } from '../../../protocol/api/notifications.js';
import type { NotificationConfig } from './config.js';
import type { EmailSender } from './email.js';
import { retryDelay } from './matching.js';
import type { DeliveryRow, NotificationStore } from './store.js';
import { postWebhook } from './webhook.js';

/** The part of a pino/fastify logger the notifier uses. */
export interface NotificationLog {
  info(details: Record<string, unknown>, message: string): void;
  warn(details: Record<string, unknown>, message: string): void;
  error(details: Record<string, unknown>, message: string): void;
}

export interface DeliverySummary {
  sent: number;
  retrying: number;
  failed: number;
}

const PRUNE_EVERY_MS = 3_600_000;
const MAX_ROUNDS_PER_RUN = 20;

/** Error text for the queue and the log: the cause too, since fetch only says "fetch failed". */
export function describeError(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const cause = error instanceof Error ? (error as { cause?: unknown }).cause : undefined;
  const full = cause instanceof Error && !text.includes(cause.message) ? `${text}: ${cause.message}` : text;
  return full.slice(0, 500);
}

/** Where a delivery goes, fit for the log: webhook URLs often carry a secret in their path. */
export function loggableTarget(row: Pick<DeliveryRow, 'channel' | 'target'>): string {
  if (row.channel === 'email') return row.target;
  try {
    return new URL(row.target).origin;
  } catch {
    return '(invalid URL)';
  }
}

async function runPool<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const runner = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, runner));
}

export function createDeliveryWorker(deps: {
  store: NotificationStore;
  config: NotificationConfig;
  log: NotificationLog;
  now: () => number;
  random: () => number;
  email: EmailSender | null;
  publicUrl: () => string;
}) {
  const { store, config, log, now } = deps;
  const batchSize = Math.max(32, config.notifyConcurrency * 8);
  let running: Promise<DeliverySummary> | null = null;
  let again = false;
  let timer: NodeJS.Timeout | null = null;
  let lastPrune = 0;

  async function send(row: DeliveryRow, event: TicketEvent): Promise<void> {
    if (row.channel === 'webhook') return postWebhook(row.target, event, deps.publicUrl(), config.notifySendTimeoutMs);
    if (!deps.email) throw new Error('e-mail is off: no SMTP relay is configured (smtpHost)');
    return deps.email.send(row.target, event, deps.publicUrl());
  }

  async function attempt(row: DeliveryRow, summary: DeliverySummary): Promise<void> {
    const where = {
      deliveryId: row.id,
      subscriptionId: row.subscriptionId,
      channel: row.channel,
      target: loggableTarget(row),
    };
    let error: string;
    try {
      await send(row, JSON.parse(row.event) as TicketEvent);
      store.markSent(row.id, now());
      summary.sent++;
      return;
    } catch (caught) {
      error = describeError(caught);
    }
    const attempts = row.attempts + 1;
    if (attempts >= config.notifyMaxAttempts) {
      store.markFailed(row.id, error);
      summary.failed++;
      log.error({ ...where, attempts, error }, 'notification delivery failed; giving up');
      return;
    }
    const delayMs = retryDelay(
      attempts,
      { baseMs: config.notifyBackoffBaseMs, capMs: config.notifyBackoffCapMs },
      deps.random,
    );
    store.markRetry(row.id, now() + delayMs, error);
    summary.retrying++;
    log.warn({ ...where, attempts, error, retryInMs: delayMs }, 'notification delivery failed; will retry');
  }

  async function run(): Promise<DeliverySummary> {
    const summary: DeliverySummary = { sent: 0, retrying: 0, failed: 0 };
    for (let round = 0; round < MAX_ROUNDS_PER_RUN; round++) {
      again = false;
      const due = store.due(now(), batchSize);
      await runPool(due, config.notifyConcurrency, (row) => attempt(row, summary));
      if (due.length < batchSize && !again) break;
    }
    if (now() - lastPrune >= PRUNE_EVERY_MS) {
      lastPrune = now();
      const pruned = store.prune(now() - config.notifyRetentionMs);
      if (pruned) log.info({ pruned }, 'deleted old notification deliveries');
    }
    return summary;
  }

  /** Sends everything due now. A call during a run joins it (and makes it look again when done). */
  function deliverDue(): Promise<DeliverySummary> {
    if (running) {
      again = true;
      return running;
    }
    running = run().finally(() => {
      running = null;
    });
    return running;
  }

  const tick = () => {
    if (!timer) return;
    deliverDue().catch((error: unknown) =>
      log.error({ error: describeError(error) }, 'notification worker failed; will try again'),
    );
  };

  return {
    deliverDue,
    /** Looks for due deliveries soon (after a notify), if the worker runs. */
    wake(): void {
      if (timer) setImmediate(tick);
    },
    start(): void {
      if (timer) return;
      timer = setInterval(tick, config.notifyPollMs);
      timer.unref();
      setImmediate(tick);
    },
    async stop(): Promise<void> {
      if (timer) clearInterval(timer);
      timer = null;
      await running?.catch(() => undefined);
      deps.email?.close();
    },
  };
}
export type DeliveryWorker = ReturnType<typeof createDeliveryWorker>;
