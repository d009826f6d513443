// Health series for the API: raw samples for short ranges, hourly roll-ups for long ones; and
// the retention job that keeps the tables bounded.
import type { HealthSeriesView } from '../../../protocol/api/inventory.js';
import { ApiError } from '../../errors.js';
import type { DeviceStore } from '../devices/store.js';
import type { HealthStore } from './store.js';

/** Ranges longer than this are answered from the hourly roll-ups. */
export const RAW_RANGE_LIMIT_MS = 48 * 3_600_000;

export function createHealthService(deps: {
  health: HealthStore;
  devices: DeviceStore;
  retention: { rawMs: number; hourlyMs: number };
  now?: () => number;
}) {
  const now = deps.now ?? Date.now;
  return {
    series(deviceId: string, from: number, to: number = now()): HealthSeriesView {
      if (!deps.devices.byId(deviceId)) throw new ApiError('not_found', `no device ${deviceId}`);
      const hourlyResolution = to - from > RAW_RANGE_LIMIT_MS;
      const base = { deviceId, from: new Date(from).toISOString(), to: new Date(to).toISOString() };
      if (!hourlyResolution)
        return { ...base, resolution: 'raw', raw: deps.health.raw(deviceId, from, to), hourly: [] };
      const byHour = new Map<number, Record<string, { min: number; avg: number; max: number }>>();
      for (const row of deps.health.hourly(deviceId, from, to)) {
        const metrics = byHour.get(row.hour) ?? {};
        metrics[row.metric] = { min: row.min, avg: Math.round(row.avg * 100) / 100, max: row.max };
        byHour.set(row.hour, metrics);
      }
      return {
        ...base,
        resolution: 'hourly',
        raw: [],
        hourly: [...byHour].map(([hour, metrics]) => ({ hour: new Date(hour).toISOString(), metrics })),
      };
    },
    latest: (deviceId: string) => deps.health.latest(deviceId),
    prune: () => deps.health.prune(now() - deps.retention.rawMs, now() - deps.retention.hourlyMs),
  };
}
export type HealthService = ReturnType<typeof createHealthService>;
