// Checks: what counts as a fault on a PC. Defined centrally in a policy per device group, run by
// the agent (all kinds but `offline`, which only the server can see), and reported as
// `fault.raised` / `fault.cleared`. Every threshold has a separate recovery level so that a value
// hovering at the threshold does not open and close tickets over and over (hysteresis).
import { Type, type Static, type TSchema } from 'typebox';
import { PrintableText } from './common.js';

/** Stable, chosen by the admin; never contains ':' because fault keys are `checkId:item`. */
export const CheckId = Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$', description: 'stable check id' });
/** A script of the maintenance library, by name: no path, so it cannot point outside the library. */
export const ScriptName = Type.String({
  pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$',
  description: 'maintenance script name',
});

const Pct = Type.Number({ minimum: 0, maximum: 100 });
const Minutes = Type.Number({ minimum: 0, maximum: 7 * 24 * 60 });
const Check = <K extends string, P extends Record<string, TSchema>>(kind: K, properties: P) =>
  Type.Object(
    {
      kind: Type.Literal(kind),
      id: CheckId,
      /** Shown to people (ticket titles, the console). */
      name: PrintableText(200),
      /** Whether recovery resolves the ticket; it always adds a note. */
      autoResolve: Type.Boolean(),
      /** Remediation: a script the server may run when this fault is raised. */
      remediationScript: Type.Optional(ScriptName),
      ...properties,
    },
    { additionalProperties: false },
  );

/** Raised while a file system is more than `thresholdPct` full; one fault per mount. */
export const DiskUsageCheck = Check('disk_usage', {
  thresholdPct: Pct,
  recoverBelowPct: Pct,
  mount: Type.Optional(Type.String({ minLength: 1, maxLength: 1000, description: 'all mounts when absent' })),
});
/** Raised when memory use was above `thresholdPct` in every sample for `forMinutes`. */
export const MemoryUsageCheck = Check('memory_usage', { thresholdPct: Pct, recoverBelowPct: Pct, forMinutes: Minutes });
/** Raised when CPU use was above `thresholdPct` in every sample for `forMinutes`. */
export const CpuUsageCheck = Check('cpu_usage', { thresholdPct: Pct, recoverBelowPct: Pct, forMinutes: Minutes });
/** Raised per disk whose SMART status is known and not OK. */
export const SmartCheck = Check('smart', {});
/** Raised when the battery holds less than `minSharePct` of its design capacity. */
export const BatteryCapacityCheck = Check('battery_capacity', { minSharePct: Pct, recoverAbovePct: Pct });
/** Raised when the named service is not running (or not installed). */
export const ServiceRunningCheck = Check('service_running', { service: Type.String({ minLength: 1, maxLength: 300 }) });
/** Server-side: the device has not been connected for `forMinutes`. Agents ignore it. */
export const OfflineCheck = Check('offline', { forMinutes: Minutes });

export const CheckDefinition = Type.Union([
  DiskUsageCheck,
  MemoryUsageCheck,
  CpuUsageCheck,
  SmartCheck,
  BatteryCapacityCheck,
  ServiceRunningCheck,
  OfflineCheck,
]);
export type CheckDefinition = Static<typeof CheckDefinition>;
export type CheckKind = CheckDefinition['kind'];
export type CheckOfKind<K extends CheckKind> = Extract<CheckDefinition, { kind: K }>;
export const CHECK_KINDS = [
  'disk_usage',
  'memory_usage',
  'cpu_usage',
  'smart',
  'battery_capacity',
  'service_running',
  'offline',
] as const satisfies readonly CheckKind[];
const CheckKindSchema = Type.Union([
  Type.Literal('disk_usage'),
  Type.Literal('memory_usage'),
  Type.Literal('cpu_usage'),
  Type.Literal('smart'),
  Type.Literal('battery_capacity'),
  Type.Literal('service_running'),
  Type.Literal('offline'),
]);

export const CheckPolicy = Type.Object(
  { checks: Type.Array(CheckDefinition, { maxItems: 200 }) },
  { additionalProperties: false },
);
export type CheckPolicy = Static<typeof CheckPolicy>;

export const DEFAULT_CHECK_POLICY: CheckPolicy = {
  checks: [
    {
      kind: 'disk_usage',
      id: 'disk',
      name: 'File system almost full',
      autoResolve: true,
      thresholdPct: 90,
      recoverBelowPct: 85,
    },
    {
      kind: 'memory_usage',
      id: 'memory',
      name: 'Memory use high',
      autoResolve: true,
      thresholdPct: 95,
      recoverBelowPct: 90,
      forMinutes: 10,
    },
    {
      kind: 'cpu_usage',
      id: 'cpu',
      name: 'CPU use high',
      autoResolve: true,
      thresholdPct: 95,
      recoverBelowPct: 85,
      forMinutes: 15,
    },
    // A disk that reported a failure and then "OK" again still wants a person to look at it.
    { kind: 'smart', id: 'smart', name: 'Disk reports a SMART failure', autoResolve: false },
    // Batteries do not heal; recovery means it was replaced, which a person should confirm.
    {
      kind: 'battery_capacity',
      id: 'battery',
      name: 'Battery worn out',
      autoResolve: false,
      minSharePct: 60,
      recoverAbovePct: 65,
    },
    { kind: 'offline', id: 'offline', name: 'Device offline', autoResolve: true, forMinutes: 30 },
  ],
};

/**
 * What JSON Schema cannot say about a policy: ids must be unique, and each recovery level must
 * lie on the healthy side of its threshold (else a value between the two raises and clears in
 * turn). Empty when the policy is sound; the server refuses a policy with problems.
 */
export function checkPolicyProblems(policy: CheckPolicy): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const check of policy.checks) {
    if (seen.has(check.id)) problems.push(`check id "${check.id}" is used more than once`);
    seen.add(check.id);
    if ('recoverBelowPct' in check && check.recoverBelowPct > check.thresholdPct) {
      problems.push(
        `check "${check.id}": recoverBelowPct (${check.recoverBelowPct}) must not be above thresholdPct (${check.thresholdPct})`,
      );
    }
    if (check.kind === 'battery_capacity' && check.recoverAbovePct < check.minSharePct) {
      problems.push(
        `check "${check.id}": recoverAbovePct (${check.recoverAbovePct}) must not be below minSharePct (${check.minSharePct})`,
      );
    }
  }
  return problems;
}

/** Measured values behind a fault, for the ticket (numbers as measured, text as the OS said). */
export const FaultValues = Type.Record(
  Type.String({ maxLength: 100 }),
  Type.Union([Type.Number(), Type.String({ maxLength: 1000 })]),
  { maxProperties: 32 },
);
export type FaultValues = Static<typeof FaultValues>;

/** The agent found a fault. One ticket per (device, checkId); `faultKey` tells items apart. */
export const FaultRaised = Type.Object(
  {
    seq: Type.Integer({ minimum: 1 }),
    checkId: CheckId,
    /** `checkId` for single-item checks, `checkId:item` (mount, disk) for per-item checks. */
    faultKey: Type.String({ minLength: 1, maxLength: 1100 }),
    checkName: PrintableText(200),
    kind: CheckKindSchema,
    /** One line for people, e.g. "Disk / is 93 % full". */
    subject: PrintableText(300),
    detail: PrintableText(2000),
    observedAt: Type.Number({ description: 'ms since the epoch, agent clock' }),
    values: FaultValues,
  },
  { additionalProperties: false },
);
export type FaultRaised = Static<typeof FaultRaised>;

/** A raised fault recovered (or can no longer be watched; `detail` says which). */
export const FaultCleared = Type.Object(
  {
    seq: Type.Integer({ minimum: 1 }),
    checkId: CheckId,
    faultKey: Type.String({ minLength: 1, maxLength: 1100 }),
    observedAt: Type.Number({ description: 'ms since the epoch, agent clock' }),
    detail: PrintableText(2000),
    values: FaultValues,
  },
  { additionalProperties: false },
);
export type FaultCleared = Static<typeof FaultCleared>;

/** For the agent-to-server body map and the outbox message types. */
export const FaultBodies = { 'fault.raised': FaultRaised, 'fault.cleared': FaultCleared } as const;
