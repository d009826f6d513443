// Health series: raw samples (kept a week by default) and hourly min/avg/max roll-ups (kept a
// year), both written inside the ingest transaction, never one autocommit insert per sample.
import { HEALTH_METRICS, sampleMetrics, type HealthSample } from '../../../protocol/messages/health.js';
import type { Db } from '../../db/database.js';

const HOUR = 3_600_000;

export function createHealthStore(db: Db) {
  const insertSample = db.prepare(
    `INSERT OR IGNORE INTO health_samples (device_id, at, cpu_pct, mem_pct, swap_pct, temp_c, battery_pct, disk_max_pct, processes, detail)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const rollUp = db.prepare(
    `INSERT INTO health_hourly (device_id, hour, metric, min, max, sum, count) VALUES (?, ?, ?, ?, ?, ?, 1)
     ON CONFLICT(device_id, metric, hour) DO UPDATE SET
       min = MIN(min, excluded.min), max = MAX(max, excluded.max), sum = sum + excluded.sum, count = count + 1`,
  );
  const rawBetween = db.prepare(
    'SELECT detail FROM health_samples WHERE device_id = ? AND at >= ? AND at <= ? ORDER BY at',
  );
  const hourlyBetween = db.prepare(
    'SELECT hour, metric, min, max, sum / count AS avg FROM health_hourly WHERE device_id = ? AND hour >= ? AND hour <= ? ORDER BY hour, metric',
  );
  const latest = db.prepare('SELECT detail FROM health_samples WHERE device_id = ? ORDER BY at DESC LIMIT 1').pluck();
  const pruneRaw = db.prepare('DELETE FROM health_samples WHERE at < ?');
  const pruneHourly = db.prepare('DELETE FROM health_hourly WHERE hour < ?');

  return {
    /**
     * Stores samples not seen before (same device and time = same sample) and rolls them up;
     * `onStored` hears of each one stored (not of duplicates).
     */
    insert(deviceId: string, samples: HealthSample[], onStored?: (sample: HealthSample) => void): number {
      let inserted = 0;
      for (const sample of samples) {
        const metrics = sampleMetrics(sample);
        const result = insertSample.run(
          deviceId,
          sample.at,
          metrics.cpuPct,
          metrics.memUsedPct,
          metrics.swapUsedPct,
          metrics.cpuTempC,
          metrics.batteryPct,
          metrics.diskMaxUsedPct,
          metrics.processCount,
          JSON.stringify(sample),
        );
        if (result.changes === 0) continue;
        inserted++;
        onStored?.(sample);
        const hour = Math.floor(sample.at / HOUR) * HOUR;
        for (const metric of HEALTH_METRICS) {
          const value = metrics[metric];
          if (value !== null) rollUp.run(deviceId, hour, metric, value, value, value);
        }
      }
      return inserted;
    },
    raw: (deviceId: string, from: number, to: number) =>
      (rawBetween.all(deviceId, from, to) as Array<{ detail: string }>).map(
        (row) => JSON.parse(row.detail) as HealthSample,
      ),
    hourly: (deviceId: string, from: number, to: number) =>
      hourlyBetween.all(deviceId, Math.floor(from / HOUR) * HOUR, to) as Array<{
        hour: number;
        metric: string;
        min: number;
        max: number;
        avg: number;
      }>,
    latest(deviceId: string): HealthSample | null {
      const detail = latest.get(deviceId) as string | undefined;
      return detail ? (JSON.parse(detail) as HealthSample) : null;
    },
    prune(rawBefore: number, hourlyBefore: number): { raw: number; hourly: number } {
      return { raw: pruneRaw.run(rawBefore).changes, hourly: pruneHourly.run(hourlyBefore).changes };
    },
  };
}
export type HealthStore = ReturnType<typeof createHealthStore>;
