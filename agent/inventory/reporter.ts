// Sends inventory as changes: every section is hashed; the first report carries all of them,
// later ones only the sections whose hash changed. The hashes of what was handed to the outbox
// are stored in the same transaction as the report, so a crash can neither lose nor repeat one.
import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import { stableStringify } from '../../protocol/stable-json.js';
import {
  INVENTORY_SECTION_NAMES,
  type InventoryData,
  type InventorySectionName,
} from '../../protocol/messages/inventory.js';
import type { Outbox } from '../outbox/outbox-store.js';

const HASHES_KEY = 'inventory.hashes';

export function hashSection(value: unknown): string {
  return createHash('sha256').update(stableStringify(value)).digest('hex');
}

export interface InventoryReporterDeps {
  outbox: Outbox;
  collect: () => Promise<InventoryData>;
  log: Logger;
  onEnqueued: () => void;
  /** Every collection, changed or not, after its report (if any) is queued: the checks run on it. */
  onCollected?: (data: InventoryData, at: number) => void;
  now?: () => number;
}

export function createInventoryReporter(deps: InventoryReporterDeps) {
  const now = deps.now ?? Date.now;
  let running: Promise<InventorySectionName[]> | null = null;

  async function check(): Promise<InventorySectionName[]> {
    const started = now();
    const data = await deps.collect();
    const hashes = Object.fromEntries(INVENTORY_SECTION_NAMES.map((name) => [name, hashSection(data[name])])) as Record<
      InventorySectionName,
      string
    >;
    const stored = deps.outbox.getMeta(HASHES_KEY);
    const previous = stored ? (JSON.parse(stored) as Partial<Record<InventorySectionName, string>>) : null;
    const changed = INVENTORY_SECTION_NAMES.filter((name) => previous?.[name] !== hashes[name]);
    if (changed.length === 0) {
      deps.log.debug({ ms: now() - started }, 'inventory unchanged');
      deps.onCollected?.(data, started);
      return [];
    }
    const sections = Object.fromEntries(changed.map((name) => [name, data[name]]));
    deps.outbox.enqueue(
      'inventory.report',
      { full: previous === null, collectedAt: started, sections },
      { [HASHES_KEY]: JSON.stringify(hashes) },
    );
    deps.log.info({ sections: changed, full: previous === null, ms: now() - started }, 'inventory changes queued');
    deps.onEnqueued();
    deps.onCollected?.(data, started);
    return changed;
  }

  return {
    /** Collects now and queues what changed; concurrent calls share one run. */
    check(): Promise<InventorySectionName[]> {
      running ??= check().finally(() => (running = null));
      return running;
    },
    /** The server has no inventory for us: forget what was sent and send everything. */
    async resync(): Promise<InventorySectionName[]> {
      await running;
      deps.outbox.setMeta(HASHES_KEY, '');
      return this.check();
    },
  };
}
export type InventoryReporter = ReturnType<typeof createInventoryReporter>;
