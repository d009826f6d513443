// One health sample per seeded device, written in bulk through the server's health store: this
// machine's real sample, with CPU, memory and disk spread so that sorting and the columns have
// different values to show. Ingesting 10,000 batches through 10,000 sealed agent channels would
// take minutes and measure the hub, not the page.
import type { HealthSample } from '../../../protocol/messages/health.js';
import { openDataDirDatabase } from '../../../server/data-dir.js';
import { createHealthStore } from '../../../server/features/health/store.js';

export function seedHealth(dataDir: string, deviceIds: readonly string[], sample: HealthSample): void {
  const db = openDataDirDatabase(dataDir);
  try {
    const health = createHealthStore(db);
    db.transaction(() => {
      deviceIds.forEach((id, index) => {
        // A fixed spread, not random: two runs of the bench show the same fleet.
        const spread = (index * 37) % 100;
        health.insert(id, [
          {
            ...sample,
            cpuPct: spread,
            memUsedPct: (spread * 7) % 100,
            filesystems: sample.filesystems.map((fs) => ({ ...fs, usedPct: (spread * 3) % 100 })),
          },
        ]);
      });
    })();
  } finally {
    db.close();
  }
}
