// Health samples: how a PC is doing at one moment. Cheap to collect, sent every minute.
import { Type, type Static } from 'typebox';

const Pct = Type.Number({ minimum: 0, maximum: 100 });
const ProcessEntry = Type.Object(
  {
    pid: Type.Integer({ minimum: 0 }),
    name: Type.String({ maxLength: 200 }),
    cpuPct: Type.Number({ minimum: 0 }),
    memBytes: Type.Number({ minimum: 0 }),
  },
  { additionalProperties: false },
);

export const HealthSample = Type.Object(
  {
    at: Type.Number({ description: 'ms since the epoch, agent clock' }),
    cpuPct: Pct,
    memUsedPct: Pct,
    memUsedBytes: Type.Number({ minimum: 0 }),
    swapUsedPct: Type.Union([Pct, Type.Null()]),
    filesystems: Type.Array(
      Type.Object(
        {
          mount: Type.String({ maxLength: 1000 }),
          usedPct: Pct,
          usedBytes: Type.Number({ minimum: 0 }),
          sizeBytes: Type.Number({ minimum: 0 }),
        },
        { additionalProperties: false },
      ),
      { maxItems: 64 },
    ),
    cpuTempC: Type.Union([Type.Number(), Type.Null()]),
    battery: Type.Union([
      Type.Object({ percent: Pct, charging: Type.Boolean() }, { additionalProperties: false }),
      Type.Null(),
    ]),
    uptimeSec: Type.Number({ minimum: 0 }),
    processCount: Type.Integer({ minimum: 0 }),
    topCpu: Type.Array(ProcessEntry, { maxItems: 10 }),
    topMem: Type.Array(ProcessEntry, { maxItems: 10 }),
  },
  { additionalProperties: false },
);
export type HealthSample = Static<typeof HealthSample>;

export const HealthBatch = Type.Object(
  { seq: Type.Integer({ minimum: 1 }), samples: Type.Array(HealthSample, { minItems: 1, maxItems: 1000 }) },
  { additionalProperties: false },
);
export type HealthBatch = Static<typeof HealthBatch>;

/** Numeric metrics kept as series and rolled up hourly (min/avg/max). */
export const HEALTH_METRICS = [
  'cpuPct',
  'memUsedPct',
  'swapUsedPct',
  'cpuTempC',
  'batteryPct',
  'diskMaxUsedPct',
  'processCount',
] as const;
export type HealthMetric = (typeof HEALTH_METRICS)[number];

/** The metric values of one sample (null where the PC has no such thing). */
export function sampleMetrics(sample: HealthSample): Record<HealthMetric, number | null> {
  return {
    cpuPct: sample.cpuPct,
    memUsedPct: sample.memUsedPct,
    swapUsedPct: sample.swapUsedPct,
    cpuTempC: sample.cpuTempC,
    batteryPct: sample.battery?.percent ?? null,
    diskMaxUsedPct: sample.filesystems.length ? Math.max(...sample.filesystems.map((fs) => fs.usedPct)) : null,
    processCount: sample.processCount,
  };
}
